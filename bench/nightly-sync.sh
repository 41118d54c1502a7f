#!/usr/bin/env bash
# How close a night of nightly syncs comes to the ideal: runs NightlySyncBenchmark (a test-scope main)
# against 20 simulated previews over 5 productions, NIGHTS nights in a row, with the limit LIMIT.
# Prints per night the makespan, the ideal (the larger of all syncs' time / LIMIT and the longest chain
# of one production's previews), their ratio, and how long a free slot waited for its next sync.
# Usage: bench/nightly-sync.sh [NIGHTS (3)] [LIMIT (2)]   (from the repository's top directory)
# Env: JAVA_OPTIONS for the benchmark's JVM (default: the shipped settings, @jvm.options).
set -euo pipefail
# shellcheck source=test-main.sh source-path=SCRIPTDIR
. "$(dirname "$0")/test-main.sh"
run_test_main org.linoconductor.preview.NightlySyncBenchmark "$@"
