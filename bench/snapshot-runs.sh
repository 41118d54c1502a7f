#!/usr/bin/env bash
# Times whole site-snapshot runs on a running Conductor (e.g. the demo of `mvn spring-boot:run`):
# starts RUNS runs one after the other on SITE over the REST API and prints the engine's own
# start-to-end durations (min, median, max) and Conductor's resident memory.
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
import base64, json, os, statistics, sys, urllib.request
auth = base64.b64encode(sys.argv[1].encode()).decode()
def get(path):
    request = urllib.request.Request(os.environ["BASE"] + path, headers={"Authorization": "Basic " + auth})
    return json.load(urllib.request.urlopen(request))
runs = sorted(get("/engine-rest/history/process-instance/" + line.strip())["durationInMillis"]
              for line in sys.stdin if line.strip())
print(f"site-snapshot runs: {len(runs)}")
print(f"run duration ms: min {runs[0]}  median {statistics.median(runs):.0f}  max {runs[-1]}")
' "$AUTH"
pid=$(pgrep -f 'org.linoconductor.ConductorApplication' | head -1 || true)
if [ -n "$pid" ]; then
  echo "Conductor RSS: $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) MB"
fi
