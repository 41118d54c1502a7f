#!/usr/bin/env bash
# /api/runs and /api/runs.csv at scale: runs RunsApiBenchmark (a test-scope main) with RUNS generated
# audit records on H2 (a file database, as shipped) and on PostgreSQL 16 (embedded), and prints
# min/median/max milliseconds per request over real HTTP.
# Usage: bench/runs-api.sh [RUNS (100000)] [REQUESTS (50)] [DATABASES ("h2 postgres")]
# Env: JAVA_OPTIONS for the benchmark's JVM (default: the shipped settings, @jvm.options).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# A copy of the classes: a build during the run (mvn compile) must not change them under its feet.
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
cp -r target/classes target/test-classes "$classes"/
for database in ${3:-h2 postgres}; do
  # shellcheck disable=SC2086
  java ${JAVA_OPTIONS:-@jvm.options} -cp "$classes/test-classes:$classes/classes:$(cat target/bench-classpath.txt)" \
    org.linoconductor.audit.RunsApiBenchmark "$database" "${1:-100000}" "${2:-50}"
done
