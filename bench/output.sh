#!/usr/bin/env bash
# The runner's output throughput against `cat > file`: runs OutputBenchmark (a test-scope main), which
# passes MEGABYTES of restore-style lines alternately through a plain pipe into `cat > file` and through
# the shell runner (a step's command `cat FILE`, with the restore's line matchers, the log file, the
# tail), ROUNDS times each. Prints MB/s (min/median/max) of both, their ratio (the target: at least
# 0.8), the CPU seconds the runner's JVM spent per GiB, and the runner's heap growth (the target: at most
# 32 MB). With SECRET, that string is redacted too, as a configured secret or a password variable is.
# Usage: bench/output.sh [DIR (a new temporary directory)] [MEGABYTES (1024)] [ROUNDS (5)] [SECRET]
# Env: JAVA_OPTIONS for the benchmark's JVM (default: the shipped settings, @jvm.options).
set -euo pipefail
dir=${1:-}
if [ -z "$dir" ]; then
  dir=$(mktemp -d)
  trap 'rm -rf "$dir"' EXIT
fi
dir=$(realpath "$dir")
# shellcheck source=test-main.sh source-path=SCRIPTDIR
. "$(dirname "$0")/test-main.sh"
run_test_main org.linoconductor.shell.OutputBenchmark "$dir" "${2:-1024}" "${3:-5}" ${4:+"$4"}
