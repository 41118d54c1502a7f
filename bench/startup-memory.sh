#!/usr/bin/env bash
# Start-up time and idle memory of the demo jar, side by side for several launch settings.
# Each setting gets a fresh directory: its first start lays out the demo (H2 database, Camunda's and
# Conductor's schema, the simulated sites), the next STARTS-1 are restarts reusing data/. The settings
# take turns start by start, so they share the machine's noise. Per start: "ready" = wall time from
# launching java to the demo's line "DEMO-000 Lino Conductor is ready" (every start-up runner done),
# "started" = Spring Boot's "process running for" at "Started ConductorApplication", and the CPU
# seconds the JVM used until ready. Then, per setting, one more restart, RUNS site-snapshot runs on
# anna (bench/snapshot-runs.sh), IDLE seconds of rest, and the resident memory (VmRSS) and its peak
# (VmHWM).
# Usage: bench/startup-memory.sh [STARTS (5)] [RUNS (20)] [IDLE (60)]
# Env: JAR (default target/lino-conductor-0.1.0-SNAPSHOT.jar); SETTINGS: lines "label|jar|java options"
# (default: the shipped launch as the README says it, i.e. JAR laid out by bin/install-conductor.sh and started
# with the line it prints (CDS=0 leaves it out), and the plain launch of the fat jar, `java @jvm.options -jar
# JAR`; DEFAULTS=1 adds the JVM's defaults with JAR; a BEFORE_JAR adds "before" with the JVM's defaults; MORE
# adds lines of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
STARTS=${1:-5}
RUNS=${2:-20}
IDLE=${3:-60}
JAR=$(realpath "${JAR:-target/lino-conductor-0.1.0-SNAPSHOT.jar}")
OPTIONS=$(realpath jvm.options)
work=$(mktemp -d)
pid=
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  pid=
}
trap 'stop; rm -rf "$work"' EXIT
if [ -z "${SETTINGS:-}" ]; then
  SETTINGS=
  if [ "${CDS:-1}" = 1 ]; then
    # As an operator installs it (README): the jar extracted, a training start that writes the class-data
    # archive, then the very launch line the script prints.
    begin=$(date +%s%N)
    line=$(bin/install-conductor.sh "$JAR" "$work/installed" | tail -1)
    echo "bin/install-conductor.sh took $(( ($(date +%s%N) - begin) / 1000000 )) ms; it prints:$line"
    read -r _ launch_args <<<"$line"
    SETTINGS="installed (bin/install-conductor.sh's line)|${launch_args##* -jar }|${launch_args% -jar *}
"
  fi
  SETTINGS="${SETTINGS}plain (@jvm.options -jar the fat jar)|$JAR|@$OPTIONS"
  if [ "${DEFAULTS:-0}" = 1 ]; then
    SETTINGS="$SETTINGS
JVM defaults|$JAR|"
  fi
  if [ -n "${BEFORE_JAR:-}" ]; then
    SETTINGS="$SETTINGS
before: $(basename "$BEFORE_JAR"), JVM defaults|$(realpath "$BEFORE_JAR")|"
  fi
  if [ -n "${MORE:-}" ]; then
    SETTINGS="$SETTINGS
$MORE"
  fi
fi
mapfile -t settings <<<"$SETTINGS"
results="$work/results"

# launch INDEX: starts setting INDEX in its directory on its port; sets pid; prints "ready started cpu".
launch() {
  local label jar options dir port log begin ticks
  IFS='|' read -r label jar options <<<"${settings[$1]}"
  dir="$work/setting$1"
  port=$((18470 + $1))
  mkdir -p "$dir"
  log="$dir/conductor-$(date +%s%N).log"
  begin=$(date +%s%N)
  # shellcheck disable=SC2086
  (cd "$dir" && CONDUCTOR_PORT=$port exec java $options -jar "$jar" >"$log" 2>&1) &
  pid=$!
  until grep -qs "DEMO-000" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "setting '$label' did not start; its log: $log" >&2
      tail -20 "$log" >&2
      exit 1
    fi
    sleep 0.05
  done
  local ready=$(( ($(date +%s%N) - begin) / 1000000 ))
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  local started
  started=$(grep -o 'process running for [0-9.]*' "$log" | grep -o '[0-9.]*$')
  echo "$ready $started $(( ticks * 1000 / $(getconf CLK_TCK) ))"
}

for round in $(seq "$STARTS"); do
  for i in "${!settings[@]}"; do
    kind=restart
    [ "$round" = 1 ] && kind=first
    launch "$i" >"$work/last"
    stop
    read -r ready started cpu <"$work/last"
    echo "$i $kind $ready $started $cpu" >>"$results"
    echo "round $round, ${settings[$i]%%|*}: $kind start ready in $ready ms (started at $started s, $cpu ms CPU)"
  done
done

for i in "${!settings[@]}"; do
  launch "$i" >/dev/null
  BASE="http://127.0.0.1:$((18470 + i))" bench/snapshot-runs.sh "$RUNS" anna | grep -v 'RSS' | sed 's/^/  /'
  sleep "$IDLE"
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  stop
  echo "$i memory $rss $hwm" >>"$results"
  echo "${settings[$i]%%|*}: after $RUNS runs and $IDLE s idle: RSS $rss MB (peak $hwm MB)"
done

echo
echo "Start-up ($STARTS starts per setting; the first in an empty directory) and memory ($RUNS runs, $IDLE s idle)"
for i in "${!settings[@]}"; do
  python3 - "$results" "$i" "${settings[$i]%%|*}" <<'EOF'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.split()[0] == sys.argv[2]]
def mmm(values, unit):
    values = sorted(values)
    return f"min {values[0]:.1f}  median {statistics.median(values):.1f}  max {values[-1]:.1f} {unit}"
print(sys.argv[3])
for kind in ("first", "restart"):
    starts = [r for r in rows if r[1] == kind]
    if starts:
        print(f"  {kind:8} ({len(starts)}) ready: {mmm([int(r[2]) / 1000 for r in starts], 's')};"
              f" started: {mmm([float(r[3]) for r in starts], 's')}; CPU: {mmm([int(r[4]) / 1000 for r in starts], 's')}")
for r in rows:
    if r[1] == "memory":
        print(f"  idle RSS {r[2]} MB, peak {r[3]} MB")
EOF
done
