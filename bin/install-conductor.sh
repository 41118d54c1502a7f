#!/usr/bin/env bash
# install-conductor.sh: lays out Conductor's jar for a fast start (README, at the top and "In production").
# Usage: bin/install-conductor.sh [JAR (the one `mvn package` built in target/)] [DIR (target/conductor)]
# Extracts JAR into DIR (DIR/conductor.jar and the libraries in DIR/lib/), copies jvm.options there and runs a
# training start that writes DIR/conductor.jsa, the class-data archive of the classes a start loads; every
# start then maps them instead of loading them from the jars (a third less start-up, docs/benchmarks.md, 8.).
# Prints the line that starts Conductor. Java 17 archives only classes of plain jars on the class path (not a
# fat jar's nested ones) and uses the archive only with the same JVM and the same jar files at the same paths:
# after an upgrade of Conductor or of Java, run this again (it replaces what it installed in DIR, nothing else).
# Uses $JAVA_HOME/bin/java if JAVA_HOME is set, else java on the PATH: start Conductor with the same one.
set -euo pipefail
here=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
options=$here/../jvm.options
if [ $# -gt 2 ]; then
  echo "usage: $0 [JAR] [DIR]" >&2
  exit 2
fi
jar=${1:-}
if [ -z "$jar" ]; then
  for candidate in "$here"/../target/lino-conductor-*.jar; do
    [ -f "$candidate" ] && jar=$candidate
  done
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "install-conductor: no jar ${jar:-in $(readlink -f "$here/..")/target}: run 'mvn package' or name the jar" >&2
  exit 2
fi
if [ ! -f "$options" ]; then
  echo "install-conductor: $options is missing: run this script from Conductor's checkout (bin/)" >&2
  exit 2
fi
dir=${2:-$here/../target/conductor}
mkdir -p "$dir"
dir=$(readlink -f "$dir")
jar=$(readlink -f "$jar")
java=java
if [ -n "${JAVA_HOME:-}" ]; then
  java=$JAVA_HOME/bin/java
fi
java=$(command -v "$java") || { echo "install-conductor: no java found (set JAVA_HOME or PATH)" >&2; exit 2; }

# DIR is new, empty, or an earlier installation: replace only what this script put there.
case $jar in
  "$dir"/*)
    echo "install-conductor: $jar lies in $dir, which this installation replaces: name a jar outside it" >&2
    exit 2
    ;;
esac
if [ -n "$(ls -A "$dir")" ]; then
  if [ ! -f "$dir/conductor.jar" ]; then
    echo "install-conductor: $dir is neither empty nor an installation of Conductor (no conductor.jar)" >&2
    exit 2
  fi
  rm -rf "$dir/conductor.jar" "$dir/lib" "$dir/conductor.jsa" "$dir/jvm.options"
fi
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" --application-filename conductor.jar --force \
  >/dev/null
cp "$options" "$dir/jvm.options"

# The training start: the application context on a throw-away in-memory database, without the demo (profile
# cds-training has no settings of its own), ended once refreshed (before the web server opens a port).
# Started from an empty directory, so that it leaves no file behind.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if ! (cd "$work" && "$java" "@$dir/jvm.options" -XX:ArchiveClassesAtExit="$dir/conductor.jsa" \
      -Dspring.context.exit=onRefresh -jar "$dir/conductor.jar" --spring.profiles.active=cds-training \
      --server.port=0 --spring.datasource.url=jdbc:h2:mem:cds --spring.datasource.username=sa \
      --spring.datasource.password= >"$work/training.log" 2>&1) || [ ! -s "$dir/conductor.jsa" ]; then
  echo "install-conductor: the training start failed; its log:" >&2
  tail -30 "$work/training.log" >&2
  exit 1
fi
echo "Installed in $dir. Start Conductor with:"
printf ' %q' "$java" "@$dir/jvm.options" "-XX:SharedArchiveFile=$dir/conductor.jsa" -jar "$dir/conductor.jar"
echo
