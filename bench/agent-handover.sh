#!/usr/bin/env bash
# Hand-over through a step agent against the server's own worker, on a running demo with the agent of
# host h1 started (README, "In production"): RUNS site-snapshot runs of dora (host h1, its steps run by
# the agent) and RUNS of anna (no host, the server's worker), one after another. Prints min, median and
# max, side by side, of
#   hand-over  the end of make-snapshot (its record's finishedAt) until verify-snapshot started: the
#              result reported, the next task created, fetched, locked, recorded and started;
#   whole run  the engine's start-to-end time (history API).
# Usage: bench/agent-handover.sh [RUNS]   (env: BASE, CONDUCTOR_USER, CONDUCTOR_PASSWORD, WAIT_SECONDS)
set -euo pipefail
RUNS=${1:-10}
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "$0")/lib.sh"

figures=$(mktemp)
trap 'rm -f "$figures"' EXIT
for site in dora anna; do
  for _ in $(seq "$RUNS"); do
    id=$(start_run site-snapshot "{\"site\":{\"value\":\"$site\"}}")
    wait_end "$id" SnapshotMade >/dev/null
    curl -sf -u "$AUTH" "$BASE/api/runs/$id" | python3 -c '
import json, sys
from datetime import datetime
run = json.load(sys.stdin)
at = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))
make, verify = run["steps"][0], run["steps"][1]
handover = (at(verify["startedAt"]) - at(make["finishedAt"])).total_seconds() * 1000
whole = (at(run["run"]["endedAt"]) - at(run["run"]["startedAt"])).total_seconds() * 1000
print(sys.argv[1], make["node"], round(handover, 1), round(whole, 1))' "$site" >>"$figures"
  done
done
python3 - "$figures" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
def stats(site, column):
    values = sorted(float(row[column]) for row in rows if row[0] == site)
    return f"{values[0]:.0f} / {statistics.median(values):.0f} / {values[-1]:.0f} ms"
nodes = {row[0]: row[1] for row in rows}
print(f"{'':12} {'dora (agent ' + nodes['dora'] + ')':>30} {'anna (' + nodes['anna'] + ')':>30}")
print(f"{'hand-over':12} {stats('dora', 2):>30} {stats('anna', 2):>30}")
print(f"{'whole run':12} {stats('dora', 3):>30} {stats('anna', 3):>30}")
print("(min / median / max of", len(rows) // 2, "runs each)")
PY
