#!/usr/bin/env bash
# A real standalone Flink 1.19 session cluster on 127.0.0.1, built from the Maven jars (no Flink download):
# one JobManager (StandaloneSessionClusterEntrypoint) and two TaskManagers (TaskManagerRunner), each its
# own JVM. See docs/flink.md.
#
#   scripts/flink-cluster.sh start    # start; waits until all TaskManagers are registered (or fails)
#   scripts/flink-cluster.sh status   # JobManager REST reachable? how many TaskManagers registered?
#   scripts/flink-cluster.sh stop     # stop the processes this script started (by their recorded PIDs)
#   scripts/flink-cluster.sh java-opts  # print the Java 17 --add-opens/--add-exports flags Flink needs
#
# Environment (all optional):
#   FLINK_WORK_DIR          work folder (conf/, logs/, pids/, tmp/)           default <repo>/work/flink
#   FLINK_REST_PORT         JobManager REST port                               default 8081
#   FLINK_RPC_PORT          JobManager RPC port                                default 6123
#   FLINK_TASKMANAGERS      number of TaskManagers                             default 2
#   FLINK_SLOTS             task slots per TaskManager                         default 2
#   FLINK_TM_TASK_HEAP      taskmanager.memory.task.heap.size                  default 512m
#   FLINK_TM_MANAGED        taskmanager.memory.managed.size                    default 256m
#   FLINK_START_TIMEOUT     seconds to wait for the TaskManagers to register   default 180
#   FLINK_CLUSTER_CLASSPATH classpath of the cluster JVMs. Default: the runtime dependencies of pipelines/
#                           WITHOUT Beam, Parquet, Avro and Hadoop (mvn dependency:build-classpath), so the
#                           job's own jar must bring those, as on a production cluster. FLINK_CLUSTER_CLASSPATH=jar
#                           uses pipelines/target/jeugdkubus.jar instead.
#   JAVA_HOME               Java 17
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${FLINK_WORK_DIR:-$ROOT/work/flink}"
CONF_DIR="$WORK/conf"
LOG_DIR="$WORK/logs"
PID_DIR="$WORK/pids"
TMP_DIR="$WORK/tmp"
REST_PORT="${FLINK_REST_PORT:-8081}"
RPC_PORT="${FLINK_RPC_PORT:-6123}"
NUM_TM="${FLINK_TASKMANAGERS:-2}"
SLOTS="${FLINK_SLOTS:-2}"
TM_TASK_HEAP="${FLINK_TM_TASK_HEAP:-512m}"
TM_MANAGED="${FLINK_TM_MANAGED:-256m}"
START_TIMEOUT="${FLINK_START_TIMEOUT:-180}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
REST="http://127.0.0.1:$REST_PORT"
SHADED_JAR="$ROOT/pipelines/target/jeugdkubus.jar"

# The flags Flink's own distribution passes on Java 17 (env.java.default-opts.all in Flink 1.19's config.yaml).
JAVA17_OPTS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
)

log() { echo "flink-cluster: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- processes and PIDs
pid_of() { [[ -f "$PID_DIR/$1.pid" ]] && cat "$PID_DIR/$1.pid" || true; }

# True when the PID is alive AND is one of our Flink JVMs (its command line names our conf dir), so a
# PID reused by an unrelated process is never signalled.
is_ours() {
  local pid="$1"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "--configDir $CONF_DIR" || return 1
}

names() { echo jobmanager; for i in $(seq 1 "$NUM_TM"); do echo "taskmanager-$i"; done; }

running_names() { local n; for n in $(names); do is_ours "$(pid_of "$n")" && echo "$n"; done; return 0; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------- REST
rest_get() { curl -fsS --max-time 5 "$REST$1" 2>/dev/null; }
registered_taskmanagers() {
  local json
  json="$(rest_get /taskmanagers)" || { echo -1; return; }
  # each TaskManager entry has exactly one "id":"..." field
  { grep -o '"id":"[^"]*"' <<<"$json" || true; } | wc -l | tr -d ' '
}
taskmanager_ids() { { rest_get /taskmanagers || true; } | { grep -o '"id":"[^"]*"' || true; } | sed 's/"id":"\(.*\)"/\1/' | sort | paste -sd' ' -; }

# ---------------------------------------------------------------- classpath
cluster_classpath() {
  if [[ "${FLINK_CLUSTER_CLASSPATH:-}" == "jar" ]]; then
    [[ -f "$SHADED_JAR" ]] || die "$SHADED_JAR not found: mvn -B -q -pl pipelines package -DskipTests"
    echo "$SHADED_JAR"; return
  fi
  if [[ -n "${FLINK_CLUSTER_CLASSPATH:-}" ]]; then echo "$FLINK_CLUSTER_CLASSPATH"; return; fi
  local cpfile="$WORK/cluster.classpath"
  if [[ ! -s "$cpfile" || "$ROOT/pipelines/pom.xml" -nt "$cpfile" || "$ROOT/pom.xml" -nt "$cpfile" ]]; then
    mkdir -p "$WORK"
    log "computing the cluster classpath (mvn dependency:build-classpath, without Beam/Parquet/Avro/Hadoop)"
    local args=(-B -q -f "$ROOT/pom.xml" -pl pipelines dependency:build-classpath
      "-Dmdep.outputFile=$cpfile" -DincludeScope=runtime
      -DexcludeGroupIds=org.apache.beam,org.apache.parquet,org.apache.avro,org.apache.hadoop)
    mvn -o "${args[@]}" >"$WORK/classpath-mvn.log" 2>&1 || mvn "${args[@]}" >>"$WORK/classpath-mvn.log" 2>&1 \
      || { cat "$WORK/classpath-mvn.log" >&2; rm -f "$cpfile"; die "mvn dependency:build-classpath failed"; }
  fi
  grep -q 'flink-runtime' "$cpfile" || die "no flink-runtime on the classpath in $cpfile"
  cat "$cpfile"
}

# ---------------------------------------------------------------- configuration
write_config() {
  mkdir -p "$CONF_DIR" "$LOG_DIR" "$PID_DIR" "$TMP_DIR"
  # Flink 1.19 reads flink-conf.yaml (old flat parser) when it exists, else config.yaml (standard YAML).
  # We write config.yaml only (the format Flink 2 keeps) and make sure no flink-conf.yaml shadows it.
  rm -f "$CONF_DIR/flink-conf.yaml"
  cat >"$CONF_DIR/config.yaml" <<EOF
# Written by scripts/flink-cluster.sh: local standalone session cluster, loopback only.
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $RPC_PORT
jobmanager.bind-host: 127.0.0.1
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $REST_PORT
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
# TaskManager RPC and data ports: 0 = a free ephemeral port, so the TaskManagers never collide.
taskmanager.rpc.port: 0
taskmanager.data.port: 0
blob.server.port: 0
# keep Flink's scratch files (uploaded job jars, web uploads) inside the work folder
blob.storage.directory: $TMP_DIR/blob
web.tmpdir: $TMP_DIR/web

jobmanager.memory.heap.size: 512m
jobmanager.memory.off-heap.size: 128m
jobmanager.memory.jvm-metaspace.size: 256m
jobmanager.memory.jvm-overhead.min: 192m
jobmanager.memory.jvm-overhead.max: 192m

# Every TaskManager memory component explicit (process total = 1728m with the defaults):
# 128m framework heap + 512m task heap + 128m framework off-heap + 64m task off-heap
# + 256m managed + 256m network (FLINK_TM_NETWORK) + 256m metaspace + 192m JVM overhead.
# Batch jobs use Flink's sort-merge blocking shuffle, which by default reserves 512 network buffers
# (16 MB) for every result partition a task writes; with two slots and Beam's many chained stages
# that exhausted 128m ("Insufficient number of network buffers: required 512, but only 427").
# 64 buffers per partition is plenty for these record sizes and leaves room for concurrent stages.
taskmanager.numberOfTaskSlots: $SLOTS
taskmanager.cpu.cores: 1
taskmanager.memory.framework.heap.size: 128m
taskmanager.memory.task.heap.size: $TM_TASK_HEAP
taskmanager.memory.framework.off-heap.size: 128m
taskmanager.memory.task.off-heap.size: 64m
taskmanager.memory.managed.size: $TM_MANAGED
taskmanager.memory.network.min: ${FLINK_TM_NETWORK:-256m}
taskmanager.memory.network.max: ${FLINK_TM_NETWORK:-256m}
taskmanager.network.sort-shuffle.min-buffers: ${FLINK_SORT_SHUFFLE_MIN_BUFFERS:-64}
taskmanager.memory.jvm-metaspace.size: 256m
taskmanager.memory.jvm-overhead.min: 192m
taskmanager.memory.jvm-overhead.max: 192m

parallelism.default: 2
# spread the slots of a job over both TaskManagers instead of filling one first
cluster.evenly-spread-out-slots: true
classloader.resolve-order: child-first
# a loaded 2-core CI machine can stall a JVM for seconds: be patient before declaring a peer dead
heartbeat.timeout: 120000
pekko.ask.timeout: 60 s
web.timeout: 60000
EOF
}

# BashJavaUtils is what Flink's own taskmanager.sh/jobmanager.sh use to turn the memory configuration into
# JVM flags (-Xmx, -XX:MaxDirectMemorySize, ...) and the matching dynamic properties (-D key=value).
bash_java_utils() {
  local cmd="$1" cp="$2" out
  out="$("$JAVA" -cp "$cp" org.apache.flink.runtime.util.bash.BashJavaUtils "$cmd" --configDir "$CONF_DIR" 2>&1)" \
    || { echo "$out" >&2; die "BashJavaUtils $cmd failed (memory configuration invalid?)"; }
  grep '^BASH_JAVA_UTILS_EXEC_RESULT:' <<<"$out" | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://'
}

launch() {
  local name="$1" cp="$2"; shift 2
  local logfile="$LOG_DIR/$name.log"
  : >"$logfile"
  mkdir -p "$WORK/plugins"
  FLINK_PLUGINS_DIR="$WORK/plugins" nohup "$JAVA" "${JAVA17_OPTS[@]}" \
    "-Dlog.file=$logfile" \
    -Dorg.slf4j.simpleLogger.showDateTime=true \
    "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS" \
    -Dorg.slf4j.simpleLogger.logFile=System.out \
    "$@" >>"$logfile" 2>&1 </dev/null &
  echo $! >"$PID_DIR/$name.pid"
  log "started $name (pid $!, log $logfile)"
}

stop_one() {
  local name="$1" pid
  pid="$(pid_of "$name")"
  if [[ -z "$pid" ]]; then return 0; fi
  if is_ours "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 30); do is_ours "$pid" || break; sleep 1; done
    if is_ours "$pid"; then log "$name (pid $pid) did not stop in 30 s: SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; sleep 1; fi
    log "stopped $name (pid $pid)"
  fi
  rm -f "$PID_DIR/$name.pid"
}

cmd_stop() {
  local n any=0
  for n in $(names | sort -r); do   # TaskManagers first, then the JobManager
    [[ -n "$(pid_of "$n")" ]] && any=1
    stop_one "$n"
  done
  # TaskManagers beyond the current FLINK_TASKMANAGERS (from an earlier start with more)
  local f
  for f in "$PID_DIR"/taskmanager-*.pid; do [[ -e "$f" ]] && { any=1; stop_one "$(basename "$f" .pid)"; }; done
  [[ $any == 1 ]] || log "not running (no PID files in $PID_DIR)"
  # the TaskManagers' working dirs (fixed resource ids tm-N) keep a copy of every job's jar: drop them
  [[ -z "$(running_names)" ]] && rm -rf "$TMP_DIR"
  return 0
}

cmd_status() {
  local n pid up=0
  for n in $(names); do
    pid="$(pid_of "$n")"
    if is_ours "$pid"; then echo "$n: running (pid $pid)"; up=$((up + 1)); else echo "$n: not running"; fi
  done
  local overview tms
  if overview="$(rest_get /overview)"; then
    tms="$(registered_taskmanagers)"
    echo "JobManager REST $REST: reachable ($(grep -o '"flink-version":"[^"]*"' <<<"$overview" | cut -d'"' -f4))"
    echo "TaskManagers registered: $tms ($(taskmanager_ids))"
    echo "slots: $(grep -o '"slots-total":[0-9]*' <<<"$overview" | cut -d: -f2) total, $(grep -o '"slots-available":[0-9]*' <<<"$overview" | cut -d: -f2) available; jobs running $(grep -o '"jobs-running":[0-9]*' <<<"$overview" | cut -d: -f2), finished $(grep -o '"jobs-finished":[0-9]*' <<<"$overview" | cut -d: -f2), failed $(grep -o '"jobs-failed":[0-9]*' <<<"$overview" | cut -d: -f2)"
    [[ "$tms" == "$NUM_TM" ]] && return 0
    return 1
  fi
  echo "JobManager REST $REST: not reachable"
  [[ $up == 0 ]] && return 3
  return 1
}

cmd_start() {
  local running
  running="$(running_names | tr '\n' ' ')"
  if [[ -n "$running" ]]; then
    log "already running: $running"
    cmd_status || true
    [[ "$(registered_taskmanagers)" == "$NUM_TM" ]] && return 0
    die "cluster partly running; run '$0 stop' first"
  fi
  rm -f "$PID_DIR"/*.pid 2>/dev/null || true
  rm -rf "$TMP_DIR"   # scratch of an earlier run (blob caches hold a 225 MB jar per job)
  local p
  for p in "$REST_PORT" "$RPC_PORT"; do
    port_in_use "$p" && die "port $p on 127.0.0.1 is in use by another process (set FLINK_REST_PORT / FLINK_RPC_PORT)"
  done
  write_config
  local cp
  cp="$(cluster_classpath)"

  local jm_jvm tm_res tm_jvm tm_dyn
  mapfile -t jm_res < <(bash_java_utils GET_JM_RESOURCE_PARAMS "$cp")
  mapfile -t tm_res < <(bash_java_utils GET_TM_RESOURCE_PARAMS "$cp")
  [[ ${#jm_res[@]} -ge 2 && ${#tm_res[@]} -ge 2 ]] || die "unexpected BashJavaUtils output"
  read -r -a jm_jvm <<<"${jm_res[0]}"
  read -r -a jm_dyn <<<"${jm_res[1]}"
  read -r -a tm_jvm <<<"${tm_res[0]}"
  read -r -a tm_dyn <<<"${tm_res[1]}"

  # if anything below fails, do not leave half a cluster behind
  trap 'log "start failed: stopping what was started"; cmd_stop' ERR

  mkdir -p "$TMP_DIR/jobmanager"
  launch jobmanager "$cp" "${jm_jvm[@]}" -cp "$cp" \
    org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$CONF_DIR" "${jm_dyn[@]}" \
    -D "io.tmp.dirs=$TMP_DIR/jobmanager"
  local i
  for i in $(seq 1 "$NUM_TM"); do
    mkdir -p "$TMP_DIR/taskmanager-$i"
    launch "taskmanager-$i" "$cp" "${tm_jvm[@]}" -cp "$cp" \
      org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$CONF_DIR" "${tm_dyn[@]}" \
      -D "taskmanager.resource-id=tm-$i" -D "io.tmp.dirs=$TMP_DIR/taskmanager-$i"
  done

  log "waiting up to ${START_TIMEOUT}s for $NUM_TM TaskManagers to register at $REST"
  local t0=$SECONDS n=-1
  while (( SECONDS - t0 < START_TIMEOUT )); do
    for p in $(names); do
      if ! is_ours "$(pid_of "$p")"; then
        log "$p exited during start-up; last lines of $LOG_DIR/$p.log:"
        tail -n 30 "$LOG_DIR/$p.log" >&2 || true
        trap - ERR; cmd_stop; exit 1
      fi
    done
    n="$(registered_taskmanagers)"
    if [[ "$n" == "$NUM_TM" ]]; then
      trap - ERR
      log "cluster up in $(( SECONDS - t0 ))s: JobManager $REST, TaskManagers: $(taskmanager_ids)"
      return 0
    fi
    sleep 1
  done
  trap - ERR
  if [[ $n == -1 ]]; then
    log "timeout after ${START_TIMEOUT}s: the JobManager REST API at $REST never answered"
  else
    log "timeout after ${START_TIMEOUT}s: only $n of $NUM_TM TaskManagers registered"
  fi
  for p in $(names); do log "last lines of $LOG_DIR/$p.log:"; tail -n 15 "$LOG_DIR/$p.log" >&2 || true; done
  cmd_stop
  exit 1
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart) cmd_stop; cmd_start ;;
  java-opts) echo "${JAVA17_OPTS[*]}" ;;
  *) echo "usage: $0 start|stop|status|restart|java-opts" >&2; exit 2 ;;
esac
