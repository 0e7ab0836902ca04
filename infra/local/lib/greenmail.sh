# shellcheck shell=bash
# GreenMail: a mail sink for Keycloak's e-mails (verification, password reset). SMTP 3025 and
# IMAP 3143 (its "test" setup); its HTTP API (read mail in tests) on 8025, away from its default
# 8080, which is the gateway's. Authentication is off: any login reads the mailbox of that name.

GM_VERSION=2.1.3
GM_JAR_NAME=greenmail-standalone-$GM_VERSION.jar
GM_SMTP_PORT=3025
GM_IMAP_PORT=3143
GM_API_PORT=8025
GM_MARKER=greenmail-standalone
GM_LOG=$LOG_DIR/greenmail.log

gm_pid() { part_pid greenmail "$GM_MARKER"; }

gm_ready() { port_open "$GM_SMTP_PORT" && port_open "$GM_IMAP_PORT" && http_ok "http://127.0.0.1:$GM_API_PORT/api/service/readiness"; }

gm_start() {
  if gm_pid >/dev/null; then
    say "greenmail is already running (pid $(gm_pid))"
  else
    local port
    for port in "$GM_SMTP_PORT" "$GM_IMAP_PORT" "$GM_API_PORT"; do ensure_port_free "$port" greenmail; done
    fetch_artifact "com.icegreen:greenmail-standalone:$GM_VERSION" "$GM_JAR_NAME"
    say "starting greenmail $GM_VERSION (smtp $GM_SMTP_PORT, imap $GM_IMAP_PORT, api $GM_API_PORT)"
    start_bg greenmail "$GM_LOG" java -Xms32m -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
      -Dgreenmail.auth.disabled \
      -Dgreenmail.api.hostname=127.0.0.1 "-Dgreenmail.api.port=$GM_API_PORT" \
      -jar "$AGORA_CACHE/$GM_JAR_NAME"
  fi
  wait_until "greenmail" 60 greenmail "$GM_MARKER" "$GM_LOG" gm_ready
}

gm_stop() { stop_part greenmail "$GM_MARKER" 20; }
