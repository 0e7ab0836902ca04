# shellcheck shell=bash
# The four Quarkus services, run from their packaged jars in the prod profile.

SERVICES=(identity post timeline moderation)
declare -A SERVICE_PORT=([identity]=8081 [post]=8082 [timeline]=8083 [moderation]=8084)
SECRETS_FILE=$AGORA_STATE/secrets.env

svc_jar() { printf '%s/%s-service/target/quarkus-app/quarkus-run.jar' "$AGORA_REPO" "$1"; }
svc_marker() { printf '%s-service/target/quarkus-app/quarkus-run.jar' "$1"; }
svc_pid() { part_pid "$1" "$(svc_marker "$1")"; }
svc_ready() { http_ok "http://127.0.0.1:${SERVICE_PORT[$1]}/q/health/ready"; }

svc_not_ready_checks() { # svc: one line per readiness check that is DOWN, with its data (none when ready)
  curl -sS --max-time 5 "http://127.0.0.1:${SERVICE_PORT[$1]}/q/health/ready" 2>/dev/null \
    | jq -r '.checks[]? | select(.status != "UP") | "\(.name): \((.data // {}) | to_entries | map(.value | tostring) | join("; "))"' 2>/dev/null
}

svc_check_name() {
  [[ -n ${SERVICE_PORT[$1]:-} ]] || die "unknown service '$1' (one of: ${SERVICES[*]})"
}

# The key-encryption keys are made once and kept, or everything encrypted with them would be
# lost at the next start. A file from before a key existed gains it (existing keys never change).
svc_secrets() {
  if [[ ! -s $SECRETS_FILE ]]; then
    say "generating $SECRETS_FILE (content KEK)"
    (
      umask 077
      {
        echo "# Local-only secrets of the Agora services, generated once by infra/local/agora. Keep: data"
        echo "# encrypted under these keys cannot be read without them."
        echo "AGORA_CONTENT_KEK=$(head -c 32 /dev/urandom | base64 -w0)"
        echo "AGORA_CONTENT_KEK_ID=local-1"
      } >"$SECRETS_FILE.tmp"
      mv "$SECRETS_FILE.tmp" "$SECRETS_FILE"
    )
  fi
  if ! grep -q '^AGORA_MODERATION_EVIDENCE_KEK=' "$SECRETS_FILE"; then
    say "adding the moderation KEK (evidence escrow, report texts) to $SECRETS_FILE"
    {
      echo "AGORA_MODERATION_EVIDENCE_KEK=$(head -c 32 /dev/urandom | base64 -w0)"
      echo "AGORA_MODERATION_EVIDENCE_KEK_ID=moderation-local-1"
    } >>"$SECRETS_FILE"
  fi
  chmod 600 "$SECRETS_FILE"
}

svc_build_if_missing() { # service...
  local svc missing=()
  for svc in "$@"; do [[ -f $(svc_jar "$svc") ]] || missing+=("$svc"); done
  ((${#missing[@]} == 0)) && return 0
  say "no packaged jar for ${missing[*]}: building (./mvnw -B -q package -DskipTests)"
  (cd "$AGORA_REPO" && ./mvnw -B -q package -DskipTests) || die "the build failed"
  for svc in "${missing[@]}"; do
    [[ -f $(svc_jar "$svc") ]] || die "the build did not produce $(svc_jar "$svc")"
  done
}

svc_stop() { stop_part "$1" "$(svc_marker "$1")" 30; }

svc_start() { # service
  local svc=$1 port=${SERVICE_PORT[$1]} name=agora_$1
  ensure_port_free "$port" "$svc service"
  say "starting $svc on http://127.0.0.1:$port"
  # NOTE: the parallel collector: on 2 shared cores a home read's p99 at 1,000 reads/s was 62 ms
  # with it and 115 ms with G1 in one pair of runs (docs/benchmarks.md). Extra JVM options come
  # from AGORA_SERVICE_JAVA_OPTS.
  # shellcheck disable=SC2046,SC2086 # the secrets file holds KEY=value lines of letters, digits, + / =
  start_bg "$svc" "$(log_file "$svc")" env \
    QUARKUS_PROFILE=prod QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    DB_URL="postgresql://127.0.0.1:$PG_PORT/$name" DB_USER="$name" DB_PASSWORD="$name" \
    OIDC_AUTH_SERVER_URL="$KC_URL/realms/$KC_REALM" AGORA_PUBLIC_URL="http://localhost:$GW_PORT" \
    AGORA_KEYCLOAK_ADMIN_CLIENT_SECRET="$KC_IDENTITY_CLIENT_SECRET" \
    AGORA_MEDIA_DIR="$AGORA_STATE/media" \
    AGORA_API_CLIENT_SECRET=local-only-agora-api-secret \
    $(grep -E '^[A-Z_]+=' "$SECRETS_FILE") \
    java -Xms64m -Xmx512m ${AGORA_SERVICE_GC:--XX:+UseParallelGC} -XX:+ExitOnOutOfMemoryError ${AGORA_SERVICE_JAVA_OPTS:-} \
      -jar "$(svc_jar "$svc")"
}

# (Re)starts the services given (all by default): build what is missing, stop the old processes,
# start all, then wait for each one's readiness.
services_restart() { # [service...]
  local svc present=()
  if (($# == 0)); then
    # All services, but only those whose module exists yet: the others cannot be built.
    for svc in "${SERVICES[@]}"; do
      if [[ -f $AGORA_REPO/$svc-service/pom.xml ]]; then present+=("$svc"); else warn "no module $svc-service yet: not starting $svc"; fi
    done
    ((${#present[@]} > 0)) || { warn "no service module exists yet"; return 0; }
    set -- "${present[@]}"
  fi
  for svc in "$@"; do svc_check_name "$svc"; done
  port_open "$KAFKA_PORT" || warn "kafka is not up on $KAFKA_BOOTSTRAP (agora infra): the services will not get ready"
  port_open "$PG_PORT" || warn "postgresql is not up on 127.0.0.1:$PG_PORT (agora infra): the services will not get ready"
  svc_build_if_missing "$@"
  svc_secrets
  for svc in "$@"; do svc_stop "$svc"; done
  for svc in "$@"; do svc_start "$svc"; done
  for svc in "$@"; do
    wait_until "$svc service" 90 "$svc" "$(svc_marker "$svc")" "$(log_file "$svc")" svc_ready "$svc"
  done
}

services_stop() {
  local svc
  for svc in "${SERVICES[@]}"; do svc_stop "$svc"; done
}
