#!/usr/bin/env bash
# Population derivation benchmark (issue 21): two yearly snapshots of 2.2 M fictitious residents, the derivation of
# every indicator at every level against one GROUP BY over the same rows, in one run. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
persons="${1:-2200000}"
echo "load before: $(cat /proc/loadavg)"
rm -rf target/test-postgres
mkdir -p target/bench
./mvnw -q -o test -Dspring-javaformat.validate.skip=true -Dtest=PopulationBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.persons="$persons" > target/bench/population-run.log 2>&1 \
  || { tail -40 target/bench/population-run.log; exit 1; }
# the figures, without the application's log lines
grep -a -h "^generated\|^imported\|^round\|^| \|^ratio" target/bench/population-run.log
echo "load after: $(cat /proc/loadavg)"
