# shellcheck shell=bash
# Shared helpers of infra/local/agora: paths, messages, processes, waits, fetching.
# Sourced, never run. Every part keeps "<state>/run/<part>.pid" and "<state>/log/<part>.log".

AGORA_INFRA=${AGORA_INFRA:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
AGORA_REPO=${AGORA_REPO:-$(cd "$AGORA_INFRA/../.." && pwd)}
AGORA_STATE=${AGORA_STATE:-$AGORA_REPO/.agora}
AGORA_CACHE=${AGORA_CACHE:-$HOME/.cache/agora}
AGORA_PROFILE=${AGORA_PROFILE:-local}
RUN_DIR=$AGORA_STATE/run
LOG_DIR=$AGORA_STATE/log

say()  { printf 'agora: %s\n' "$*" >&2; }
warn() { printf 'agora: WARNING: %s\n' "$*" >&2; }
die()  { printf 'agora: ERROR: %s\n' "$*" >&2; exit 1; }

ensure_dirs() { mkdir -p "$RUN_DIR" "$LOG_DIR" "$AGORA_CACHE"; }

# Replaces every @KEY@ of a template with the value given as KEY=value; no sed, so values may hold
# any character (paths, regexes).
render_template() { # template output KEY=value...
  local template=$1 output=$2 content pair
  content=$(<"$template")
  shift 2
  for pair in "$@"; do
    content=${content//@${pair%%=*}@/${pair#*=}}
  done
  if [[ $content =~ @[A-Z_]+@ ]]; then
    die "template $template: placeholder ${BASH_REMATCH[0]} has no value"
  fi
  printf '%s\n' "$content" >"$output.tmp"
  mv "$output.tmp" "$output"
}

# --- packages ------------------------------------------------------------------------------
apt_updated=false
apt_install() { # package...
  command -v apt-get >/dev/null || die "missing $*, and no apt-get to install it: install $* by hand"
  [[ $EUID -eq 0 ]] || die "missing $*: run as root once (apt-get install -y $*)"
  if ! $apt_updated; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    apt_updated=true
  fi
  say "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

require_tools() { # command:package...
  local spec missing=()
  for spec in "$@"; do
    command -v "${spec%%:*}" >/dev/null 2>&1 || [[ -x ${spec%%:*} ]] || missing+=("${spec#*:}")
  done
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
}

use_jdk() {
  # shellcheck source=lib/jdk.sh
  source "$AGORA_INFRA/lib/jdk.sh"
  agora_find_jdk
}

mvnw() { "$AGORA_REPO/mvnw" "$@"; }

# Copies one artifact (already in the local Maven repository or fetched by Maven) into the cache.
# Runs in the cache dir so that Maven never reads the project's own pom.xml.
fetch_artifact() { # groupId:artifactId:version[:packaging[:classifier]] file-name
  local coords=$1 name=$2
  [[ -s $AGORA_CACHE/$name ]] && return 0
  say "fetching $coords into $AGORA_CACHE"
  (cd "$AGORA_CACHE" && mvnw -q -B dependency:copy "-Dartifact=$coords" "-DoutputDirectory=$AGORA_CACHE") >&2 ||
    die "could not fetch $coords with Maven"
  [[ -s $AGORA_CACHE/$name ]] || die "Maven did not produce $AGORA_CACHE/$name"
}

# --- processes -----------------------------------------------------------------------------
pid_file() { printf '%s/%s.pid' "$RUN_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

pid_alive() { # pid
  local state
  [[ $1 =~ ^[0-9]+$ && -r /proc/$1/stat ]] || return 1
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n $state && $state != Z && $state != X ]]
}

# Prints the pid of a part when its pid file names a live process whose command line contains
# the marker, so that a recycled pid is never taken for ours.
part_pid() { # part marker
  local file pid
  file=$(pid_file "$1")
  [[ -s $file ]] || return 1
  read -r pid <"$file" || return 1
  pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
  printf '%s\n' "$pid"
}

part_started() { # part — the process start_bg recorded is alive
  local pid
  read -r pid <"$(pid_file "$1")" 2>/dev/null && pid_alive "$pid"
}

# Starts a command detached (own session, stdin closed, output appended to the log) and records
# its pid. setsid does not fork here (a background job of a script is no group leader), so $! is
# the process itself.
start_bg() { # part log command...
  local part=$1 log=$2
  shift 2
  printf '\n===== %s agora: starting %s =====\n' "$(date -Is)" "$part" >>"$log"
  setsid "$@" >>"$log" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$(pid_file "$part")"
}

stop_pid() { # name pid timeout-seconds
  local name=$1 pid=$2 timeout=$3 i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < timeout * 10; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.1
  done
  warn "$name (pid $pid) did not stop within ${timeout}s: killing its process group"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}

stop_part() { # part marker timeout-seconds
  local pid
  if pid=$(part_pid "$1" "$2"); then
    say "stopping $1 (pid $pid)"
    stop_pid "$1" "$pid" "$3"
  fi
  rm -f "$(pid_file "$1")"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_owner() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'users:(.*)' | head -n1; }

ensure_port_free() { # port what
  if port_open "$1"; then
    die "port 127.0.0.1:$1 (needed by $2) is taken by something agora did not start: $(port_owner "$1")"
  fi
}

http_ok() { # url: 2xx
  curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
}

show_log_tail() { # logs (colon-separated) [lines]
  local logs=$1 lines=${2:-40} log
  local IFS=:
  for log in $logs; do
    [[ -s $log ]] || continue
    printf -- '--- last %s lines of %s ---\n' "$lines" "$log" >&2
    tail -n "$lines" "$log" >&2
  done
  printf -- '---\n' >&2
}

# Polls a check until it succeeds; fails with the log tail on timeout or when the part's process
# has exited.
wait_until() { # what timeout-seconds part marker logs(colon-separated) check...
  local what=$1 timeout=$2 part=$3 marker=$4 log=$5 start=$SECONDS
  shift 5
  until "$@"; do
    # NOTE: the recorded pid, not the marker: just after start_bg the child may not have
    # exec'd the command yet, and its cmdline still reads like the shell.
    if [[ -n $part ]] && ! part_started "$part"; then
      show_log_tail "$log"
      die "$what: the process exited during startup (log: $log)"
    fi
    if ((SECONDS - start >= timeout)); then
      show_log_tail "$log"
      die "$what: not healthy after ${timeout}s (log: $log)"
    fi
    sleep 1
  done
  say "$what is ready ($((SECONDS - start))s)"
}

random_secret() { # length: letters and digits only, so it survives any quoting
  local out=""
  while ((${#out} < $1)); do
    out+=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  done
  printf '%s' "${out:0:$1}"
}
