#!/usr/bin/env bash
# How one server copes with many hosts: runs AgentLoadBenchmark (a test-scope main). One real step agent
# runs the site-snapshots of its host's site while N idle agents of other hosts (each SITES_PER_HOST
# registered sites) long-poll the server; per N it prints min / median / max of the hand-over between
# two steps, the whole run and /api/sites, the server's HTTP threads and the JVM's CPU while all wait.
# Usage: bench/agent-load.sh [RUNS (10)] [AGENTS (0,25,50,100)] [SITES_PER_HOST (2)]
# Env: JAVA_OPTIONS for the benchmark's JVM (default: the shipped settings, @jvm.options; the agents
# share the JVM here, so give it room, e.g. JAVA_OPTIONS=-Xmx1g).
set -euo pipefail
# shellcheck source=test-main.sh source-path=SCRIPTDIR
. "$(dirname "$0")/test-main.sh"
run_test_main org.linoconductor.agent.AgentLoadBenchmark "$@"
