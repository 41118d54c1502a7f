#!/usr/bin/env bash
# /api/runs and /api/runs.csv at scale: runs RunsApiBenchmark (a test-scope main) with RUNS generated
# audit records on H2 (a file database, as shipped) and on PostgreSQL 16 (embedded), and prints
# min/median/max milliseconds per request over real HTTP.
# Usage: bench/runs-api.sh [RUNS (100000)] [REQUESTS (50)] [DATABASES ("h2 postgres")]
# Env: JAVA_OPTIONS for the benchmark's JVM (default: the shipped settings, @jvm.options).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=test-main.sh source-path=SCRIPTDIR
. bench/test-main.sh
for database in ${3:-h2 postgres}; do
  # the second database's build finds nothing to compile: a few seconds, outside the timings
  run_test_main org.linoconductor.audit.RunsApiBenchmark "$database" "${1:-100000}" "${2:-50}"
done
