#!/usr/bin/env bash
# The wait between a site-snapshot run's two steps on several demos side by side: starts one demo per
# setting (each from a fresh directory, with the shipped jvm.options, all at once), then runs BATCHES
# batches of RUNS runs on anna (bench/snapshot-runs.sh), the settings taking turns batch by batch, so that
# the machine's load hits all alike. Prints each batch's min/median/max wait and the load, then each
# demo's resident memory. The first batch or two are the JIT's warm-up.
# Usage: bench/snapshot-side-by-side.sh BATCHES RUNS "label|jar|application arguments" ...
# e.g.   bench/snapshot-side-by-side.sh 4 10 "before|old.jar|" "after|target/lino-conductor-0.1.0-SNAPSHOT.jar|"
set -euo pipefail
cd "$(dirname "$0")/.."
BATCHES=$1
RUNS=$2
shift 2
OPTIONS=$(realpath jvm.options)
work=$(mktemp -d)
pids=()
labels=()
ports=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for setting in "$@"; do
  IFS='|' read -r label jar args <<<"$setting"
  jar=$(realpath "$jar")
  i=${#pids[@]}
  port=$((18560 + i))
  mkdir "$work/$i"
  # shellcheck disable=SC2086
  (cd "$work/$i" && CONDUCTOR_PORT=$port exec java "@$OPTIONS" -jar "$jar" $args >"$work/$i/log" 2>&1) &
  pids+=($!)
  labels+=("$label")
  ports+=("$port")
done
for i in "${!pids[@]}"; do
  until grep -qs DEMO-000 "$work/$i/log"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "${labels[$i]} did not start:" >&2
      tail -20 "$work/$i/log" >&2
      exit 1
    fi
    sleep 0.2
  done
done
for batch in $(seq "$BATCHES"); do
  for i in "${!pids[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    wait=$(BASE="http://127.0.0.1:${ports[$i]}" bench/snapshot-runs.sh "$RUNS" anna | grep 'wait between')
    echo "batch $batch, ${labels[$i]} (load $load): $wait"
  done
done
for i in "${!pids[@]}"; do
  echo "${labels[$i]}: RSS $(($(awk '/VmRSS/ {print $2}' "/proc/${pids[$i]}/status") / 1024)) MB"
done
