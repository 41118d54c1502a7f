#!/usr/bin/env bash
# The cost of one step against plain Camunda 7: runs HandOverBenchmark (a test-scope main), which
# runs a process of STEPS external tasks each running /bin/true on a plain standalone engine (a worker
# that fetches again at once, commons-exec's synchronous execute) and on the whole Conductor, alternately,
# ROUNDS times each, both on in-memory H2 in one JVM. Prints min/median/max per step of both and the
# ratio of the medians (the target: at most 1.3), and the JVM's CPU per step.
# Usage: bench/handover.sh [STEPS (100)] [ROUNDS (5)] [--conductor.setting=value ...]
# Env: JAVA_OPTIONS for the benchmark's JVM (default: the shipped settings, @jvm.options).
set -euo pipefail
# shellcheck source=test-main.sh source-path=SCRIPTDIR
. "$(dirname "$0")/test-main.sh"
run_test_main org.linoconductor.step.HandOverBenchmark "${1:-100}" "${2:-5}" "${@:3}"
