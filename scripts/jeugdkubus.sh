#!/usr/bin/env bash
# Runs the job (or another main class of the project) from the fat jar with the project's JVM options:
# the launcher a data engineer schedules, and the one the benchmark (scripts/bench.sh) times.
#
#   scripts/jeugdkubus.sh --input=DIR --output=DIR --keyFile=FILE --periods=2024H1 [more job options]
#   JEUGDKUBUS_MAIN=nl.jeugdkubus.generator.GenerateRegion scripts/jeugdkubus.sh --out DIR --scale 0.1
#
# Environment (all optional):
#   JEUGDKUBUS_MAIN       main class                      default nl.jeugdkubus.JeugdkubusPipeline
#   JEUGDKUBUS_JAR        the fat jar                     default pipelines/target/jeugdkubus.jar (built when absent
#                                                         or older than a source, configuration or schema file)
#   JEUGDKUBUS_BUILD_ONLY=1  only (re)build the jar
#   JEUGDKUBUS_JAVA_OPTS  JVM options                     default "-Xmx3g -XX:+UseParallelGC": a bounded heap is
#                                                         faster and a quarter of the memory of a heap the collector
#                                                         may grow to 60 % of the machine (docs/performance.md); the
#                                                         national half-year peaks at 2.3 GB in use
#   JAVA_HOME             Java 17
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${JEUGDKUBUS_JAR:-$ROOT/pipelines/target/jeugdkubus.jar}"
MAIN="${JEUGDKUBUS_MAIN:-nl.jeugdkubus.JeugdkubusPipeline}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ -z "${JEUGDKUBUS_JAR:-}" ] && { [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pipelines/src/main" "$ROOT/conf" "$ROOT/schemas" \
    "$ROOT/pipelines/pom.xml" -newer "$JAR" -print -quit)" ]; }; then
  echo "jeugdkubus.sh: building $JAR (mvn package, tests skipped)" >&2
  mvn -q -B -DskipTests -f "$ROOT/pom.xml" -pl pipelines package >&2
fi
[ "${JEUGDKUBUS_BUILD_ONLY:-0}" = 1 ] && exit 0
# shellcheck disable=SC2086
exec "$JAVA" ${JEUGDKUBUS_JAVA_OPTS:--Xmx3g -XX:+UseParallelGC} -cp "$JAR" "$MAIN" "$@"
