# shellcheck shell=bash
# Kafka part of the Redress local infrastructure. Sourced by infra.sh (needs its helpers:
# log, warn, die, is_root, tcp_open, show_log_tail, REDRESS_HOME, INFRA_DIR).
#
# Either external brokers (KAFKA_BROKERS set: nothing is started, status probes the first one) or a
# single-node KRaft broker+controller run straight from the official Maven Central jars (no tarball
# download exists on this network), fetched once with mvn into $REDRESS_HOME.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "kafka.sh is a library; use: bash scripts/infra/infra.sh start|stop|status|env kafka" >&2
  exit 2
fi

# Pinned: 4.1.1 is what the registry serves and runs on Java 17. The pom's log4j pins match it.
KAFKA_VERSION="${REDRESS_KAFKA_VERSION:-4.1.1}"
KAFKA_HOST=127.0.0.1
KAFKA_PORT="${REDRESS_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${REDRESS_KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_HEAP_OPTS="${REDRESS_KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${REDRESS_KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT=30

KAFKA_DIR="$REDRESS_HOME/kafka"
KAFKA_LIBS="$KAFKA_DIR/$KAFKA_VERSION/libs"
KAFKA_LIBS_MARKER="$KAFKA_LIBS/.fetch-complete"
KAFKA_DATA="$KAFKA_DIR/data"
KAFKA_LOG_DIR="$KAFKA_DIR/logs"
KAFKA_SERVER_LOG="$KAFKA_LOG_DIR/server.log"
KAFKA_CONSOLE_LOG="$KAFKA_LOG_DIR/kafka.out"
KAFKA_PID_FILE="$KAFKA_DIR/kafka.pid"
KAFKA_CLUSTER_ID_FILE="$KAFKA_DIR/cluster.id"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"
KAFKA_LOG4J_SERVER="$KAFKA_DIR/log4j2-server.properties"
KAFKA_LOG4J_TOOLS="$KAFKA_DIR/log4j2-tools.properties"
KAFKA_M2="$REDRESS_HOME/m2"
# Printed by kafka.server.KafkaBroker once the broker serves requests
# ("[KafkaRaftServer nodeId=1] Kafka Server started").
KAFKA_STARTED_LINE="Kafka Server started"

# External = KAFKA_BROKERS set and its first broker is not our own local listener.
kafka_external() {
  [[ -n "${KAFKA_BROKERS:-}" ]] && ! points_at_local "$KAFKA_BROKERS" 9092 "$KAFKA_PORT"
}

kafka_brokers() {
  # A set KAFKA_BROKERS always passes through unchanged (even when it is our own broker).
  if [[ -n "${KAFKA_BROKERS:-}" ]]; then
    printf '%s' "$KAFKA_BROKERS"
  else
    printf '%s:%s' "$KAFKA_HOST" "$KAFKA_PORT"
  fi
}

kafka_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    printf '%s' "$JAVA_HOME/bin/java"
  else
    command -v java 2>/dev/null || true
  fi
}

# Debian's packages, installed when missing and we may (root with apt-get), like PostgreSQL's.
kafka_apt_install() {
  is_root && command -v apt-get >/dev/null 2>&1 || return 1
  log "kafka: installing $* (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 || warn "apt-get update failed; trying the install anyway"
  apt-get install -y -qq "$@" >&2
}

# Kafka 4.x brokers need Java 17+.
kafka_require_java() {
  local java ver major
  java="$(kafka_java)"
  [[ -n "$java" ]] || { kafka_apt_install openjdk-17-jre-headless && java="$(kafka_java)"; } || true
  [[ -n "$java" ]] || die "kafka: Java 17+ not found. Install it: apt-get install -y openjdk-17-jre-headless maven"
  ver="$("$java" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')"
  major="${ver%%.*}"
  [[ "$major" == 1 ]] && major="$(cut -d. -f2 <<<"$ver")"
  if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < 17)); then
    die "kafka: Kafka $KAFKA_VERSION needs Java 17+, found '$ver' ($java). Install: apt-get install -y openjdk-17-jre-headless"
  fi
}

# Fetch the broker + tools jars once. Downloaded into a temp dir and renamed, and a marker written
# last, so an interrupted/failed fetch is retried instead of leaving a half-filled classpath.
kafka_fetch_libs() {
  if [[ -f "$KAFKA_LIBS_MARKER" && -f "$KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar" ]]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || kafka_apt_install maven || true
  command -v mvn >/dev/null 2>&1 ||
    die "kafka: Maven (mvn) is needed once to fetch the Kafka jars. Install it: apt-get install -y openjdk-17-jre-headless maven"
  local tmp="$KAFKA_DIR/$KAFKA_VERSION/libs.tmp" fetch_log="$KAFKA_LOG_DIR/fetch.log" t0=$SECONDS
  mkdir -p "$KAFKA_LOG_DIR" "$KAFKA_M2"
  rm -rf "$tmp"
  log "kafka: fetching org.apache.kafka:kafka_2.13:$KAFKA_VERSION + kafka-tools with Maven (Maven repo $KAFKA_M2)..."
  # The Maven repo under $REDRESS_HOME keeps everything in the git-ignored folder; -B/-q keep the log
  # readable; the output goes to fetch.log and is only shown on failure.
  if ! mvn -B -q -f "$INFRA_DIR/kafka/pom.xml" \
    -Dmaven.repo.local="$KAFKA_M2" \
    -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp" \
    >"$fetch_log" 2>&1; then
    show_log_tail "$fetch_log" 60
    die "kafka: mvn could not fetch Kafka $KAFKA_VERSION (is Maven Central reachable?)"
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" && -f "$tmp/kafka-tools-$KAFKA_VERSION.jar" ]] ||
    die "kafka: mvn finished but kafka_2.13-$KAFKA_VERSION.jar / kafka-tools jar are missing in $tmp"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
  find "$KAFKA_LIBS" -maxdepth 1 -name "*.jar" -printf "%f\n" | sort >"$KAFKA_LIBS_MARKER"
  log "kafka: fetched $(grep -c . "$KAFKA_LIBS_MARKER") jars in $((SECONDS - t0))s"
}

# Log4j2 configs. Kafka 4.x logs through SLF4J 1.7 -> log4j-slf4j-impl -> Log4j2 (see pom.xml).
kafka_write_log4j() {
  cat >"$KAFKA_LOG4J_SERVER" <<'EOF'
# Generated by scripts/infra/kafka.sh. Broker: INFO and above to server.log, WARN+ to the console
# (the console is redirected to kafka.out by the start script).
status = warn
name = redress-kafka-server
appender.console.type = Console
appender.console.name = STDOUT
appender.console.target = SYSTEM_OUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
appender.console.filter.threshold.type = ThresholdFilter
appender.console.filter.threshold.level = warn
appender.server.type = RollingFile
appender.server.name = SERVER
appender.server.fileName = ${sys:kafka.logs.dir}/server.log
appender.server.filePattern = ${sys:kafka.logs.dir}/server.log.%i
appender.server.layout.type = PatternLayout
appender.server.layout.pattern = [%d] %p %m (%c)%n
appender.server.policies.type = Policies
appender.server.policies.size.type = SizeBasedTriggeringPolicy
appender.server.policies.size.size = 50MB
appender.server.strategy.type = DefaultRolloverStrategy
appender.server.strategy.max = 3
rootLogger.level = info
rootLogger.appenderRef.stdout.ref = STDOUT
rootLogger.appenderRef.server.ref = SERVER
EOF
  cat >"$KAFKA_LOG4J_TOOLS" <<'EOF'
# Generated by scripts/infra/kafka.sh. CLI tools (StorageTool, TopicCommand...): WARN+ to stderr.
status = warn
name = redress-kafka-tools
appender.console.type = Console
appender.console.name = STDERR
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = STDERR
EOF
}

# Render the server.properties template (on every start, so port changes apply).
kafka_write_config() {
  local tpl="$INFRA_DIR/kafka/server.properties.template" content
  [[ -f "$tpl" ]] || die "kafka: missing $tpl"
  content="$(<"$tpl")"
  content="${content//@KAFKA_PORT@/$KAFKA_PORT}"
  content="${content//@KAFKA_CONTROLLER_PORT@/$KAFKA_CONTROLLER_PORT}"
  content="${content//@KAFKA_DATA_DIR@/$KAFKA_DATA}"
  printf '%s\n' "$content" >"$KAFKA_CONFIG"
}

# Run a Kafka class with the fetched classpath and the quiet tools logging config.
kafka_run_class() {
  [[ $# -ge 1 ]] || die "usage: infra.sh kafka-class <main.Class> [args...]"
  kafka_require_java
  [[ -f "$KAFKA_LIBS_MARKER" ]] || die "kafka: jars not fetched yet; run: bash scripts/infra/infra.sh start kafka"
  [[ -f "$KAFKA_LOG4J_TOOLS" ]] || { mkdir -p "$KAFKA_DIR" && kafka_write_log4j; }
  "$(kafka_java)" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J_TOOLS" -cp "$KAFKA_LIBS/*" "$@"
}

# Port the running broker was started with (from the config rendered at its start).
kafka_running_port() {
  sed -n 's#^advertised\.listeners=PLAINTEXT://[^:]*:\([0-9]*\).*#\1#p' "$KAFKA_CONFIG" 2>/dev/null | head -n 1
}

kafka_meta_cluster_id() {
  sed -n 's/^cluster\.id=//p' "$KAFKA_DATA/meta.properties" 2>/dev/null | head -n 1
}

# Format the KRaft storage exactly once. The cluster id is kept in cluster.id so that a wiped data
# dir is re-formatted with the same id (clients and tests that remember it keep working).
kafka_format_storage() {
  local id existing
  if [[ -f "$KAFKA_DATA/meta.properties" ]]; then
    existing="$(kafka_meta_cluster_id)"
    if [[ ! -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
      printf '%s\n' "$existing" >"$KAFKA_CLUSTER_ID_FILE"
    elif [[ "$(<"$KAFKA_CLUSTER_ID_FILE")" != "$existing" ]]; then
      warn "kafka: $KAFKA_CLUSTER_ID_FILE differs from the formatted storage ($existing); the storage wins"
      printf '%s\n' "$existing" >"$KAFKA_CLUSTER_ID_FILE"
    fi
    return 0
  fi
  if [[ -s "$KAFKA_CLUSTER_ID_FILE" ]]; then
    id="$(<"$KAFKA_CLUSTER_ID_FILE")"
  else
    id="$(kafka_run_class kafka.tools.StorageTool random-uuid)" || die "kafka: StorageTool random-uuid failed"
    printf '%s\n' "$id" >"$KAFKA_CLUSTER_ID_FILE"
  fi
  log "kafka: formatting KRaft storage in $KAFKA_DATA (cluster id $id)"
  mkdir -p "$KAFKA_DATA"
  # In 4.x the storage tool is still the Scala object kafka.tools.StorageTool inside kafka_2.13.
  kafka_run_class kafka.tools.StorageTool format -t "$id" -c "$KAFKA_CONFIG" >&2 ||
    die "kafka: storage format failed"
}

# The pid file is trusted only if that pid is alive AND is our broker (pids get reused).
kafka_pid() {
  local pid
  [[ -s "$KAFKA_PID_FILE" ]] || return 1
  pid="$(<"$KAFKA_PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  [[ "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" == *"-Dredress.kafka.home=$KAFKA_DIR"* ]] || return 1
  printf '%s' "$pid"
}

kafka_start() {
  if kafka_external; then
    log "kafka: KAFKA_BROKERS is set ($KAFKA_BROKERS); not starting a local broker"
    return 0
  fi
  local pid
  if pid="$(kafka_pid)"; then
    local running_port
    running_port="$(kafka_running_port)"
    if [[ -n "$running_port" && "$running_port" != "$KAFKA_PORT" ]]; then
      die "kafka: already running on port $running_port (pid $pid), not $KAFKA_PORT; run 'infra.sh stop kafka' first to change ports"
    fi
    log "kafka: already running (pid $pid, $KAFKA_HOST:$KAFKA_PORT)"
    return 0
  fi
  rm -f "$KAFKA_PID_FILE"
  local p
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if tcp_open "$KAFKA_HOST" "$p"; then
      die "kafka: port $p on $KAFKA_HOST is already used by another process; set REDRESS_KAFKA_PORT / REDRESS_KAFKA_CONTROLLER_PORT"
    fi
  done
  kafka_require_java
  mkdir -p "$KAFKA_DIR" "$KAFKA_LOG_DIR"
  kafka_fetch_libs
  kafka_write_log4j
  kafka_write_config
  kafka_format_storage

  # Remember where server.log ends now, so we only accept a "started" line from this run.
  local offset=0
  [[ -f "$KAFKA_SERVER_LOG" ]] && offset="$(stat -c %s "$KAFKA_SERVER_LOG")"
  printf '\n===== %s infra.sh start (Kafka %s) =====\n' "$(date -Is)" "$KAFKA_VERSION" >>"$KAFKA_CONSOLE_LOG"

  log "kafka: starting $KAFKA_VERSION on $KAFKA_HOST:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT, log $KAFKA_SERVER_LOG)"
  # JVM flags mirror bin/kafka-run-class.sh (G1, short pauses), with a small heap for this 2-core
  # box. -Dredress.kafka.home tags the process so kafka_pid can recognise it.
  # setsid + nohup: detach from our session/process group so Ctrl-C or a CI step ending does not
  # kill the broker; the inner shell writes its own pid and execs java, so the pid file is exact.
  # 9>&-: the broker must not inherit infra.sh's lock fd (it would hold the lock while it runs).
  local -a jvm_opts
  read -r -a jvm_opts <<<"$KAFKA_HEAP_OPTS"
  jvm_opts+=(
    -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true
    "-Dkafka.logs.dir=$KAFKA_LOG_DIR" "-Dlog4j2.configurationFile=$KAFKA_LOG4J_SERVER"
    "-Dredress.kafka.home=$KAFKA_DIR"
  )
  # shellcheck disable=SC2016 # expanded by the inner shell on purpose
  setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' _ "$KAFKA_PID_FILE" \
    "$(kafka_java)" "${jvm_opts[@]}" -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONFIG" \
    >>"$KAFKA_CONSOLE_LOG" 2>&1 </dev/null 9>&- &
  kafka_wait_started "$offset"
  log "kafka: ready (pid $(kafka_pid), cluster id $(kafka_meta_cluster_id))"
}

# Print what this start attempt logged: kafka.out (JVM errors land there) and the part of
# server.log written since byte offset $1 (older runs' lines would only mislead).
kafka_show_start_logs() {
  local offset="$1"
  show_log_tail "$KAFKA_CONSOLE_LOG" 20
  if [[ -f "$KAFKA_SERVER_LOG" ]] && (($(stat -c %s "$KAFKA_SERVER_LOG") > offset)); then
    printf '[infra] ---- last lines of %s (this start) ----\n' "$KAFKA_SERVER_LOG" >&2
    tail -c +"$((offset + 1))" "$KAFKA_SERVER_LOG" | tail -n 40 >&2 || true
    printf '[infra] ---- end of %s ----\n' "$KAFKA_SERVER_LOG" >&2
  fi
}

# Ready = the broker logged "Kafka Server started" during THIS run AND the listener accepts TCP.
# A bare TCP connect is not enough: the socket server binds before the broker can serve metadata.
kafka_wait_started() {
  local offset="$1" deadline=$((SECONDS + KAFKA_START_TIMEOUT)) pid=""
  while :; do
    # Raw pid file (not kafka_pid): a JVM that dies instantly must be noticed, not waited out.
    [[ -n "$pid" || ! -s "$KAFKA_PID_FILE" ]] || pid="$(<"$KAFKA_PID_FILE")"
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      kafka_show_start_logs "$offset"
      rm -f "$KAFKA_PID_FILE"
      die "kafka: broker exited during startup"
    fi
    if [[ -f "$KAFKA_SERVER_LOG" ]]; then
      local size
      size="$(stat -c %s "$KAFKA_SERVER_LOG")"
      ((size >= offset)) || offset=0 # log rolled over meanwhile: scan the new file from the top
      # grep -c, not -q: -q stops reading at the first match, tail then dies of SIGPIPE once the
      # broker has logged more than a pipe buffer after that line, and pipefail reports a failure.
      if (($(tail -c +"$((offset + 1))" "$KAFKA_SERVER_LOG" | grep -c -F -- "$KAFKA_STARTED_LINE") > 0)) &&
        tcp_open "$KAFKA_HOST" "$KAFKA_PORT"; then
        return 0
      fi
    fi
    if ((SECONDS >= deadline)); then
      kafka_show_start_logs "$offset"
      # Do not leave a half-started broker behind: the next `start` would believe it is running.
      kafka_stop
      die "kafka: not ready after ${KAFKA_START_TIMEOUT}s"
    fi
    sleep 0.5
  done
}

kafka_stop() {
  if kafka_external; then
    log "kafka: KAFKA_BROKERS is set; external brokers not managed here, nothing to stop"
    return 0
  fi
  local pid waited=0
  if ! pid="$(kafka_pid)"; then
    log "kafka: not running"
    rm -f "$KAFKA_PID_FILE"
    return 0
  fi
  log "kafka: stopping pid $pid (SIGTERM, up to ${KAFKA_STOP_TIMEOUT}s for a controlled shutdown)"
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= KAFKA_STOP_TIMEOUT * 2)); then
      warn "kafka: still alive after ${KAFKA_STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  rm -f "$KAFKA_PID_FILE"
  log "kafka: stopped"
}

# One status line on stdout; returns 0 when the broker answers.
kafka_status() {
  if kafka_external; then
    local host port
    read -r host port <<<"$(first_host_port "$KAFKA_BROKERS" 9092)"
    if tcp_open "$host" "$port"; then
      echo "kafka: running (external, KAFKA_BROKERS=$KAFKA_BROKERS)"
      return 0
    fi
    echo "kafka: stopped (external KAFKA_BROKERS=$KAFKA_BROKERS: $host:$port does not answer)"
    return 1
  fi
  local pid
  if pid="$(kafka_pid)"; then
    if tcp_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      echo "kafka: running (port $KAFKA_PORT, controller $KAFKA_CONTROLLER_PORT, data $KAFKA_DATA, pid $pid, version $KAFKA_VERSION)"
      return 0
    fi
    echo "kafka: starting/not accepting connections (port $KAFKA_PORT, data $KAFKA_DATA, pid $pid)"
    return 1
  fi
  echo "kafka: stopped (port $KAFKA_PORT, data $KAFKA_DATA)"
  return 1
}

kafka_is_up() {
  kafka_status >/dev/null 2>&1
}
