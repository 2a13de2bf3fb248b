#!/usr/bin/env bash
# Downloads CBS Statline tables (OData v3) into an input folder, for machines with internet; the pipeline
# itself never needs the network (docs/input-formats.md section 4).
#
#   scripts/fetch-cbs.sh --out /data/2024/cbs [--tables 03759ned,85098NED,85097NED,85100NED] [--filter EXPR]
#
# Per table it writes <TABLE>_DataProperties.json, <TABLE>_Perioden.json, one file per other dimension
# (e.g. <TABLE>_RegioS.json) and <TABLE>_TypedDataSet.json, following odata.nextLink (CBS serves at most
# 10,000 rows a response) and merging the pages into one file per resource. --filter is an OData $filter
# on TypedDataSet, e.g. "substringof('GM',RegioS)". Base URL: CBS_ODATA_BASE (default
# https://opendata.cbs.nl/ODataApi/odata). Needs only Java 17 and Maven (no curl or jq): the download is
# done by nl.jeugdkubus.tools.FetchCbs, run from JEUGDKUBUS_CLASSPATH when set, else from
# pipelines/target/jeugdkubus.jar when built, else through Maven (MVN_FLAGS passed, e.g. -o).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAIN=nl.jeugdkubus.tools.FetchCbs
if [ -n "${JEUGDKUBUS_CLASSPATH:-}" ]; then
  exec java -cp "$JEUGDKUBUS_CLASSPATH" "$MAIN" "$@"
elif [ -f "$REPO/pipelines/target/jeugdkubus.jar" ]; then
  exec java -cp "$REPO/pipelines/target/jeugdkubus.jar" "$MAIN" "$@"
fi
# exec:java runs in Maven's own JVM, whose working directory is the caller's: relative --out paths keep working.
exec mvn -q -B ${MVN_FLAGS:-} -f "$REPO/pom.xml" -pl pipelines compile org.codehaus.mojo:exec-maven-plugin:java \
  -Dexec.mainClass="$MAIN" -Dexec.args="$*"
