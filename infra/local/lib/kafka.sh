# shellcheck shell=bash
# Kafka 4.1 as one KRaft node (broker + controller) on 127.0.0.1:9092 (controller 9093).

KAFKA_VERSION=4.1.2
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
KAFKA_BOOTSTRAP=127.0.0.1:$KAFKA_PORT
KAFKA_LIB=$AGORA_CACHE/kafka-$KAFKA_VERSION/lib
KAFKA_DIR=$AGORA_STATE/kafka
KAFKA_CONFIG=$KAFKA_DIR/server.properties
KAFKA_MARKER=kafka.Kafka
KAFKA_LOG=$LOG_DIR/kafka.log
KAFKA_OUT=$LOG_DIR/kafka.out

# The lib folder is rebuilt whenever infra/local/kafka/pom.xml changes.
kafka_fetch() {
  local pom=$AGORA_INFRA/kafka/pom.xml stamp tmp
  stamp=$(sha256sum "$pom" | cut -d' ' -f1)
  [[ -f $KAFKA_LIB/.agora-stamp && $(<"$KAFKA_LIB/.agora-stamp") == "$stamp" ]] && return 0
  say "fetching Kafka $KAFKA_VERSION jars into $KAFKA_LIB"
  mkdir -p "$(dirname "$KAFKA_LIB")"
  tmp=$(mktemp -d "$(dirname "$KAFKA_LIB")/.lib.XXXXXX")
  if ! mvnw -q -B -f "$pom" dependency:copy-dependencies -DincludeScope=runtime "-DoutputDirectory=$tmp" >&2; then
    rm -rf "$tmp"
    die "could not fetch the Kafka jars (Maven failed on $pom)"
  fi
  printf '%s\n' "$stamp" >"$tmp/.agora-stamp"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
}

# A short-lived JVM for the command-line tools: quick start-up matters more than throughput.
kafka_tool() { # class args...
  java -Xmx192m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
    "-Dlog4j2.configurationFile=$AGORA_INFRA/kafka/log4j2-tools.xml" \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_configure() {
  mkdir -p "$KAFKA_DIR/data"
  render_template "$AGORA_INFRA/kafka/server.properties" "$KAFKA_CONFIG" "LOG_DIRS=$KAFKA_DIR/data"
}

# Formats the log dir once; the cluster id is kept so that a re-format (after the data dir was
# removed by hand) keeps the same id.
kafka_format() {
  [[ -f $KAFKA_DIR/data/meta.properties ]] && return 0
  local id_file=$KAFKA_DIR/cluster.id
  if [[ ! -s $id_file ]]; then
    kafka_tool kafka.tools.StorageTool random-uuid >"$id_file.tmp" || die "StorageTool random-uuid failed"
    mv "$id_file.tmp" "$id_file"
  fi
  say "formatting the Kafka log dir $KAFKA_DIR/data (cluster id $(<"$id_file"))"
  kafka_tool kafka.tools.StorageTool format -t "$(<"$id_file")" -c "$KAFKA_CONFIG" --standalone >>"$KAFKA_OUT" 2>&1 ||
    { show_log_tail "$KAFKA_OUT"; die "formatting the Kafka log dir failed"; }
}

kafka_pid() { part_pid kafka "$KAFKA_MARKER"; }

# Succeeds when the running broker's rendered configuration differs from what the template gives now.
kafka_config_changed() {
  [[ -f $KAFKA_CONFIG ]] || return 0
  local now=$KAFKA_CONFIG.now changed=0
  render_template "$AGORA_INFRA/kafka/server.properties" "$now" "LOG_DIRS=$KAFKA_DIR/data"
  cmp -s "$now" "$KAFKA_CONFIG" && changed=1
  rm -f "$now"
  return "$changed"
}

kafka_start() {
  if kafka_pid >/dev/null && ! kafka_config_changed; then
    say "kafka is already running (pid $(kafka_pid))"
  else
    if kafka_pid >/dev/null; then
      say "restarting kafka for the stack's settings (infra/local/kafka/server.properties changed)"
      kafka_stop
    fi
    ensure_port_free "$KAFKA_PORT" kafka
    ensure_port_free "$KAFKA_CONTROLLER_PORT" "kafka (controller)"
    kafka_fetch
    kafka_configure
    kafka_format
    say "starting kafka $KAFKA_VERSION on $KAFKA_BOOTSTRAP"
    start_bg kafka "$KAFKA_OUT" java -Xms128m -Xmx512m -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
      "-Dagora.kafka.log=$KAFKA_LOG" "-Dlog4j2.configurationFile=$AGORA_INFRA/kafka/log4j2.xml" \
      -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONFIG"
  fi
  wait_until "kafka" 90 kafka "$KAFKA_MARKER" "$KAFKA_OUT:$KAFKA_LOG" port_open "$KAFKA_PORT"
  kafka_topics
}

# Prints "name partitions configs" for every non-internal topic, configs as k=v,k=v (only the
# topic's own overrides).
kafka_describe_topics() {
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --describe --exclude-internal |
    awk -F'\t' '/^Topic:/ {
      name = ""; parts = ""; cfg = ""
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^Topic: /) name = substr($i, 8)
        else if ($i ~ /^PartitionCount: /) parts = substr($i, 17)
        else if ($i ~ /^Configs: /) cfg = substr($i, 10)
      }
      print name, parts, cfg
    }'
}

# Makes the broker's topics match infra/local/topics.conf: creates missing topics (--if-not-exists,
# so racing another run is harmless), re-applies drifted configs, adds partitions.
kafka_topics() {
  local conf=$AGORA_INFRA/topics.conf described name partitions configs have_parts have_cfg kv
  local -A actual_parts=() actual_cfg=()
  local -a config_args drift created=()
  described=$(kafka_describe_topics) || die "could not list the Kafka topics (TopicCommand --describe failed)"
  while read -r name partitions configs; do
    [[ -n $name ]] || continue
    actual_parts[$name]=$partitions
    actual_cfg[$name]=",$configs,"
  done <<<"$described"

  while read -r name partitions configs; do
    [[ -z $name || $name == \#* ]] && continue
    if [[ -z ${actual_parts[$name]:-} ]]; then
      config_args=()
      for kv in $configs; do config_args+=(--config "$kv"); done
      say "creating topic $name ($partitions partitions${configs:+, $configs})"
      kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
        --topic "$name" --partitions "$partitions" --replication-factor 1 "${config_args[@]}" >/dev/null ||
        die "could not create topic $name"
      created+=("$name")
      continue
    fi
    have_parts=${actual_parts[$name]}
    have_cfg=${actual_cfg[$name]}
    if ((have_parts < partitions)); then
      say "topic $name: $have_parts -> $partitions partitions"
      kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --alter \
        --topic "$name" --partitions "$partitions" >/dev/null || die "could not add partitions to $name"
    elif ((have_parts > partitions)); then
      warn "topic $name has $have_parts partitions, topics.conf says $partitions (Kafka cannot remove partitions)"
    fi
    drift=()
    for kv in $configs; do
      [[ $have_cfg == *",$kv,"* ]] || drift+=("$kv")
    done
    if ((${#drift[@]} > 0)); then
      say "topic $name: applying drifted configs ${drift[*]}"
      kafka_tool kafka.admin.ConfigCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --alter --entity-type topics \
        --entity-name "$name" --add-config "$(IFS=,; printf '%s' "${drift[*]}")" >/dev/null ||
        die "could not alter the configs of topic $name"
    fi
  done <"$conf"

  if ((${#created[@]} > 0)); then
    # Verify with a fresh look rather than trusting the exit codes.
    described=$(kafka_describe_topics) || die "could not list the Kafka topics"
    for name in "${created[@]}"; do
      awk -v n="$name" '$1 == n { found = 1 } END { exit !found }' <<<"$described" || die "topic $name was not created"
    done
  fi
  say "kafka topics match topics.conf ($(grep -cEv '^[[:space:]]*(#|$)' "$conf") topics)"
}

kafka_stop() { stop_part kafka "$KAFKA_MARKER" 60; }

# The consumer lag of every group with live members, one "group lag pending" line each: lag sums
# the partitions with a committed position; pending counts partitions holding records that the
# group has not committed any position on yet. The per-instance key readers never commit (they
# replay the compacted key topics at each boot), so their groups are left out.
kafka_live_lag() {
  kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --describe --all-groups 2>/dev/null |
    awk '$1 == "GROUP" || NF < 9 || $7 == "-" || $1 ~ /keys-[0-9a-f]+-/ { next }
      { seen[$1] = 1 }
      $6 ~ /^[0-9]+$/ { lag[$1] += $6; next }
      $5 ~ /^[0-9]+$/ && $5 > 0 { pending[$1]++ }
      END { for (g in seen) print g, lag[g] + 0, pending[g] + 0 }' | sort
}

# Waits until every running consumer has read the log to its end. Services are ready as soon as
# they serve, but after a start on a long log (in a test run: everything the module tests wrote)
# their projections and the screening gate first work through the backlog.
kafka_await_caught_up() { # timeout-seconds
  local timeout=$1 start=$SECONDS lines behind last=-1
  while :; do
    lines=$(kafka_live_lag)
    behind=$(awk '{ n += $2 + $3 } END { print n + 0 }' <<<"$lines")
    if [[ -n $lines ]] && ((behind == 0)); then
      say "every consumer has caught up with the log ($((SECONDS - start))s)"
      return 0
    fi
    if ((SECONDS - start >= timeout)); then
      warn "consumers still behind the log after ${timeout}s:"
      awk '$2 + $3 > 0 { printf "  %s: lag %d, %d partitions without a position\n", $1, $2, $3 }' <<<"$lines" >&2
      return 1
    fi
    if ((behind != last)); then
      say "waiting for the consumers to catch up with the log: $behind records behind"
      last=$behind
    fi
    sleep 5
  done
}
