# Helpers of the benchmarks on a running demo (sourced, not run): REST calls to a
# running Conductor, waits with a time-out, the summary of the figures, Conductor's resident memory.
# env: BASE, CONDUCTOR_USER/CONDUCTOR_PASSWORD (starts runs), TESTER_USER/TESTER_PASSWORD (decides
# the user tasks), WAIT_SECONDS (longest wait for a task or a run's end, default 300).
# shellcheck shell=bash

export BASE=${BASE:-http://127.0.0.1:8080}
AUTH="${CONDUCTOR_USER:-operator}:${CONDUCTOR_PASSWORD:-operator}"
# Used by the scripts that source this file.
# shellcheck disable=SC2034
TESTER="${TESTER_USER:-tester}"
# shellcheck disable=SC2034
TESTER_AUTH="$TESTER:${TESTER_PASSWORD:-tester}"
WAIT_SECONDS=${WAIT_SECONDS:-300}

now_ms() { date +%s%3N; }

# site_state SITE: the site's state in the registry, nothing when it is not registered.
site_state() {
  local body
  body=$(curl -sf -u "$AUTH" "$BASE/api/sites/$1") || return 0
  python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])' <<<"$body"
}

# start_run KEY VARIABLES: starts process KEY with VARIABLES (a JSON object) and prints the run's id.
start_run() {
  local response
  response=$(curl -sS --fail-with-body -u "$AUTH" -H 'Content-Type: application/json' \
    -d "{\"variables\":$2}" "$BASE/engine-rest/process-definition/key/$1/start") \
    || { echo "starting $1 failed: $response" >&2; return 1; }
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$response"
}

# open_tasks RUN: names of the run's open user tasks (for error messages).
open_tasks() {
  curl -sf -u "$AUTH" "$BASE/engine-rest/task?processInstanceId=$1" \
    | python3 -c 'import json,sys; print(", ".join(t["name"] for t in json.load(sys.stdin)) or "none")'
}

# called_tasks RUN: the open user tasks of the runs RUN has called (a call activity's failed step).
called_tasks() {
  python3 -c '
import base64, json, os, sys, urllib.request
auth = base64.b64encode(sys.argv[1].encode()).decode()
def get(path):
    request = urllib.request.Request(os.environ["BASE"] + path, headers={"Authorization": "Basic " + auth})
    return json.load(urllib.request.urlopen(request))
names = []
for called in get("/engine-rest/process-instance?superProcessInstance=" + sys.argv[2]):
    for task in get("/engine-rest/task?processInstanceId=" + called["id"]):
        names.append(task["name"] + " in " + called["definitionKey"] + " run " + called["id"])
print(", ".join(names))
' "$AUTH" "$1"
}

# wait_task RUN KEY: waits until the run has the user task KEY and prints its id. Polls every 50 ms
# with one request; fails at once when the run waits at another user task (a failed step), and
# within about 3 s when a run it called (such as the final preview-sync) does.
wait_task() {
  local deadline tasks called polls=0
  deadline=$(( $(date +%s) + WAIT_SECONDS ))
  while :; do
    tasks=$(curl -sf -u "$AUTH" "$BASE/engine-rest/task?processInstanceId=$1")
    if [[ $tasks == *"\"taskDefinitionKey\":\"$2\""* ]]; then
      python3 -c 'import json,sys; print([t["id"] for t in json.load(sys.stdin) if t["taskDefinitionKey"] == sys.argv[1]][0])' \
        "$2" <<<"$tasks"
      return 0
    fi
    if [ "$tasks" != "[]" ]; then
      echo "run $1 waits at another task instead of $2: $(open_tasks "$1")" >&2
      return 1
    fi
    polls=$(( polls + 1 ))
    if (( polls % 40 == 0 )); then
      called=$(called_tasks "$1")
      if [ -n "$called" ]; then
        echo "run $1 waits for $called instead of $2" >&2
        return 1
      fi
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "run $1 has no task $2 after ${WAIT_SECONDS} s" >&2
      return 1
    fi
    sleep 0.05
  done
}

# claim AUTH TASK USER: USER (signed in with AUTH) claims TASK.
claim() {
  curl -sS --fail-with-body -u "$1" -H 'Content-Type: application/json' -d "{\"userId\":\"$3\"}" \
    "$BASE/engine-rest/task/$2/claim" >/dev/null
}

# complete AUTH TASK VARIABLES: completes TASK with VARIABLES (a JSON object).
complete() {
  curl -sS --fail-with-body -u "$1" -H 'Content-Type: application/json' -d "{\"variables\":$3}" \
    "$BASE/engine-rest/task/$2/complete" >/dev/null
}

# wait_end RUN [END_EVENT]: waits until the run has completed (at END_EVENT, when given).
wait_end() {
  local deadline history
  deadline=$(( $(date +%s) + WAIT_SECONDS ))
  while :; do
    history=$(curl -sf -u "$AUTH" "$BASE/engine-rest/history/process-instance/$1")
    case $history in
      *'"state":"COMPLETED"'*) break ;;
      *'"state":"ACTIVE"'*) ;;
      *) echo "run $1 ended otherwise: $history" >&2; return 1 ;;
    esac
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "run $1 has not ended after ${WAIT_SECONDS} s; it waits at: $(open_tasks "$1")" >&2
      return 1
    fi
    sleep 0.05
  done
  if [ -n "${2:-}" ] && [ "$(curl -sf -u "$AUTH" \
      "$BASE/engine-rest/history/activity-instance?processInstanceId=$1&activityId=$2")" = "[]" ]; then
    echo "run $1 did not end at $2" >&2
    return 1
  fi
}

# run_answered PROCESS START_VARIABLES TASK ANSWER END_EVENT: starts PROCESS with START_VARIABLES (a
# JSON object), waits for its user task TASK, which the tester claims and completes with ANSWER (a JSON
# object of variables), and waits until the run has ended at END_EVENT. Prints "RUN TASK_MS ANSWER_MS":
# the start request until the task exists, and the answer until the run's end.
run_answered() {
  local started id task reached answering
  started=$(now_ms)
  id=$(start_run "$1" "$2")
  task=$(wait_task "$id" "$3")
  reached=$(now_ms)
  claim "$TESTER_AUTH" "$task" "$TESTER"
  answering=$(now_ms)
  complete "$TESTER_AUTH" "$task" "$4"
  wait_end "$id" "$5"
  echo "$id $(( reached - started )) $(( $(now_ms) - answering ))"
}

# summary TITLE FILE: FILE holds lines "<figure> <ms>" and "run <id>"; prints min, median and max
# of each figure, in the order they first appear, and of the runs' start-to-end durations in the
# engine's history (durationInMillis).
summary() {
  python3 -c '
import base64, json, os, statistics, sys, urllib.request
auth = base64.b64encode(sys.argv[1].encode()).decode()
def get(path):
    request = urllib.request.Request(os.environ["BASE"] + path, headers={"Authorization": "Basic " + auth})
    return json.load(urllib.request.urlopen(request))
figures = {}
for line in open(sys.argv[3]):
    name, value = line.rstrip("\n").rsplit(" ", 1)
    if name == "run":
        name, value = "whole run (engine)", get("/engine-rest/history/process-instance/" + value)["durationInMillis"]
    figures.setdefault(name, []).append(int(value))
print(f"{sys.argv[2]}: {max(len(v) for v in figures.values())} runs")
for name, values in figures.items():
    values.sort()
    print(f"{name:<32} ms: min {values[0]:>6}  median {statistics.median(values):>6.0f}  max {values[-1]:>6}")
' "$AUTH" "$1" "$2"
}

# conductor_rss: resident memory of the Conductor listening on BASE's port.
conductor_rss() {
  local port pid
  port=${BASE##*:}
  port=${port%%/*}
  pid=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)
  if [ -z "$pid" ]; then
    pid=$(pgrep -f 'org.linoconductor.ConductorApplication' | head -1 || true)
  fi
  if [ -n "$pid" ]; then
    echo "Conductor RSS (pid $pid): $(( $(awk '/VmRSS/ {print $2}' "/proc/$pid/status") / 1024 )) MB"
  fi
}
