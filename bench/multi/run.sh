#!/usr/bin/env bash
# The load test of bench/load (issue 7's URL mix and wrk script) against two OBMi instances behind nginx, next to
# one instance, in the same run (issue 22). From the repository root:
#
#   bench/multi/run.sh
#
# Starts with scripts/multi-instance/cluster.sh: a PostgreSQL 15 primary and a pg_basebackup standby (read
# replica), OBMi instance A (loads the demo data of the 14 tenants), instance B (same database; finds the demo data
# there and imports nothing), nginx on MULTI_LB_PORT with both as upstream. Then wrk with bench/load/mix.lua:
#   "one"  = instance A directly,  "two" = nginx -> A + B,
# each after a warm-up, at every level of LOAD_LEVELS. Results: target/bench/multi/results.md.
# Settings (environment): LOAD_DURATION (20s), LOAD_WARMUP (10s), LOAD_LEVELS ("50 200"), LOAD_TENANTS ("gent
# antwerpen leuven"), LOAD_THREADS (2), LOAD_SKIP_BUILD=1 to use the jar in target/, MULTI_REUSE=1 to start the
# database servers of the previous run again (demo data already loaded) instead of new ones.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
. bench/load/common.sh
OUT="$ROOT/target/bench/multi"
DURATION=${LOAD_DURATION:-20s}
WARMUP=${LOAD_WARMUP:-10s}
LEVELS=${LOAD_LEVELS:-"50 200"}
TENANTS=${LOAD_TENANTS:-"gent antwerpen leuven"}
THREADS=${LOAD_THREADS:-2}
PRIMARY=${MULTI_PRIMARY_PORT:-15442}
STANDBY=${MULTI_STANDBY_PORT:-15443}
LB=${MULTI_LB_PORT:-18190}
A=${MULTI_A_PORT:-18191}
B=${MULTI_B_PORT:-18192}
CLUSTER="$ROOT/scripts/multi-instance/cluster.sh"
SETTINGS=(--obmi.api.anonymous-requests-per-minute=1000000000 --obmi.warehouse.build-at-startup=false)

stop_all() {
  "$CLUSTER" lb-stop "$OUT" || true
  "$CLUSTER" app-stop "$OUT" b || true
  "$CLUSTER" app-stop "$OUT" a || true
  "$CLUSTER" db-stop "$OUT" || true
}
trap stop_all EXIT INT TERM

command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
export JAVA_HOME=${JAVA_HOME_25:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then ./mvnw -q -DskipTests package; fi

if [ "${MULTI_REUSE:-0}" = 1 ] && [ -d "$OUT/primary" ]; then
  # the servers of an earlier run, with the demo data already loaded
  "$CLUSTER" db-resume "$OUT"
else
  rm -rf "$OUT"; mkdir -p "$OUT"
  "$CLUSTER" db-start "$OUT" "$PRIMARY" "$STANDBY"
fi
rm -rf "$OUT/static" "$OUT"/*.txt; mkdir -p "$OUT/static/f"
started=$(date +%s)
"$CLUSTER" app-start "$OUT" a "$A" "$PRIMARY" "$STANDBY" "${SETTINGS[@]}"
echo "A ready (demo data loaded) after $(( $(date +%s) - started )) s"
started=$(date +%s)
"$CLUSTER" app-start "$OUT" b "$B" "$PRIMARY" "$STANDBY" "${SETTINGS[@]}"
echo "B ready after $(( $(date +%s) - started )) s"
"$CLUSTER" lb-start "$OUT" "$LB" "$A" "$B"

python3 bench/load/urls.py "http://127.0.0.1:$A" "$OUT" $TENANTS >/dev/null
# B has served nothing yet (urls.py asked A): every URL once from B too, so both instances start the measurement
# with the same warm response cache and JIT; without this B rendered the heavy pages for the first time during the
# measurement and wrk timed out
while read -r lang path; do
  cookie=(); [ "$lang" = en ] && cookie=(-H "Cookie: obmi-taal=en")
  curl -s -o /dev/null --max-time 120 "${cookie[@]}" "http://127.0.0.1:$B$path" || true
done < <(sort -u "$OUT/urls.txt")
# every URL answers 200 through the balancer too
check_urls "http://127.0.0.1:$LB" "$OUT/urls.txt" "nginx -> OBMi"

ulimit -n 65536 2>/dev/null || true
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
export LOAD_URLS="$OUT/urls.txt"
measure "$OUT" one "http://127.0.0.1:$A"
measure "$OUT" two "http://127.0.0.1:$LB"

{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before the wrk runs: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk -t$THREADS, $DURATION per level after a $WARMUP warm-up per target; $(sort -u "$OUT/urls.txt" | wc -l) distinct URLs over tenants: $TENANTS"
  echo
  python3 bench/load/report.py "$OUT" "$LEVELS" "one=one instance (A, direct)" "two=two instances (nginx -> A + B)"
} > "$OUT/results.md"
cat "$OUT/results.md"
