#!/usr/bin/env bash
# How close a night of nightly syncs comes to the ideal: runs NightlySyncBenchmark (a test-scope main)
# against 20 simulated previews over 5 productions, NIGHTS nights in a row, with the limit LIMIT.
# Prints per night the makespan, the ideal (the larger of all syncs' time / LIMIT and the longest chain
# of one production's previews), their ratio, and how long a free slot waited for its next sync.
# Usage: bench/nightly-sync.sh [NIGHTS (3)] [LIMIT (2)]   (from the repository's top directory)
# Env: JAVA_OPTIONS for the benchmark's JVM (default: the shipped settings, @jvm.options).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -DskipTests test-compile
mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# A copy of the classes: a build during the run (mvn compile) must not change them under its feet.
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
cp -r target/classes target/test-classes "$classes"/
# shellcheck disable=SC2086
java ${JAVA_OPTIONS:-@jvm.options} -cp "$classes/test-classes:$classes/classes:$(cat target/bench-classpath.txt)" \
  org.linoconductor.preview.NightlySyncBenchmark "$@"
