#!/usr/bin/env bash
# Several OBMi instances on one machine, as in production but small (docs/operations.md, "Several instances"):
# a PostgreSQL 15 primary and a streaming-replication standby made with pg_basebackup (Debian's postgresql-15
# binaries), OBMi instances, and nginx as the load balancer in front of them. Used by
# be.obmi.platform.MultiInstanceIntegrationTests (which starts the OBMi instances itself, in its own JVM) and by
# bench/multi/run.sh; also a way to try the topology by hand:
#
#   scripts/multi-instance/cluster.sh up              # primary 15432, standby 15433, OBMi 18091/18092, nginx 18090
#   scripts/multi-instance/cluster.sh down
#
# Sub-commands (WORK is the folder for data, logs and configuration; default target/multi-instance):
#   db-start WORK PRIMARY_PORT STANDBY_PORT   initdb + start the primary, create database obmi, pg_basebackup -R
#                                             the standby and start it (hot_standby, streaming)
#   standby-stop WORK | standby-start WORK    stop / start the standby only
#   db-resume WORK                            start both servers again (made earlier by db-start)
#   db-stop WORK                              stop both servers
#   lb-start WORK LB_PORT APP_PORT...         nginx on LB_PORT, round robin over the OBMi ports; a request that
#                                             finds an instance down (refused, 502/503/504) goes to the next one
#   lb-stop WORK
#   app-start WORK NAME PORT PRIMARY_PORT STANDBY_PORT [extra OBMi arguments]   one OBMi instance from the jar
#   app-stop WORK NAME
#   up / down                                 all of the above with the default ports (needs target/obmi-*.jar)
# PostgreSQL binaries: OBMI_TEST_POSTGRES_BIN, else /usr/lib/postgresql/15/bin (or the newest installed version).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

pg_bin() {
  if [ -n "${OBMI_TEST_POSTGRES_BIN:-}" ]; then echo "$OBMI_TEST_POSTGRES_BIN"; return; fi
  if [ -x /usr/lib/postgresql/15/bin/pg_basebackup ]; then echo /usr/lib/postgresql/15/bin; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}
nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }
# PostgreSQL refuses to run as root: as root, the server programs run in a new user namespace (unshare --user),
# where they are not root (as ExternalDatabaseBackupTests and the embedded PostgreSQL do)
as_pg() {
  if [ "$(id -u)" = 0 ]; then unshare --user "$@"; else "$@"; fi
}

db_start() {
  local work=$1 primary_port=$2 standby_port=$3 bin
  bin=$(pg_bin)
  [ -x "$bin/pg_basebackup" ] || { echo "no PostgreSQL server binaries (postgresql-15)" >&2; exit 3; }
  mkdir -p "$work"
  work=$(cd "$work" && pwd)
  as_pg "$bin/initdb" -D "$work/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 ${OBMI_CLUSTER_NOSYNC:+--no-sync} >"$work/initdb.log"
  cat >>"$work/primary/postgresql.conf" <<CONF
listen_addresses = 'localhost'
port = $primary_port
unix_socket_directories = '$work'
wal_level = replica
max_wal_senders = 5
hot_standby = on
max_connections = 200
shared_buffers = 128MB
fsync = ${OBMI_CLUSTER_FSYNC:-on}
CONF
  # the standby connects for replication from this machine; trust is for a test on one machine only: a real
  # set-up uses scram-sha-256 and a replication role (docs/operations.md)
  echo "host replication all 127.0.0.1/32 trust" >>"$work/primary/pg_hba.conf"
  pg_start "$work/primary"
  "$bin/psql" -h localhost -p "$primary_port" -U postgres -d postgres -qc "create database obmi" >/dev/null
  "$bin/pg_basebackup" -h localhost -p "$primary_port" -U postgres -D "$work/standby" -R -X stream -c fast ${OBMI_CLUSTER_NOSYNC:+--no-sync}
  cat >>"$work/standby/postgresql.conf" <<CONF
port = $standby_port
hot_standby_feedback = on
CONF
  pg_start "$work/standby"
  echo "primary on $primary_port, standby on $standby_port ($work)"
}

# pg_start DIR: starts the server of DIR (made by db-start), its log in DIR.log
pg_start() {
  as_pg "$(pg_bin)/pg_ctl" -D "$1" -l "$1.log" -w -t 60 start >/dev/null
}

pg_stop() {
  local dir=$1
  [ -f "$dir/postmaster.pid" ] && as_pg "$(pg_bin)/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null || true
}

lb_start() {
  local work=$1 port=$2; shift 2
  mkdir -p "$work/nginx-tmp"
  work=$(cd "$work" && pwd)
  local servers=""
  for app in "$@"; do servers+="    server 127.0.0.1:$app max_fails=1 fail_timeout=2s;"$'\n'; done
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  client_max_body_size 200m;
  upstream obmi {
$servers    keepalive 64;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://obmi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # an instance that is down or stopping: the same request goes to the next one (also a POST that never
      # reached an application: refused connections are safe to repeat)
      proxy_next_upstream error timeout http_502 http_503 http_504 non_idempotent;
      proxy_connect_timeout 2s;
      proxy_read_timeout 300s;
    }
  }
}
CONF
  "$(nginx_bin)" -c "$work/nginx.conf" -p "$work"
  echo "nginx on $port -> $*"
}

lb_stop() {
  local work=$1
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for _ in $(seq 1 20); do [ -f "$work/nginx.pid" ] || break; sleep 0.2; done
}

app_start() {
  local work=$1 name=$2 port=$3 primary_port=$4 standby_port=$5; shift 5
  local java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java jar
  jar=$(ls "$ROOT"/target/obmi-*.jar | grep -v -e '-plain' -e '\.original' | head -1)
  mkdir -p "$work/$name"
  "$java" -jar "$jar" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://localhost:$primary_port/obmi" --spring.datasource.username=postgres \
    --obmi.datasource.replica.url="jdbc:postgresql://localhost:$standby_port/obmi" \
    --obmi.datasource.replica.username=postgres --obmi.log-dir="$work/$name" "$@" >"$work/$name/out.log" 2>&1 &
  echo $! >"$work/$name.pid"
  for _ in $(seq 1 900); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && { echo "$name ready on $port"; return; }
    kill -0 "$(cat "$work/$name.pid")" 2>/dev/null || { tail -40 "$work/$name/out.log"; echo "$name did not start" >&2; exit 1; }
    sleep 1
  done
  echo "$name not ready" >&2; exit 1
}

app_stop() {
  local work=$1 name=$2 pid
  pid=$(cat "$work/$name.pid" 2>/dev/null || true)
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$work/$name.pid"
}

command=${1:-}; shift || true
case "$command" in
  db-start) db_start "$@" ;;
  standby-stop) pg_stop "$1/standby" ;;
  standby-start) pg_start "$1/standby" ;;
  db-resume) pg_start "$1/primary"; pg_start "$1/standby" ;;
  db-stop) pg_stop "$1/standby"; pg_stop "$1/primary" ;;
  lb-start) lb_start "$@" ;;
  lb-stop) lb_stop "$1" ;;
  app-start) app_start "$@" ;;
  app-stop) app_stop "$@" ;;
  up)
    work=${1:-$ROOT/target/multi-instance}
    rm -rf "$work"; db_start "$work" 15432 15433
    app_start "$work" a 18091 15432 15433
    app_start "$work" b 18092 15432 15433
    lb_start "$work" 18090 18091 18092 ;;
  down)
    work=${1:-$ROOT/target/multi-instance}
    lb_stop "$work"; app_stop "$work" a; app_stop "$work" b; pg_stop "$work/standby"; pg_stop "$work/primary" ;;
  *) sed -n '2,25p' "$0"; exit 2 ;;
esac
