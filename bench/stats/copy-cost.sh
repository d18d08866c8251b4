#!/usr/bin/env bash
# Issue 20 goal 1: PostgreSQL's own cost of COPY into stats.observation's shape, step by step (copy-cost.sql).
# Starts a scratch PostgreSQL 18 from the embedded server's binaries (after one ./mvnw test run they are under
# /tmp/embedded-pg) with the settings OBMi's embedded server uses, runs the script and stops it again.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${PG_BIN:-$(dirname "$(ls -d /tmp/embedded-pg/PG-*/bin/postgres | head -1)")}
PSQL=${PSQL:-psql}
DIR=/tmp/copy-cost
PORT=${COPY_COST_PORT:-55998}
RUN=(); [ "$(id -u)" = 0 ] && RUN=(su -s /bin/bash nobody -c)
rm -rf "$DIR"; mkdir -p "$DIR/data"; chmod 777 "$DIR"; [ "$(id -u)" = 0 ] && chown -R nobody "$DIR"
start() { if [ ${#RUN[@]} -gt 0 ]; then "${RUN[@]}" "$*"; else bash -c "$*"; fi; }
start "$BIN/initdb -D $DIR/data -U postgres -A trust -E UTF-8 --locale=C.UTF-8 >/dev/null"
start "$BIN/pg_ctl -D $DIR/data -o '-p $PORT -c shared_buffers=512MB -c max_wal_size=4GB -c work_mem=64MB' -l $DIR/log start >/dev/null"
trap 'start "$BIN/pg_ctl -D $DIR/data stop -m fast >/dev/null"' EXIT
sleep 2
# the table as its migration defines it (no later migration alters its columns or checks)
sed -n '/^create table stats.observation (/,/^);/p' "$ROOT/src/main/resources/db/migration/stats/V20_1__stats.sql" \
  | sed 's/^create table stats.observation (/create table cost_b (/' > "$DIR/observation.sql"
grep -q "create table cost_b" "$DIR/observation.sql" || { echo "stats.observation's definition not found in V20_1" >&2; exit 1; }
echo "load average at the start: $(cat /proc/loadavg)"
"$PSQL" -h localhost -p "$PORT" -U postgres -v observation_definition="$DIR/observation.sql" -f "$ROOT/bench/stats/copy-cost.sql"
echo "load average at the end: $(cat /proc/loadavg)"
