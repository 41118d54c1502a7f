#!/usr/bin/env bash
# Start-up of the command-line client: times RUNS rounds of `bin/conductor --help` (no server) and
# `bin/conductor sites` (one request to a running Conductor, e.g. the demo), each beside its
# yardstick: a bare JVM with the client's flags printing its version, and the same request by curl.
# Whole processes, wall and CPU (user + system) time, min/median/max: on a busy machine the wall
# time waits for a processor, the CPU time says what the client costs. Needs `mvn package`.
# Usage: bench/client-startup.sh [RUNS]   (env: BASE, CONDUCTOR_USER, CONDUCTOR_PASSWORD)
set -euo pipefail
cd "$(dirname "$0")/.."
export BASE=${BASE:-http://127.0.0.1:8080}
export CONDUCTOR_URL=$BASE CONDUCTOR_USER=${CONDUCTOR_USER:-operator} CONDUCTOR_PASSWORD=${CONDUCTOR_PASSWORD:-operator}
bin/conductor sites >/dev/null # stops here, with the client's own message, when BASE or the user is wrong

python3 - "${1:-20}" <<'PYTHON'
import os, resource, statistics, subprocess, sys, time

runs = int(sys.argv[1])
auth = os.environ["CONDUCTOR_USER"] + ":" + os.environ["CONDUCTOR_PASSWORD"]
commands = {
    "conductor --help": ["bin/conductor", "--help"],
    "bare JVM, client's flags, -version": ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                                           "-XX:-UsePerfData", "-version"],
    "conductor sites": ["bin/conductor", "sites"],
    "curl /api/sites": ["curl", "-sf", "-u", auth, os.environ["BASE"] + "/api/sites"],
}
figures = {name: ([], []) for name in commands}
for _ in range(runs):
    for name, command in commands.items():  # in turn, so that a busy moment hits all alike
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.monotonic()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall = time.monotonic() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        figures[name][0].append(wall * 1000)
        figures[name][1].append(cpu * 1000)

def spread(values):
    return f"{min(values):6.0f} {statistics.median(values):7.0f} {max(values):6.0f}"

load = open("/proc/loadavg").read().split()[:3]
print(f"client start-up: {runs} runs each, {os.cpu_count()} cores, load average {' '.join(load)}")
print(f"{'':36} wall ms: min median    max   cpu ms: min median    max")
for name, (wall, cpu) in figures.items():
    print(f"{name:36}          {spread(wall)}           {spread(cpu)}")
PYTHON
