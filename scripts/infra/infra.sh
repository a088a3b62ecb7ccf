#!/usr/bin/env bash
# Redress local infrastructure (PostgreSQL + single-node KRaft Kafka) without Docker.
#
#   bash scripts/infra/infra.sh start   [all|postgres|kafka]...   start (idempotent), then print env
#   bash scripts/infra/infra.sh stop    [all|postgres|kafka]...   stop (graceful)
#   bash scripts/infra/infra.sh restart [all|postgres|kafka]...
#   bash scripts/infra/infra.sh status  [all|postgres|kafka]...   one line each; exit 0 all running, 3 otherwise
#   bash scripts/infra/infra.sh env                               `export DATABASE_URL=... KAFKA_BROKERS=...`
#   bash scripts/infra/infra.sh kafka-class <main.Class> [args]   run a Kafka CLI class on the fetched jars
#
# stdout carries only machine-readable output (export lines, status lines); progress and errors go to
# stderr, so `eval "$(bash scripts/infra/infra.sh start)"` works. See scripts/infra/README.md.
set -euo pipefail

INFRA_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd -- "$INFRA_DIR/../.." && pwd -P)"

# All state (data, logs, downloaded jars, Maven cache) lives here; it is git-ignored.
REDRESS_HOME="${REDRESS_HOME:-$REPO_ROOT/.redress}"
# Components run in the background from other working directories: store an absolute path.
[[ "$REDRESS_HOME" == /* ]] || REDRESS_HOME="$PWD/$REDRESS_HOME"
export REDRESS_HOME

# ---------------------------------------------------------------------------------------------------
# Small helpers shared by postgres.sh and kafka.sh
# ---------------------------------------------------------------------------------------------------

log() { printf '[infra] %s\n' "$*" >&2; }
warn() { printf '[infra] WARNING: %s\n' "$*" >&2; }
die() {
  printf '[infra] ERROR: %s\n' "$*" >&2
  exit 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Java-free, netcat-free TCP probe (bash's /dev/tcp). Returns 0 if something accepts on host:port.
tcp_open() {
  local host="$1" port="$2"
  # shellcheck disable=SC2016 # expanded by the inner shell on purpose
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$host" "$port" 2>/dev/null
}

# "host port" of the first endpoint in a URL or host:port list, e.g.
#   postgres://u:p@127.0.0.1:54329/db?x=y -> "127.0.0.1 54329";  PLAINTEXT://[::1]:9092,h:1 -> "::1 9092"
# $2 is the default port when none is given.
first_host_port() {
  local hp="${1#*://}" host port
  hp="${hp##*@}"
  hp="${hp%%/*}"
  hp="${hp%%\?*}"
  hp="${hp%%,*}"
  hp="${hp//[[:space:]]/}"
  if [[ "$hp" =~ ^\[(.*)\](:([0-9]+))?$ ]]; then
    host="${BASH_REMATCH[1]}" port="${BASH_REMATCH[3]}"
  elif [[ "$hp" == *:* ]]; then
    host="${hp%:*}" port="${hp##*:}"
  else
    host="$hp" port=""
  fi
  printf '%s %s' "${host:-127.0.0.1}" "${port:-$2}"
}

# Does an external endpoint actually point at the instance these scripts manage (loopback + our
# port)? Then it is NOT external: after `eval "$(infra.sh env)"` the exported DATABASE_URL /
# KAFKA_BROKERS are our own, and `infra.sh stop kafka` must still stop the local broker.
points_at_local() {
  local host port
  read -r host port <<<"$(first_host_port "$1" "$2")"
  [[ "$port" == "$3" ]] && [[ "$host" == 127.0.0.1 || "$host" == localhost || "$host" == ::1 ]]
}

# Single-quote a value so the output can be eval'ed by any POSIX shell.
shquote() {
  local q="'\\''"
  printf "'%s'" "${1//\'/$q}"
}

# Percent-encode a URL component (the password may contain @ : / etc.).
urlencode() {
  local LC_ALL=C s="$1" out="" c hex i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [a-zA-Z0-9._~-]) out+="$c" ;;
      *)
        printf -v hex '%%%02X' "'$c"
        out+="$hex"
        ;;
    esac
  done
  printf '%s' "$out"
}

# Print the last lines of a log file to stderr (used when something fails to come up).
show_log_tail() {
  local file="$1" lines="${2:-40}"
  if [[ -s "$file" ]]; then
    printf '[infra] ---- last %s lines of %s ----\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2 || true
    printf '[infra] ---- end of %s ----\n' "$file" >&2
  else
    printf '[infra] (no log output in %s)\n' "$file" >&2
  fi
}

# Serialise start/stop: two `start`s racing (e.g. parallel Nx targets) must not both initdb or
# both launch a broker. status/env are read-only and never take the lock. Daemons are started with
# `9>&-` so they do not inherit (and keep holding) the lock fd.
take_lock() {
  mkdir -p "$REDRESS_HOME"
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$REDRESS_HOME/.infra.lock"
    if ! flock -w 300 9; then
      die "another infra.sh start/stop holds $REDRESS_HOME/.infra.lock for more than 300 s"
    fi
  fi
}

# shellcheck source=SCRIPTDIR/postgres.sh
source "$INFRA_DIR/postgres.sh"
# shellcheck source=SCRIPTDIR/kafka.sh
source "$INFRA_DIR/kafka.sh"

# ---------------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------------

usage() {
  cat >&2 <<'EOF'
usage: bash scripts/infra/infra.sh <command> [component...]
  start   [all|postgres|kafka]...  start (idempotent); prints export lines on stdout when done
  stop    [all|postgres|kafka]...  stop gracefully
  restart [all|postgres|kafka]...  stop then start
  status  [all|postgres|kafka]...  one line per component; exit 0 if all running, else 3
  env                              print `export DATABASE_URL=...` / `export KAFKA_BROKERS=...`
  kafka-class <main.Class> [args]  run a Kafka CLI class with the fetched jars, e.g.
                                   kafka-class org.apache.kafka.tools.TopicCommand \
                                     --bootstrap-server 127.0.0.1:19092 --list
EOF
}

# Normalise component arguments into the global COMPONENTS array (canonical order postgres, kafka).
COMPONENTS=()
parse_components() {
  local want_pg=0 want_kafka=0 arg
  [[ $# -gt 0 ]] || set -- all
  for arg in "$@"; do
    case "$arg" in
      all) want_pg=1 want_kafka=1 ;;
      postgres | pg | postgresql) want_pg=1 ;;
      kafka) want_kafka=1 ;;
      *)
        usage
        die "unknown component '$arg' (expected all, postgres or kafka)"
        ;;
    esac
  done
  COMPONENTS=()
  [[ $want_pg -eq 0 ]] || COMPONENTS+=(postgres)
  [[ $want_kafka -eq 0 ]] || COMPONENTS+=(kafka)
}

cmd_env() {
  printf 'export DATABASE_URL=%s\n' "$(shquote "$(pg_database_url)")"
  printf 'export KAFKA_BROKERS=%s\n' "$(shquote "$(kafka_brokers)")"
}

cmd_start() {
  parse_components "$@"
  take_lock
  local c
  # Postgres first: it is quick, and Kafka's first start is dominated by the jar download.
  for c in "${COMPONENTS[@]}"; do
    case "$c" in
      postgres) pg_start ;;
      kafka) kafka_start ;;
    esac
  done
  log "ready. Environment (also printed on stdout for eval):"
  cmd_env | sed 's/^/[infra]   /' >&2
  cmd_env
}

cmd_stop() {
  parse_components "$@"
  take_lock
  # Reverse order: stop Kafka before the database.
  local i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    case "${COMPONENTS[i]}" in
      postgres) pg_stop ;;
      kafka) kafka_stop ;;
    esac
  done
}

cmd_status() {
  parse_components "$@"
  local c rc=0
  for c in "${COMPONENTS[@]}"; do
    case "$c" in
      postgres) pg_status || rc=3 ;;
      kafka) kafka_status || rc=3 ;;
    esac
  done
  return "$rc"
}

main() {
  local cmd="${1:-}"
  [[ $# -eq 0 ]] || shift
  case "$cmd" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    restart)
      cmd_stop "$@"
      cmd_start "$@"
      ;;
    status) cmd_status "$@" ;;
    env)
      # Still print the values (they are deterministic), but say so if something is not up.
      pg_is_up || warn "postgres is not running (bash scripts/infra/infra.sh start)"
      kafka_is_up || warn "kafka is not running (bash scripts/infra/infra.sh start)"
      cmd_env
      ;;
    kafka-class) kafka_run_class "$@" ;;
    -h | --help | help)
      usage
      ;;
    *)
      usage
      exit 2
      ;;
  esac
}

main "$@"
