#!/usr/bin/env bash
# CI runner-parity check of the main job (nl.jeugdkubus.JeugdkubusPipeline):
#   1. generates a small synthetic region (Achterhoek, seed 42, scale 0.03, 2023H1-2023H2),
#   2. creates a random pseudonymisation key file (mode 0600, absolute path, in a private temp folder),
#   3. runs scripts/parity.sh: DirectRunner, embedded Flink and the local 2-TaskManager cluster with the
#      same --runId, and compares their tables/ folders pairwise with CompareParquet.
# Exit code 0 only when all three runs succeed and all comparisons are EQUAL; non-zero otherwise.
# Runtime on the 2-core CI machine: see docs/flink.md §5 (about 2 minutes plus the build).
#
# Environment (optional): CI_PARITY_WORK (default: a fresh mktemp folder, removed afterwards unless
# CI_PARITY_KEEP=1), CI_PARITY_SCALE (0.03), CI_PARITY_FROM (2023H1), CI_PARITY_TO (2023H2), and
# everything parity.sh reads (PARITY_SKIP_BUILD=1 reuses pipelines/target/jeugdkubus.jar, PARITY_TIMEOUT, FLINK_*).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="$ROOT/pipelines/target/jeugdkubus.jar"
SCALE="${CI_PARITY_SCALE:-0.03}"
FROM="${CI_PARITY_FROM:-2023H1}"
TO="${CI_PARITY_TO:-2023H2}"

log() { echo "ci-parity: $*" >&2; }

if [[ -n "${CI_PARITY_WORK:-}" ]]; then
  WORK="$CI_PARITY_WORK"; mkdir -p "$WORK"
else
  WORK="$(mktemp -d -t ci-parity.XXXXXX)"
fi
WORK="$(cd "$WORK" && pwd)"
cleanup() {
  local rc=$?
  # the key is always removed; the rest only when we made the folder and nobody asked to keep it
  rm -rf "$WORK/key"
  if [[ -z "${CI_PARITY_WORK:-}" && "${CI_PARITY_KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

T0=$SECONDS
if [[ "${PARITY_SKIP_BUILD:-0}" != 1 ]]; then
  log "building $JAR"
  mvn -B -q -pl pipelines package -DskipTests
fi
[[ -f "$JAR" ]] || { log "ERROR: $JAR missing (build it or unset PARITY_SKIP_BUILD)"; exit 1; }

log "generating input (scale $SCALE, $FROM-$TO) into $WORK/input"
rm -rf "$WORK/input"
"$JAVA" -cp "$JAR" nl.jeugdkubus.generator.GenerateRegion --out "$WORK/input" --seed 42 \
  --scale "$SCALE" --from "$FROM" --to "$TO" > "$WORK/generate.log" 2>&1 \
  || { tail -20 "$WORK/generate.log" >&2; log "ERROR: generator failed"; exit 1; }

log "creating a random key file (0600)"
rm -rf "$WORK/key"
( umask 077; mkdir -p "$WORK/key"; head -c 32 /dev/urandom | base64 > "$WORK/key/pseudonym.key" )
chmod 600 "$WORK/key/pseudonym.key"

export PARITY_SKIP_BUILD=1
# The DirectRunner (a correctness tool: it re-encodes every element and side input to detect mutation) is
# by far the slowest leg; on a loaded 2-core machine it took over 15 minutes at this scale.
export PARITY_TIMEOUT="${PARITY_TIMEOUT:-2400}"
export PARITY_OUT="${PARITY_OUT:-$WORK/out}"
rc=0
"$ROOT/scripts/parity.sh" --input="$WORK/input" --periods="$FROM-$TO" --maxRejectPercent=100 \
  --keyFile="$WORK/key/pseudonym.key" --runId="ci-parity" || rc=$?
log "total $((SECONDS - T0)) s, parity exit code $rc"
exit $rc
