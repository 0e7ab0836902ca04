# shellcheck shell=bash
# PostgreSQL: the Debian cluster "main" (port 5432), one role and two databases per service.
# Roles and passwords are agora_<service> / agora_<service>: local-only credentials for a server
# that listens on localhost only; never reuse them anywhere else.

PG_PORT=5432
PG_SERVICES=(identity post timeline moderation)

pg_version() { # the installed cluster version that has a "main" cluster, 15 preferred
  pg_lsclusters -h 2>/dev/null | awk '$2 == "main" { print $1 }' | sort -n | awk '$1 == 15 { v = 15 } { last = $1 } END { print (v ? v : last) }'
}

pg_ensure_installed() {
  if ! command -v pg_ctlcluster >/dev/null || [[ -z $(pg_version) ]]; then
    apt_install postgresql
  fi
  [[ -n $(pg_version) ]] || die "PostgreSQL is installed but has no 'main' cluster (pg_createcluster <version> main)"
}

pg_running() { [[ $(pg_lsclusters -h 2>/dev/null | awk -v v="$(pg_version)" '$1 == v && $2 == "main" { print $4 }') == online* ]]; }

pg_server_pid() {
  local version
  version=$(pg_version)
  [[ -n $version && -r /var/lib/postgresql/$version/main/postmaster.pid ]] || return 1
  head -n1 "/var/lib/postgresql/$version/main/postmaster.pid"
}

pg_log_path() { printf '/var/log/postgresql/postgresql-%s-main.log' "$(pg_version)"; }

pg_accepts() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" -t 2; }

# psql as the postgres superuser over the Unix socket (peer auth), SQL on stdin; cd / keeps psql
# from complaining that it cannot read the caller's directory.
pg_psql() { (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres); }

pg_cluster_start() {
  pg_ensure_installed
  local version port
  version=$(pg_version)
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
  [[ $port == "$PG_PORT" ]] || die "PostgreSQL $version/main listens on port $port, the services expect $PG_PORT"
  if pg_configure "$version" && pg_running; then
    say "restarting postgresql $version/main for the stack's settings (infra/local/postgres/agora.conf)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main restart 9>&- ||
      { show_log_tail "$(pg_log_path)"; die "pg_ctlcluster $version main restart failed"; }
  elif pg_running; then
    say "postgresql $version/main is already running"
  else
    say "starting postgresql $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 9>&- ||
      { show_log_tail "$(pg_log_path)"; die "pg_ctlcluster $version main start failed"; }
  fi
  wait_until "postgresql" 30 "" "" "$(pg_log_path)" pg_accepts
}

# Installs the stack's server settings into the cluster's conf.d; succeeds when they changed.
pg_configure() { # version
  local target=/etc/postgresql/$1/main/conf.d/agora.conf
  cmp -s "$AGORA_INFRA/postgres/agora.conf" "$target" && return 1
  install -D -m 644 -o postgres -g postgres "$AGORA_INFRA/postgres/agora.conf" "$target" ||
    die "could not install $target"
}

pg_start() {
  pg_cluster_start
  pg_provision
}

pg_provision() {
  local svc name sql=""
  for svc in "${PG_SERVICES[@]}"; do
    name=agora_$svc
    sql+="
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$name', '$name')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') \\gexec
ALTER ROLE $name LOGIN PASSWORD '$name';
SELECT format('CREATE DATABASE %I OWNER %I', d, '$name') FROM unnest(ARRAY['$name', '${name}_test']) AS d
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \\gexec
ALTER DATABASE $name OWNER TO $name;
ALTER DATABASE ${name}_test OWNER TO $name;
"
  done
  pg_psql <<<"$sql" >/dev/null || die "could not create the agora_* roles and databases"
  for svc in "${PG_SERVICES[@]}"; do
    PGPASSWORD=agora_$svc psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "agora_$svc" -d "agora_$svc" -c 'SELECT 1' >/dev/null 2>&1 ||
      die "role agora_$svc cannot log in to database agora_$svc on 127.0.0.1:$PG_PORT"
  done
  say "postgresql roles and databases agora_{$(IFS=,; printf "%s" "${PG_SERVICES[*]}")}[_test] are in place"
}

pg_drop_agora() {
  local svc sql=""
  for svc in "${PG_SERVICES[@]}"; do
    sql+="DROP DATABASE IF EXISTS agora_$svc WITH (FORCE);
DROP DATABASE IF EXISTS agora_${svc}_test WITH (FORCE);
DROP ROLE IF EXISTS agora_$svc;
"
  done
  pg_psql <<<"$sql" >/dev/null || die "could not drop the agora_* databases and roles"
  say "dropped the agora_* databases and roles"
}

pg_stop() {
  command -v pg_ctlcluster >/dev/null && [[ -n $(pg_version) ]] || return 0
  if pg_running; then
    say "stopping postgresql $(pg_version)/main"
    pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main stop || warn "pg_ctlcluster stop failed"
  fi
}
