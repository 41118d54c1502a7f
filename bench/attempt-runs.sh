#!/usr/bin/env bash
# Times upgrade attempts on a running Conductor's demo: RUNS attempts one after the other on the
# preview site PREVIEW (made first by preview-setup from anna when it does not exist), each
# cancelled by the tester as soon as it may be decided, so every run finds the sites as the last
# one left them. Prints min, median and max of
#   switch  the start request until the task "Accept or cancel the attempt" exists: announcement,
#           the timers (due at once), production's services stopped, the final preview-sync,
#           code versions recorded, prod switched, web server reloaded, the preview's services started;
#   cancel  the tester's completion (cancel) until the run has ended: the preview's services stopped,
#           the attempt's snapshot kept, prod pointed back, production's services started;
#   whole run: the engine's start-to-end time (history API),
# and Conductor's resident memory. Each cancel leaves <preview>/attempt-<run id>.zip behind.
# Run it before bench/upgrade-runs.sh: after an upgrade has changed anna's schema, the preview's
# kept restore2preview.py no longer fits anna's dump and the final sync fails (the script says where).
# Usage: bench/attempt-runs.sh [RUNS] [PREVIEW]
#   (env: BASE, CONDUCTOR_USER, CONDUCTOR_PASSWORD, TESTER_USER, TESTER_PASSWORD, WAIT_SECONDS)
set -euo pipefail
RUNS=${1:-10}
PREVIEW=${2:-berta}
PRODUCTION=anna
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$(dirname "$0")/lib.sh"

state=$(site_state "$PREVIEW")
if [ -z "$state" ]; then
  echo "No site $PREVIEW: preview-setup of $PRODUCTION as $PREVIEW first"
  id=$(start_run preview-setup "{\"site\":{\"value\":\"$PRODUCTION\"},\"newSite\":{\"value\":\"$PREVIEW\"}}")
  task=$(wait_task "$id" reviewReplacements)
  complete "$AUTH" "$task" '{"approved":{"value":true}}'
  wait_end "$id" PreviewReady
  state=$(site_state "$PREVIEW")
fi
if [ "$state" != PREVIEW ]; then
  echo "$PREVIEW is $state, not PREVIEW: an attempt needs a preview site" >&2
  exit 1
fi

figures=$(mktemp)
trap 'rm -f "$figures"' EXIT
for run in $(seq "$RUNS"); do
  # The run locks both sites: the next one starts only after this one has ended.
  result=$(run_answered upgrade-attempt "{\"site\":{\"value\":\"$PREVIEW\"},\"duration\":{\"value\":\"PT1H\"}}" \
    decideAttempt '{"decision":{"value":"cancel"}}' AttemptCancelled)
  read -r id switch cancel <<<"$result"
  printf 'switch (start to decideAttempt) %s\ncancel (completion to end) %s\nrun %s\n' "$switch" "$cancel" "$id" \
    >>"$figures"
  echo "run $run/$RUNS $id: switch $switch ms, cancel $cancel ms"
done

summary "upgrade-attempt runs on $PREVIEW (cancelled)" "$figures"
conductor_rss
