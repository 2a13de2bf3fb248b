#!/usr/bin/env bash
# Generates synthetic jeugdkubus input data (docs/generator.md). Works from any directory; relative
# --out paths are relative to the directory you call it from.
#
#   scripts/generate.sh --out /tmp/jk-data [--seed 42] [--region achterhoek|national|GM0197,GM0222]
#                       [--from 2021H1] [--to 2024H2] [--scale 1.0] [--defects 0.0]
#
# Extra Maven flags can be passed in MVN_FLAGS (e.g. MVN_FLAGS=-o for offline). The JVM heap of the
# Maven process can be set with MAVEN_OPTS (e.g. MAVEN_OPTS=-Xmx1g).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$#" -eq 0 ]; then
  set -- --help
fi
# exec:java runs in Maven's own JVM, whose working directory is the caller's: relative paths keep working.
exec mvn -q -B ${MVN_FLAGS:-} -f "$REPO/pom.xml" -pl pipelines compile org.codehaus.mojo:exec-maven-plugin:java \
  -Dexec.mainClass=nl.jeugdkubus.generator.GenerateRegion \
  -Dexec.args="$*"
