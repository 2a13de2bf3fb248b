#!/usr/bin/env bash
# Runner parity: build the fat jar, run the same job with the same arguments on
#   1. DirectRunner, 2. FlinkRunner embedded ([local]), 3. the 2-TaskManager Flink session cluster
# into three output folders, and compare their tables/ folders pairwise with nl.jeugdkubus.tools.CompareParquet.
#
#   scripts/parity.sh --input=/abs/path/to/input --periods=2024H1 ...      # the main job
#   PARITY_MAIN=nl.jeugdkubus.tools.SmokeJob scripts/parity.sh --numbers=100000   # the smoke job
#
# Do not pass --output: each runner gets <PARITY_OUT>/<runner>. For the main job the three runs share one
# --runId (parity-<UTC time>) unless you pass your own, since the run id is written into every table row. Prefer absolute paths in the job arguments
# (the cluster's TaskManagers resolve relative paths against the folder the cluster was started from).
#
# Environment (all optional):
#   PARITY_MAIN         main class                              default nl.jeugdkubus.JeugdkubusPipeline
#   PARITY_SUBDIR       output subfolder that is compared       default tables
#   PARITY_OUT          root of the three output folders       default <repo>/work/parity
#   PARITY_TOLERANCE    CompareParquet floating tolerance       default 1e-9
#   PARITY_TIMEOUT      seconds allowed for each run            default 900
#   PARITY_JAVA_OPTS    JVM flags of the local runs/client      default -Xmx2g
#   PARITY_SKIP_BUILD=1 use the existing pipelines/target/jeugdkubus.jar
#   FLINK_*             passed on to scripts/flink-cluster.sh and scripts/run-on-flink.sh
# A cluster that is already running (started by scripts/flink-cluster.sh) is used and left running;
# otherwise this script starts one and always stops it again on exit.
# Exit code 0 only when all three runs succeed and all three comparisons are EQUAL.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAIN="${PARITY_MAIN:-nl.jeugdkubus.JeugdkubusPipeline}"
SUBDIR="${PARITY_SUBDIR:-tables}"
OUT="${PARITY_OUT:-$ROOT/work/parity}"
TOLERANCE="${PARITY_TOLERANCE:-1e-9}"
RUN_TIMEOUT="${PARITY_TIMEOUT:-900}"
JAR="$ROOT/pipelines/target/jeugdkubus.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLUSTER="$ROOT/scripts/flink-cluster.sh"

log() { echo "parity: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

for a in "$@"; do
  [[ "$a" == --output=* || "$a" == --output ]] && die "do not pass --output: the runs write to $OUT/{direct,embedded,cluster}"
  [[ "$a" == --runner=* || "$a" == --flinkMaster=* ]] && die "do not pass $a: parity.sh chooses the runners"
done

STARTED_CLUSTER=0
cleanup() {
  local rc=$?
  if [[ $STARTED_CLUSTER == 1 ]]; then
    log "stopping the Flink cluster this script started"
    "$CLUSTER" stop || true
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

T_TOTAL=$SECONDS
if [[ "${PARITY_SKIP_BUILD:-0}" != 1 ]]; then
  log "building $JAR (mvn package -DskipTests)"
  t=$SECONDS
  mvn -B -q -o -f "$ROOT/pom.xml" -pl pipelines package -DskipTests >"/tmp/parity-mvn-$$.log" 2>&1 \
    || mvn -B -q -f "$ROOT/pom.xml" -pl pipelines package -DskipTests >>"/tmp/parity-mvn-$$.log" 2>&1 \
    || { tail -n 60 "/tmp/parity-mvn-$$.log" >&2; die "build failed"; }
  rm -f "/tmp/parity-mvn-$$.log"
  log "built in $(( SECONDS - t ))s"
fi
[[ -f "$JAR" ]] || die "$JAR not found"
unzip -l "$JAR" "${MAIN//.//}.class" >/dev/null 2>&1 \
  || die "main class $MAIN is not in the jar (for the smoke job: PARITY_MAIN=nl.jeugdkubus.tools.SmokeJob)"

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
rm -rf "$OUT/direct" "$OUT/embedded" "$OUT/cluster"
read -r -a JAVA17_OPTS <<<"$("$CLUSTER" java-opts)"
read -r -a JOPTS <<<"${PARITY_JAVA_OPTS:--Xmx2g}"

declare -A SECS RESULT
run_local() {  # name, runner args...
  local name="$1"; shift
  log "run $name: $MAIN $* (log $OUT/$name.log)"
  local t=$SECONDS rc=0
  timeout --kill-after=30 "$RUN_TIMEOUT" "$JAVA" "${JAVA17_OPTS[@]}" "${JOPTS[@]}" -cp "$JAR" "$MAIN" \
    "$@" "--output=$OUT/$name" "${JOB_ARGS[@]}" >"$OUT/$name.log" 2>&1 || rc=$?
  SECS[$name]=$(( SECONDS - t ))
  if [[ $rc -ne 0 ]]; then
    RESULT[$name]="FAILED (exit $rc)"
    [[ $rc != 124 ]] || RESULT[$name]="FAILED (timeout ${RUN_TIMEOUT}s)"
    log "$name FAILED (exit $rc); last lines of $OUT/$name.log:"; tail -n 25 "$OUT/$name.log" >&2
  else
    RESULT[$name]=ok
  fi
  log "$name: ${RESULT[$name]} in ${SECS[$name]}s"
}

JOB_ARGS=("$@")
# The main job writes its run id into every table row (default: a timestamp, different per run):
# give all three runs the same one unless the caller chose it.
HAS_RUN_ID=0
for a in "$@"; do [[ "$a" != --runId=* ]] || HAS_RUN_ID=1; done
if [[ "$MAIN" == nl.jeugdkubus.JeugdkubusPipeline && $HAS_RUN_ID == 0 ]]; then
  JOB_ARGS+=("--runId=parity-$(date -u +%Y%m%dT%H%M%SZ)")
fi
run_local direct --runner=DirectRunner
run_local embedded --runner=FlinkRunner "--flinkMaster=[local]" --parallelism=2

# ---- the cluster
if "$CLUSTER" status >/dev/null 2>&1; then
  log "using the Flink cluster that is already running (it stays running)"
else
  "$CLUSTER" stop >/dev/null 2>&1 || true   # leftovers of a half-started cluster
  STARTED_CLUSTER=1
  t=$SECONDS
  "$CLUSTER" start || die "could not start the Flink cluster (logs: ${FLINK_WORK_DIR:-$ROOT/work/flink}/logs)"
  log "cluster started in $(( SECONDS - t ))s"
fi
log "run cluster: $MAIN (log $OUT/cluster.log)"
t=$SECONDS rc=0
JEUGDKUBUS_MAIN="$MAIN" JEUGDKUBUS_JAR="$JAR" CLIENT_JAVA_OPTS="${PARITY_JAVA_OPTS:--Xmx2g}" \
  timeout --kill-after=30 "$RUN_TIMEOUT" "$ROOT/scripts/run-on-flink.sh" "--output=$OUT/cluster" "${JOB_ARGS[@]}" \
  >"$OUT/cluster.log" 2>&1 || rc=$?
SECS[cluster]=$(( SECONDS - t ))
if [[ $rc -ne 0 ]]; then
  RESULT[cluster]="FAILED (exit $rc)"
  [[ $rc != 124 ]] || RESULT[cluster]="FAILED (timeout ${RUN_TIMEOUT}s)"
  log "cluster FAILED (exit $rc); last lines of $OUT/cluster.log:"; tail -n 25 "$OUT/cluster.log" >&2
else
  RESULT[cluster]=ok
fi
grep '^run-on-flink: Flink job' "$OUT/cluster.log" >&2 || true
log "cluster: ${RESULT[cluster]} in ${SECS[cluster]}s"

# ---- compare
declare -A CMP
FAILED=0
for r in direct embedded cluster; do [[ "${RESULT[$r]}" == ok ]] || FAILED=1; done
for pair in "direct embedded" "direct cluster" "embedded cluster"; do
  read -r a b <<<"$pair"
  key="$a-$b"
  if [[ "${RESULT[$a]}" != ok || "${RESULT[$b]}" != ok ]]; then CMP[$key]="skipped (run failed)"; continue; fi
  log "compare $a/$SUBDIR vs $b/$SUBDIR"
  crc=0
  "$JAVA" -Xmx2g -cp "$JAR" nl.jeugdkubus.tools.CompareParquet "--tolerance=$TOLERANCE" \
    "$OUT/$a/$SUBDIR" "$OUT/$b/$SUBDIR" >"$OUT/compare-$key.txt" 2>"$OUT/compare-$key.err" || crc=$?
  cat "$OUT/compare-$key.txt" >&2
  case $crc in
    0) CMP[$key]="EQUAL" ;;
    1) CMP[$key]="DIFFERENT"; FAILED=1 ;;
    *) CMP[$key]="ERROR (exit $crc)"; FAILED=1; cat "$OUT/compare-$key.err" >&2 ;;
  esac
done

echo "==== parity: $MAIN, compared $SUBDIR/ (tolerance $TOLERANCE) ===="
printf '%-10s %-24s %6ss\n' direct "${RESULT[direct]}" "${SECS[direct]}"
printf '%-10s %-24s %6ss\n' embedded "${RESULT[embedded]}" "${SECS[embedded]}"
printf '%-10s %-24s %6ss\n' cluster "${RESULT[cluster]}" "${SECS[cluster]}"
for key in direct-embedded direct-cluster embedded-cluster; do printf '%-18s %s\n' "$key" "${CMP[$key]}"; done
echo "total $(( SECONDS - T_TOTAL ))s; outputs in $OUT"
if [[ $FAILED == 0 ]]; then echo "PARITY OK"; else echo "PARITY FAILED"; fi
exit $FAILED
