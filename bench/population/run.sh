#!/usr/bin/env bash
# Population derivation benchmark (issue 21): two yearly snapshots of 2.2 M fictitious residents, the derivation of
# every indicator at every level against one GROUP BY over the same rows, in one run. See README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
persons="${1:-2200000}"
echo "load before: $(cat /proc/loadavg)"
rm -rf target/test-postgres
./mvnw -q -o test -Dspring-javaformat.validate.skip=true -Dtest=PopulationBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.persons="$persons"
grep -A12 -h "^generated\|^imported\|^round\|^| \|^ratio" target/surefire-reports/be.obmi.population.PopulationBenchmark-output.txt || true
echo "load after: $(cat /proc/loadavg)"
