# The whole test suite, as the README's second command and CI run it. Sourced by infra/local/agora.

# Unit tests and @QuarkusTests need the infra only; the e2e tests need the packaged services and
# the gateway, so they run after the build has made the jars and the services run from them.
cmd_test() { # usage: test — the whole suite: infra, build with unit and @QuarkusTests, then services + gateway and the e2e tests (Java ITs and a real Mastodon client)
  take_lock
  require_tools node:nodejs npm:npm
  infra_up
  say "build, unit tests and @QuarkusTests against the running Kafka, PostgreSQL and Keycloak"
  (cd "$AGORA_REPO" && ./mvnw -B install)
  services_restart
  gw_start
  # The end-to-end tests measure the steady state, not a boot's catch-up on the module tests' log.
  kafka_await_caught_up 900 || warn "the end-to-end tests start with consumers behind the log"
  say "end-to-end tests through the gateway (the forensic test scans the raw data directories)"
  (
    # The forensic test needs the local KEK and where Kafka, PostgreSQL and the media store keep
    # their bytes.
    set -a
    # shellcheck disable=SC1090
    source "$SECRETS_FILE"
    set +a
    export AGORA_STATE
    AGORA_PG_DATA=$(pg_lsclusters -h | awk -v v="$(pg_version)" '$1 == v && $2 == "main" { print $6 }')
    export AGORA_PG_DATA
    cd "$AGORA_REPO" && ./mvnw -B -Pe2e -pl e2e verify
  ) || { services_trouble; return 1; }
  say "a real Mastodon client library (megalodon) through the gateway"
  (cd "$AGORA_REPO/e2e/megalodon" && npm ci --no-audit --no-fund --loglevel=error && npm test) ||
    { services_trouble; return 1; }
}

# After a failed end-to-end test: what the services warned about, last, so a CI log that shows
# only its end still says which service went wrong (the logs stay in <state>/log).
services_trouble() {
  local svc
  for svc in "${SERVICES[@]}"; do
    warn "the last warnings and errors of $svc ($(log_file "$svc")):"
    grep -E '^[0-9-]+ [0-9:,]+ +(WARN|ERROR) ' "$(log_file "$svc")" 2>/dev/null | grep -v BlockedThreadChecker |
      tail -n 8 | cut -c1-400 >&2 || true
  done
}
