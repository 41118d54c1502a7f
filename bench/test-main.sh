# Helper of the benchmarks that are test-scope mains (sourced, not run): builds the test classes, copies
# them (a build during the run, such as mvn compile, must not change them under the benchmark's feet)
# and runs one main class on the test class path.
# Env: JAVA_OPTIONS for the benchmark's JVM (default: the shipped settings, @jvm.options).
# shellcheck shell=bash

# run_test_main CLASS ARGS...: runs CLASS's main with ARGS, from the repository's top directory.
run_test_main() {
  local main=$1 classes status=0
  shift
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  mvn -o -q -DskipTests test-compile
  mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
  classes=$(mktemp -d)
  cp -r target/classes target/test-classes "$classes"/
  # shellcheck disable=SC2086
  java ${JAVA_OPTIONS:-@jvm.options} -cp "$classes/test-classes:$classes/classes:$(cat target/bench-classpath.txt)" \
    "$main" "$@" || status=$?
  rm -rf "$classes"
  return "$status"
}
