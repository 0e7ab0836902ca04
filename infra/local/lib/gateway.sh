# shellcheck shell=bash
# nginx as the API gateway on 127.0.0.1:8080, from the template infra/local/nginx/agora.conf.
# Rate limits can be loosened for load tests: AGORA_GW_API_RATE (30r/s), AGORA_GW_API_BURST (60),
# AGORA_GW_STRICT_RATE (5r/m), AGORA_GW_STRICT_BURST (3): of 100 scripted sign-ups fired from
# one address, 4 get through at once and then one every 12 s; the rest get 429.

GW_PORT=8080
GW_DIR=$AGORA_STATE/nginx
GW_CONF=$GW_DIR/conf/agora.conf
GW_MARKER=nginx
GW_PID_FILE=$RUN_DIR/gateway.pid
# shellcheck disable=SC2034 # read by agora (logs)
GW_ACCESS_LOG=$LOG_DIR/gateway.access.log
GW_ERROR_LOG=$LOG_DIR/gateway.error.log

gw_pid() { part_pid gateway "$GW_MARKER"; }

gw_nginx() { nginx -p "$GW_DIR/" -c "$GW_CONF" -e "$GW_ERROR_LOG" "$@" 9>&-; }

gw_render() {
  local user_directive="" worker_user temp=$GW_DIR/temp public_host=${KC_PUBLIC_URL#http://}
  public_host=${public_host%%/*}
  mkdir -p "$GW_DIR/conf" "$temp"/{client_body,proxy,fastcgi,uwsgi,scgi}
  # As root nginx drops its workers to an unprivileged user, which must be able to write the
  # temp dirs (request bodies over the buffer size land there).
  if [[ $EUID -eq 0 ]]; then
    worker_user=www-data
    id -u "$worker_user" >/dev/null 2>&1 || worker_user=nobody
    user_directive="user $worker_user $(id -gn "$worker_user");"
    chown -R "$worker_user:" "$temp"
  fi
  render_template "$AGORA_INFRA/nginx/agora.conf" "$GW_CONF" \
    "USER_DIRECTIVE=$user_directive" "PID_FILE=$GW_PID_FILE" "LOG_DIR=$LOG_DIR" "TEMP_DIR=$temp" \
    "API_RATE=${AGORA_GW_API_RATE:-30r/s}" "API_BURST=${AGORA_GW_API_BURST:-60}" \
    "STRICT_RATE=${AGORA_GW_STRICT_RATE:-5r/m}" "STRICT_BURST=${AGORA_GW_STRICT_BURST:-3}" \
    "KC_PUBLIC_HOST=$public_host" "KC_PUBLIC_PORT=${public_host##*:}"
  gw_nginx -t -q 2>&1 || die "nginx rejects the generated config $GW_CONF"
}

gw_ready() { http_ok "http://127.0.0.1:$GW_PORT/healthz"; }

# Re-renders the config each time, so a changed template or limit is picked up by a reload.
gw_start() {
  require_tools nginx:nginx
  gw_render
  if gw_pid >/dev/null; then
    say "gateway is running (pid $(gw_pid)): reloading its config"
    gw_nginx -s reload || die "nginx reload failed (see $GW_ERROR_LOG)"
  else
    ensure_port_free "$GW_PORT" gateway
    say "starting the gateway (nginx) on http://127.0.0.1:$GW_PORT"
    printf '\n===== %s agora: starting gateway =====\n' "$(date -Is)" >>"$GW_ERROR_LOG"
    gw_nginx || { show_log_tail "$GW_ERROR_LOG"; die "nginx did not start"; }
  fi
  wait_until "gateway" 10 gateway "$GW_MARKER" "$GW_ERROR_LOG" gw_ready
}

gw_stop() {
  local pid
  if pid=$(gw_pid); then
    say "stopping the gateway (pid $pid)"
    # nginx: TERM is its fast shutdown, QUIT would wait for open keep-alive connections.
    stop_pid gateway "$pid" 10
  fi
  rm -f "$GW_PID_FILE"
}
