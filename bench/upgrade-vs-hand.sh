#!/usr/bin/env bash
# An upgrade of the demo's site through Conductor against the same procedure typed by hand
# (bench/by-hand-upgrade.sh), alternately, ROUNDS times, on the same site of a running Conductor demo.
#   Conductor: production-upgrade from the run's start to the moment it asks for "Sign in and confirm"
#              (engine history: the run's start time to the sign-off task's), then the tester signs off;
#              the demo publishes the next release once the upgrade has ended. Also the site's downtime in
#              each run: from the start of Stop services to the end of Start services.
#   by hand:   the script's commands, timed around them; then the next release is published the same way.
#   by hand with the same safety: the script again with COPIES set (the pre-flight's checks and the roll-back's
#              copies typed too), into a temporary directory removed after each round; a release published after.
# Prints min, median and max of the three, and of the ratios Conductor / by hand per round (the median of the
# first is the issue's figure; the second shows what Conductor costs beyond the safety it adds).
# Needs the test classes (mvn -o -q test-compile) for publishing a release after an upgrade by hand.
# Usage: bench/upgrade-vs-hand.sh [ROUNDS [SITE [DEMO_BASE]]]
#   (env: BASE, CONDUCTOR_USER, CONDUCTOR_PASSWORD, TESTER_USER, TESTER_PASSWORD)
set -euo pipefail
ROUNDS=${1:-10}
SITE=${2:-anna}
BENCH=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(dirname "$BENCH")
DEMO_BASE=$(cd "${3:-data/demo}" && pwd)
# shellcheck source=lib.sh source-path=SCRIPTDIR
. "$BENCH/lib.sh"

classpath=$(mktemp)
figures=$(mktemp)
copies=$(mktemp -d)
trap 'rm -f "$classpath" "$figures"; rm -rf "$copies"' EXIT
(cd "$PROJECT" && mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath")
next_release() {
  java -cp "$PROJECT/target/test-classes:$PROJECT/target/classes:$(cat "$classpath")" \
    org.linoconductor.demo.NextRelease "$DEMO_BASE" >/dev/null
}

# run_times RUN: milliseconds from the run's start to the creation of its sign-off task, and the site's
# downtime (from the start of Stop services to the end of Start services), from the engine's history.
run_times() {
  python3 -c '
import base64, datetime, json, os, sys, urllib.request
auth = base64.b64encode(sys.argv[1].encode()).decode()
def get(path):
    request = urllib.request.Request(os.environ["BASE"] + path, headers={"Authorization": "Basic " + auth})
    return json.load(urllib.request.urlopen(request))
def at(text):
    return datetime.datetime.strptime(text[:23], "%Y-%m-%dT%H:%M:%S.%f")
def activity(name):
    return get("/engine-rest/history/activity-instance?processInstanceId=" + sys.argv[2] + "&activityId=" + name)[0]
def ms(start, end):
    return int((at(end) - at(start)).total_seconds() * 1000)
run = get("/engine-rest/history/process-instance/" + sys.argv[2])
print(ms(run["startTime"], activity("signOff")["startTime"]),
      ms(activity("StopServices")["startTime"], activity("StartServices")["endTime"]))
' "$AUTH" "$1"
}

for round in $(seq "$ROUNDS"); do
  id=$(start_run production-upgrade "{\"site\":{\"value\":\"$SITE\"}}")
  task=$(wait_task "$id" signOff)
  read -r conductor downtime < <(run_times "$id")
  claim "$TESTER_AUTH" "$task" "$TESTER"
  complete "$TESTER_AUTH" "$task" '{"siteWorks":{"value":true}}'
  wait_end "$id" UpgradeSucceeded # the demo publishes the next release when the upgrade has ended

  started=$(date +%s%N)
  SERVICE="$DEMO_BASE/bin/fake-service" "$BENCH/by-hand-upgrade.sh" "$DEMO_BASE/lino/$SITE" >/dev/null 2>&1
  by_hand=$(( ($(date +%s%N) - started) / 1000000 ))
  next_release

  started=$(date +%s%N)
  COPIES="$copies" SERVICE="$DEMO_BASE/bin/fake-service" "$BENCH/by-hand-upgrade.sh" "$DEMO_BASE/lino/$SITE" \
    >/dev/null 2>&1
  safe_by_hand=$(( ($(date +%s%N) - started) / 1000000 ))
  rm -rf "${copies:?}"/*
  next_release
  printf 'conductor %s\ndowntime %s\nby-hand %s\nsafe-by-hand %s\nratio %s\nsafe-ratio %s\n' "$conductor" \
    "$downtime" "$by_hand" "$safe_by_hand" "$(python3 -c "print(round($conductor / $by_hand * 1000))")" \
    "$(python3 -c "print(round($conductor / $safe_by_hand * 1000))")" >>"$figures"
  echo "round $round/$ROUNDS: Conductor $conductor ms (site down $downtime ms), by hand $by_hand ms," \
    "with checks and copies $safe_by_hand ms (run $id)"
done

python3 -c '
import statistics, sys
figures = {}
for line in open(sys.argv[1]):
    name, value = line.split()
    figures.setdefault(name, []).append(int(value))
rounds = len(figures["ratio"])
print(f"upgrade of the demo site, {rounds} alternated rounds")
for name, label in (("conductor", "Conductor (start to sign-off)"), ("downtime", "site down, stop to start"),
                    ("by-hand", "by hand (the same commands)"),
                    ("safe-by-hand", "by hand with checks and copies")):
    v = sorted(figures[name])
    print(f"  {label:<32} ms: min {v[0]:>6}  median {statistics.median(v):>7.0f}  max {v[-1]:>6}")
for name, label in (("ratio", "Conductor / by hand"), ("safe-ratio", "Conductor / by hand with checks and copies")):
    r = sorted(x / 1000 for x in figures[name])
    print(f"  ratio {label}, per round: min {r[0]:.2f}  median {statistics.median(r):.2f}  max {r[-1]:.2f}")
' "$figures"
