#!/usr/bin/env bash
# Times whole site-snapshot runs on a running Conductor (e.g. the demo of `mvn spring-boot:run`):
# starts RUNS runs one after the other on SITE over the REST API and prints the engine's own
# start-to-end durations (min, median, max), the wait between the run's two steps (from the first
# step's end to the second's start, as their step records say: the result's report, the next task's
# creation and its hand-over; the target: none above 50 ms), and Conductor's resident memory.
# Usage: bench/snapshot-runs.sh [RUNS] [SITE]   (env: BASE, CONDUCTOR_USER, CONDUCTOR_PASSWORD)
set -euo pipefail
RUNS=${1:-20}
SITE=${2:-anna}
export BASE=${BASE:-http://127.0.0.1:8080}
AUTH="${CONDUCTOR_USER:-operator}:${CONDUCTOR_PASSWORD:-operator}"

ids=()
for _ in $(seq "$RUNS"); do
  id=$(curl -sf -u "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"variables\":{\"site\":{\"value\":\"$SITE\"}}}" \
    "$BASE/engine-rest/process-definition/key/site-snapshot/start" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  # One run at a time: the site lock refuses a second run on the same site.
  until curl -sf -u "$AUTH" "$BASE/engine-rest/history/process-instance/$id" | grep -q '"state":"COMPLETED"'; do
    sleep 0.05
  done
  ids+=("$id")
done

printf '%s\n' "${ids[@]}" | python3 -c '
import base64, datetime, json, os, statistics, sys, urllib.request
auth = base64.b64encode(sys.argv[1].encode()).decode()
def get(path):
    request = urllib.request.Request(os.environ["BASE"] + path, headers={"Authorization": "Basic " + auth})
    return json.load(urllib.request.urlopen(request))
def at(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
ids = [line.strip() for line in sys.stdin if line.strip()]
runs = sorted(get("/engine-rest/history/process-instance/" + run)["durationInMillis"] for run in ids)
waits = []
for run in ids:
    steps = sorted(get("/api/runs/" + run)["steps"], key=lambda step: step["id"])
    waits.append((at(steps[1]["startedAt"]) - at(steps[0]["finishedAt"])).total_seconds() * 1000)
waits.sort()
print(f"site-snapshot runs: {len(runs)}")
print(f"run duration ms: min {runs[0]}  median {statistics.median(runs):.0f}  max {runs[-1]}")
print(f"wait between the two steps ms: min {waits[0]:.1f}  median {statistics.median(waits):.1f}"
      f"  max {waits[-1]:.1f}  (above 50 ms: {sum(w > 50 for w in waits)} of {len(waits)})")
' "$AUTH"
pid=$(pgrep -f 'org.linoconductor.ConductorApplication' | head -1 || true)
if [ -n "$pid" ]; then
  echo "Conductor RSS: $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) MB"
fi
