#!/usr/bin/env bash
# The benchmark (issue 11; method and figures in docs/performance.md). Not a test: it times whole runs.
#
#   scripts/bench.sh [--workloads region,national,national2] [--runners embedded,cluster,direct] [--runs 3]
#                    [--cache DIR] [--results DIR]
#   scripts/bench.sh --smoke        # tiny region (files and zipped), one run, embedded + DuckDB: checks the benchmark works (CI)
#
# Workloads (generated once with the project's generator and cached under --cache, default out/bench-cache):
#   region     the 8 Achterhoek gemeenten, 2023H1-2024H2, scale 1.0, reporting 2023H1-2024H2
#   national   342 gemeenten, 2024H1-2024H2, scale 1.0, reporting --periods=2024H1
#   national2  the same at scale 2.0 (the growth curve)
#   smoke      the Achterhoek, 2024H1-2024H2, scale 0.02
#   <w>-zip    any of these with its iJw messages packed into .zip archives of 10,000 messages (bulk download form)
# For every workload and runner: wall time, peak RSS, output size, records per second per source, time per stage
# (from the job's progress lines), over --runs runs (median, min, max). Then the baseline on the same machine:
# DuckDB computing the core cube from the CSV forms of the same input (scripts/bench-core-cube.sql), and
# jeugdkubus on the same CSV forms (registraties + declarations CSV only). The DirectRunner runs only the region
# and the smoke. Results: <results>/runs.tsv (one line per run) and <results>/summary.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WORKLOADS=region,region-zip,national,national-zip,national2
RUNNERS=embedded,cluster,direct
RUNS=3
CACHE="$ROOT/out/bench-cache"
RESULTS="$ROOT/out/bench-results"
while [ $# -gt 0 ]; do
  case "$1" in
    --workloads) WORKLOADS="$2"; shift 2 ;;
    --runners) RUNNERS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --cache) CACHE="$2"; shift 2 ;;
    --results) RESULTS="$2"; shift 2 ;;
    --smoke) WORKLOADS=smoke,smoke-zip; RUNNERS=embedded; RUNS=1; shift ;;
    *) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
log() { echo "bench: $*" >&2; }
[ -x /usr/bin/time ] || { log "needs /usr/bin/time (apt-get install time)"; exit 2; }
mkdir -p "$CACHE" "$RESULTS"

# the fat jar (the job, the generator) and the test classpath (the DuckDB baseline and the summary)
JAR="$ROOT/pipelines/target/jeugdkubus.jar"
JEUGDKUBUS_BUILD_ONLY=1 bash scripts/jeugdkubus.sh
TESTCP_FILE="$ROOT/pipelines/target/bench-classpath.txt"
mvn -q -B -DskipTests -f pom.xml -pl pipelines test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$TESTCP_FILE"
TESTCP="$ROOT/pipelines/target/test-classes:$ROOT/pipelines/target/classes:$(cat "$TESTCP_FILE")"

KEY="$CACHE/bench.key"
if [ ! -f "$KEY" ]; then
  (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$KEY")
fi

spec() { # workload -> "generator args|periods"
  case "${1%-zip}" in
    region) echo "--region achterhoek --from 2023H1 --to 2024H2 --scale 1.0|2023H1-2024H2" ;;
    national) echo "--region national --from 2024H1 --to 2024H2 --scale 1.0|2024H1" ;;
    national2) echo "--region national --from 2024H1 --to 2024H2 --scale 2.0|2024H1" ;;
    smoke) echo "--region achterhoek --from 2024H1 --to 2024H2 --scale 0.02|2024H1-2024H2" ;;
    *) log "unknown workload $1"; exit 2 ;;
  esac
}

TSV="$RESULTS/runs.tsv"
printf 'workload\trunner\trun\twall_s\tpeak_rss_kb\toutput_bytes\tlog\tmanifest\n' > "$TSV"

# one timed run: workload runner run-number command... (the command writes into "$RESULTS/out-<w>-<r>-<i>", "@OUT@" in it)
timed() {
  local w="$1" r="$2" i="$3"; shift 3
  local out="$RESULTS/out-$w-$r-$i" logf="$RESULTS/log-$w-$r-$i.txt" tf="$RESULTS/time-$w-$r-$i.txt"
  local cmd=("${@//@OUT@/$out}")
  rm -rf "$out"
  log "$w / $r / run $i"
  if ! /usr/bin/time -f '%e %M' -o "$tf" "${cmd[@]}" > "$logf" 2>&1; then
    log "FAILED: $w / $r / run $i (log: $logf)"; tail -20 "$logf" >&2; exit 1
  fi
  read -r wall rss < <(tail -1 "$tf")
  local bytes manifest=""
  bytes=$(du -sbL "$out" 2>/dev/null | cut -f1 || echo 0)
  [ -f "$out/manifest.json" ] && manifest="$out/manifest.json"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$w" "$r" "$i" "$wall" "$rss" "$bytes" "$logf" "$manifest" >> "$TSV"
}

CLUSTER_UP=0
cleanup() { if [ "$CLUSTER_UP" = 1 ]; then bash scripts/flink-cluster.sh stop >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

IFS=',' read -ra WL <<< "$WORKLOADS"
IFS=',' read -ra RN <<< "$RUNNERS"
for w in "${WL[@]}"; do
  s="$(spec "$w")"; gen="${s%%|*}"; periods="${s##*|}"
  input="$CACHE/$w/input"
  if [ "$w" != "${w%-zip}" ] && [ ! -f "$CACHE/$w/.complete" ]; then
    base="${w%-zip}"
    if [ ! -f "$CACHE/$base/.complete" ]; then log "generate $base first (--workloads $base,$w)"; exit 2; fi
    rm -rf "$CACHE/$w"
    java -cp "$TESTCP" nl.jeugdkubus.bench.PackMessages "$CACHE/$base/input" "$input" >&2
    touch "$CACHE/$w/.complete"
  fi
  if [ ! -f "$CACHE/$w/.complete" ]; then
    log "generating $w ($gen) into $input"
    rm -rf "$CACHE/$w"
    # shellcheck disable=SC2086
    JEUGDKUBUS_MAIN=nl.jeugdkubus.generator.GenerateRegion bash scripts/jeugdkubus.sh --out "$input" --seed 42 --defects 0 $gen \
      > "$CACHE/$w.generator.txt"
    touch "$CACHE/$w/.complete"
  fi
  common=(--input="$input" --output=@OUT@ --keyFile="$KEY" --periods="$periods" --progress=true --runId=bench)
  # the whole job reads the declarations from the JW323 messages; the generator also writes them as the flat CSV,
  # which the CSV-form run below reads instead (both at once would be duplicates across sources)
  job=("${common[@]}" --declarationsCsv=none)
  for r in "${RN[@]}"; do
    if [ "$r" = direct ] && [ "${w%-zip}" != region ] && [ "${w%-zip}" != smoke ]; then continue; fi
    if [ "$r" = cluster ] && [ "$CLUSTER_UP" = 0 ]; then bash scripts/flink-cluster.sh start >&2; CLUSTER_UP=1; fi
    for i in $(seq 1 "$RUNS"); do
      case "$r" in
        embedded) timed "$w" "$r" "$i" bash scripts/jeugdkubus.sh "${job[@]}" ;;
        direct) timed "$w" "$r" "$i" bash scripts/jeugdkubus.sh "${job[@]}" --runner=DirectRunner ;;
        cluster) timed "$w" "$r" "$i" bash scripts/run-on-flink.sh "${job[@]}" ;;
      esac
    done
  done
  # the baseline and the same core cube by jeugdkubus, on the CSV forms of the same input
  for i in $(seq 1 "$RUNS"); do
    timed "$w" duckdb-csv "$i" java -Djeugdkubus.root="$ROOT" -cp "$TESTCP" nl.jeugdkubus.bench.DuckDbBaseline \
      "$input" @OUT@ "$periods" "$KEY" "$ROOT/conf"
    timed "$w" jeugdkubus-csv "$i" bash scripts/jeugdkubus.sh "${common[@]}" --ijw=none --cbs=none --finance=none
  done
done
java -cp "$TESTCP" nl.jeugdkubus.bench.BenchSummary "$TSV" | tee "$RESULTS/summary.md"
# the same messages as files and in archives must give the same published tables
for w in "${WL[@]}"; do
  if [ "$w" != "${w%-zip}" ] && [[ " ${WL[*]} " == *" ${w%-zip} "* ]] && [[ " ${RN[*]} " == *" embedded "* ]]; then
    java -cp "$JAR" nl.jeugdkubus.tools.CompareParquet "$RESULTS/out-${w%-zip}-embedded-1/tables" "$RESULTS/out-$w-embedded-1/tables" 2>/dev/null \
      | tail -1 | sed "s/^/bench: ${w%-zip} as files vs $w: /" >&2
  fi
done
