#!/usr/bin/env bash
# The load test of issue 7: OBMi with the full demo data against the same responses served as static files by
# nginx, with wrk at 50, 200 and 500 connections. One command, from the repository root:
#
#   bench/load/run.sh
#
# Needs a JDK 25 and Debian's wrk and nginx (installed with apt-get when missing, so run as root or install them
# first). Starts everything it needs and stops it again; results go to target/bench/load/ and the markdown table to
# target/bench/load/results.md. Settings (environment): LOAD_DURATION (30s per level), LOAD_WARMUP (10s),
# LOAD_LEVELS ("50 200 500"), LOAD_TENANTS ("gent antwerpen leuven kortrijk mechelen"), LOAD_THREADS (2),
# LOAD_APP_PORT (18080), LOAD_NGINX_PORT (18081), LOAD_DATA_DIR (a fresh folder per run; set it to reuse a data
# folder that already holds the demo data), LOAD_SKIP_BUILD=1 to use the jar already in target/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. bench/load/common.sh
OUT="$ROOT/target/bench/load"
DURATION=${LOAD_DURATION:-30s}
WARMUP=${LOAD_WARMUP:-10s}
LEVELS=${LOAD_LEVELS:-"50 200 500"}
TENANTS=${LOAD_TENANTS:-"gent antwerpen leuven kortrijk mechelen"}
THREADS=${LOAD_THREADS:-2}
# issue 20 goal 6's second mix: this share of the requests misses OBMi's cache, at this many connections (0: skip)
MISS_SHARE=${LOAD_MISS:-0.2}
MISS_LEVEL=${LOAD_MISS_LEVEL:-200}
APP_PORT=${LOAD_APP_PORT:-18080}
NGINX_PORT=${LOAD_NGINX_PORT:-18081}
DATA_DIR=${LOAD_DATA_DIR:-"$OUT/data"}
# A loopback load test comes from one address: the anonymous API limit (300/min per address by default) would
# answer most API requests with 429. The limit stays on, just far above what the test sends.
RATE_LIMIT=1000000000

APP_PID=""
NGINX_PID=""
stop_all() {
  if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
    kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true
  fi
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"   # graceful: the app stops its embedded PostgreSQL
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  stop_postgres
}
# an embedded PostgreSQL left behind by an app that was killed hard (first line of postmaster.pid)
stop_postgres() {
  local pg
  pg=$(head -1 "$DATA_DIR/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pg" ] && kill -0 "$pg" 2>/dev/null && grep -q "$DATA_DIR" "/proc/$pg/cmdline" 2>/dev/null; then
    kill "$pg"
    for _ in $(seq 1 30); do kill -0 "$pg" 2>/dev/null || break; sleep 1; done
  fi
}
trap stop_all EXIT INT TERM

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  echo "Installing wrk and nginx (Debian packages)"
  apt-get install -y wrk nginx >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk nginx >/dev/null; }
fi
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] || JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")

mkdir -p "$OUT"
rm -rf "$OUT/static" "$OUT"/*.txt "$OUT/logs"
mkdir -p "$OUT/static/f" "$OUT/logs"
stop_postgres
if [ -z "${LOAD_DATA_DIR:-}" ]; then rm -rf "$DATA_DIR"; fi

if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then
  echo "Building the jar"
  ./mvnw -q -DskipTests package
fi
JAR=$(ls target/obmi-*.jar | grep -v -e '-plain' -e '\.original' | head -1)

echo "Starting OBMi on port $APP_PORT (data in $DATA_DIR)"
"$JAVA_HOME/bin/java" -jar "$JAR" --server.port="$APP_PORT" \
  --obmi.embedded-database.data-dir="$DATA_DIR" --obmi.log-dir="$OUT/logs" \
  --obmi.api.anonymous-requests-per-minute=$RATE_LIMIT --obmi.warehouse.build-at-startup=false \
  > "$OUT/logs/app.out" 2>&1 &
APP_PID=$!
# readiness turns UP after the start-up runners, i.e. when the demo data of every tenant is loaded
for i in $(seq 1 600); do
  if curl -fs "http://localhost:$APP_PORT/actuator/health/readiness" | grep -q '"UP"'; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$OUT/logs/app.out"; echo "OBMi did not start"; exit 1; }
  sleep 1
done
curl -fs "http://localhost:$APP_PORT/actuator/health/readiness" | grep -q '"UP"' || { echo "OBMi not ready after 10 minutes"; exit 1; }
echo "OBMi ready after ${i}s"

echo "Picking the URL mix and saving the responses"
python3 bench/load/urls.py "http://127.0.0.1:$APP_PORT" "$OUT" $TENANTS

cat > "$OUT/nginx.conf" <<CONF
worker_processes 2;
pid $OUT/nginx.pid;
error_log $OUT/logs/nginx-error.log;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types {
    text/html html;
    application/json json;
    application/geo+json geojson;
    text/csv csv;
  }
  default_type application/octet-stream;
  charset utf-8;
  charset_types application/json application/geo+json text/csv;
  client_body_temp_path $OUT/nginx-tmp;
  proxy_temp_path $OUT/nginx-tmp;
  fastcgi_temp_path $OUT/nginx-tmp;
  uwsgi_temp_path $OUT/nginx-tmp;
  scgi_temp_path $OUT/nginx-tmp;
  map_hash_bucket_size 256;
  include $OUT/nginx-map.conf;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $OUT/static;
    location / { try_files \$static_file =404; }
  }
}
CONF
mkdir -p "$OUT/nginx-tmp"
nginx -c "$OUT/nginx.conf" -p "$OUT" -g 'daemon off;' &
NGINX_PID=$!
sleep 1
# every URL of the mix must come back from nginx too
check_urls "http://127.0.0.1:$NGINX_PORT" "$OUT/urls.txt" nginx

ulimit -n 65536 2>/dev/null || true
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
export LOAD_URLS="$OUT/urls.txt"
measure "$OUT" nginx "http://127.0.0.1:$NGINX_PORT"
measure "$OUT" obmi "http://127.0.0.1:$APP_PORT"
if [ "$MISS_SHARE" != 0 ]; then
  measure_miss "$OUT" nginx "http://127.0.0.1:$NGINX_PORT"
  measure_miss "$OUT" obmi "http://127.0.0.1:$APP_PORT"
fi

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load average (1, 5, 15 min) before the wrk runs: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk -t$THREADS, $DURATION per level after a ${WARMUP} warm-up per target; $(sort -u "$OUT/urls.txt" | wc -l) distinct URLs over tenants: $TENANTS"
  echo
  python3 bench/load/report.py "$OUT" "$LEVELS"
  if [ "$MISS_SHARE" != 0 ]; then
    echo
    echo "Second mix: ${MISS_SHARE} of the requests miss OBMi's cache (a new \`_miss\` parameter each time; nginx answers the same files)"
    echo
    python3 bench/load/report.py "$OUT" "miss-$MISS_LEVEL"
  fi
} > "$OUT/results.md"
cat "$OUT/results.md"
