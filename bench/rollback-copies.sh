#!/usr/bin/env bash
# What the roll-back's copies cost on a running Conductor's demo: RUNS production upgrades of SITE,
# each answered "no" at the sign-off, so that each rolls back. Prints min, median and max of
#   copy-database, copy-env           the two steps the copies add to an upgrade;
#   upgrade (start to signOff)        the whole upgrade, for comparison;
#   restore-code, restore-database,   the roll-back's steps that put the copies back (the env by
#   recollect-static                  rename, the database natively) and collect the static files;
#   roll-back (no to end)             the tester's "no" until the run has ended;
# from the run's step records (/api/runs/ID: started and finished of each step). Label the figures
# with the env copy mode the Conductor runs with (conductor.rollback.env-copy), e.g.
#   CONDUCTOR_ROLLBACK_ENVCOPY=hardlink java -jar target/lino-conductor-*.jar   (then)
#   MODE=hardlink bench/rollback-copies.sh 5 anna
# The demo's upstream stays a release ahead after a roll-back, so each run has every step to do.
# Usage: bench/rollback-copies.sh [RUNS] [SITE]
#   (env: MODE, BASE, CONDUCTOR_USER, CONDUCTOR_PASSWORD, TESTER_USER, TESTER_PASSWORD, WAIT_SECONDS)
set -euo pipefail
RUNS=${1:-5}
SITE=${2:-anna}
MODE=${MODE:-full}
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "$0")/lib.sh"

# step_ms RUN: "<topic> <ms>" per step record of the run, the roll-back's stop and start apart.
step_ms() {
  curl -sf -u "$AUTH" "$BASE/api/runs/$1" | python3 -c '
import json, sys
from datetime import datetime
def at(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
wanted = ("copy-database", "copy-env", "restore-code", "restore-database", "recollect-static")
for step in json.load(sys.stdin)["steps"]:
    if step["step"] in wanted and step.get("finishedAt"):
        print(step["step"], round((at(step["finishedAt"]) - at(step["startedAt"])).total_seconds() * 1000))
'
}

figures=$(mktemp)
trap 'rm -f "$figures"' EXIT
for run in $(seq "$RUNS"); do
  result=$(run_answered production-upgrade "{\"site\":{\"value\":\"$SITE\"}}" signOff \
    '{"siteWorks":{"value":false},"comment":{"value":"benchmark"}}' UpgradeRolledBack)
  read -r id upgrade rollback <<<"$result"
  step_ms "$id" >>"$figures"
  printf 'upgrade (start to signOff) %s\nroll-back (no to end) %s\nrun %s\n' "$upgrade" "$rollback" "$id" \
    >>"$figures"
  echo "run $run/$RUNS $id: upgrade $upgrade ms, roll-back $rollback ms"
done

summary "production-upgrade runs on $SITE rolled back at the sign-off, env copy: $MODE" "$figures"
