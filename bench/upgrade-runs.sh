#!/usr/bin/env bash
# Times production upgrades on a running Conductor's demo: RUNS upgrades of SITE one after the
# other, each signed off by the tester (site works) as soon as it may be. The demo publishes a next
# release upstream whenever anna has caught up, so every upgrade of anna has all its steps to do
# (pull, restore of a changed schema, ...). Prints min, median and max of
#   upgrade    the start request until the task "Sign in and confirm" exists: check, services
#              stopped, snapshot made and verified, code pulled, restore.py compared, snapshot
#              restored, requirements, static files, checkdata, services started, HTTP check;
#   sign-off   the tester's completion until the run has ended;
#   whole run: the engine's start-to-end time (history API),
# and Conductor's resident memory. SITE must be PRODUCTION (after bench/attempt-runs.sh anna still is).
# Usage: bench/upgrade-runs.sh [RUNS] [SITE]
#   (env: BASE, CONDUCTOR_USER, CONDUCTOR_PASSWORD, TESTER_USER, TESTER_PASSWORD, WAIT_SECONDS)
set -euo pipefail
RUNS=${1:-5}
SITE=${2:-anna}
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "$0")/lib.sh"

figures=$(mktemp)
trap 'rm -f "$figures"' EXIT
for run in $(seq "$RUNS"); do
  # One run at a time: the site lock refuses a second run on the same site.
  result=$(run_answered production-upgrade "{\"site\":{\"value\":\"$SITE\"}}" signOff \
    '{"siteWorks":{"value":true}}' UpgradeSucceeded)
  read -r id upgrade signoff <<<"$result"
  printf 'upgrade (start to signOff) %s\nsign-off (completion to end) %s\nrun %s\n' "$upgrade" "$signoff" "$id" \
    >>"$figures"
  echo "run $run/$RUNS $id: upgrade $upgrade ms, sign-off $signoff ms"
done

summary "production-upgrade runs on $SITE (signed off)" "$figures"
conductor_rss
