#!/usr/bin/env bash
# Submit the job to the running Flink session cluster (scripts/flink-cluster.sh start) with one command,
# wait for it, and check on the JobManager's REST API (/jobs/overview) that it FINISHED.
#
#   scripts/run-on-flink.sh --input=... --output=... [more job options]
#   JEUGDKUBUS_MAIN=nl.jeugdkubus.tools.SmokeJob scripts/run-on-flink.sh --output=work/smoke-cluster
#
# Environment (all optional):
#   JEUGDKUBUS_MAIN     main class                       default nl.jeugdkubus.JeugdkubusPipeline
#   JEUGDKUBUS_JAR      the fat jar (client classpath and the jar staged to the cluster)
#                                                        default pipelines/target/jeugdkubus.jar
#   FLINK_PARALLELISM   --parallelism                    default 2
#   FLINK_REST_PORT     JobManager REST port             default 8081
#   CLIENT_JAVA_OPTS    extra JVM flags for the client   default -Xmx1g
#   JAVA_HOME           Java 17
# Exit code: the client's when it fails, 1 when the job did not end FINISHED on the cluster, else 0.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MAIN="${JEUGDKUBUS_MAIN:-nl.jeugdkubus.JeugdkubusPipeline}"
JAR="${JEUGDKUBUS_JAR:-$ROOT/pipelines/target/jeugdkubus.jar}"
PARALLELISM="${FLINK_PARALLELISM:-2}"
REST_PORT="${FLINK_REST_PORT:-8081}"
REST="http://127.0.0.1:$REST_PORT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

log() { echo "run-on-flink: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

command -v jq >/dev/null || die "jq is needed to read the REST answers (apt-get install jq)"
[[ -f "$JAR" ]] || die "$JAR not found: mvn -B -q -pl pipelines package -DskipTests"
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
unzip -l "$JAR" "${MAIN//.//}.class" >/dev/null 2>&1 || die "main class $MAIN is not in $JAR"
curl -fsS --max-time 5 "$REST/overview" >/dev/null 2>&1 \
  || die "no Flink cluster at $REST: scripts/flink-cluster.sh start"

# A unique job name, so we find exactly this job in /jobs/overview afterwards.
JOB_NAME=""
for a in "$@"; do [[ "$a" == --jobName=* ]] && JOB_NAME="${a#--jobName=}"; done
EXTRA=()
if [[ -z "$JOB_NAME" ]]; then
  JOB_NAME="$(basename "${MAIN//.//}" | tr '[:upper:]' '[:lower:]')-$(date -u +%Y%m%dt%H%M%S)-$$"
  EXTRA+=("--jobName=$JOB_NAME")
fi

read -r -a JAVA17_OPTS <<<"$("$ROOT/scripts/flink-cluster.sh" java-opts)"
read -r -a CLIENT_OPTS <<<"${CLIENT_JAVA_OPTS:--Xmx1g}"

log "submitting $MAIN as '$JOB_NAME' to $REST (parallelism $PARALLELISM)"
t0=$(date +%s.%N)
set +e
"$JAVA" "${JAVA17_OPTS[@]}" "${CLIENT_OPTS[@]}" -cp "$JAR" "$MAIN" \
  --runner=FlinkRunner "--flinkMaster=127.0.0.1:$REST_PORT" "--filesToStage=$JAR" "--parallelism=$PARALLELISM" \
  "${EXTRA[@]}" "$@"
rc=$?
set -e
t1=$(date +%s.%N)
log "client exited with $rc after $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}')s"

job="$(curl -fsS --max-time 10 "$REST/jobs/overview" | jq -c --arg n "$JOB_NAME" '[.jobs[] | select(.name == $n)] | max_by(."start-time") // empty')"
if [[ -z "$job" ]]; then
  log "job '$JOB_NAME' not found in $REST/jobs/overview"
  exit $(( rc != 0 ? rc : 1 ))
fi
jid="$(jq -r .jid <<<"$job")"
state="$(jq -r .state <<<"$job")"
# which TaskManagers ran the job's subtasks (proves the work was spread over the cluster)
# Best effort: the per-vertex endpoint can answer 500 for a vertex of a job that has already finished
# (seen with Flink 1.19); that must not turn a successful run into a failed one.
tms="$(for v in $(curl -fsS --max-time 10 "$REST/jobs/$jid" | jq -r '.vertices[].id' || true); do
         curl -fsS --max-time 10 "$REST/jobs/$jid/vertices/$v/taskmanagers" 2>/dev/null \
           | jq -r '.taskmanagers[]."taskmanager-id"' 2>/dev/null || true
       done | sort -u | tr '\n' ' ')"
log "Flink job $jid '$JOB_NAME': $state on the cluster in $(jq -r .duration <<<"$job") ms; $(jq -r '.tasks.total' <<<"$job") tasks on TaskManagers: ${tms% }"
[[ $rc -eq 0 ]] || exit "$rc"
[[ "$state" == "FINISHED" ]] || exit 1
