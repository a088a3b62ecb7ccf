# shellcheck shell=bash
# PostgreSQL part of the Redress local infrastructure. Sourced by infra.sh (needs its helpers:
# log, warn, die, is_root, tcp_open, urlencode, show_log_tail, REDRESS_HOME, REPO_ROOT).
#
# Either an external server (DATABASE_URL set: we never start anything, status just pings it) or a
# private cluster of the project's own: port REDRESS_PG_PORT, loopback only, data under
# $REDRESS_HOME/postgres, superuser redress_admin, database redress.

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  echo "postgres.sh is a library; use: bash scripts/infra/infra.sh start|stop|status|env postgres" >&2
  exit 2
fi

PG_PORT="${REDRESS_PG_PORT:-54329}"
PG_PASSWORD="${REDRESS_PG_PASSWORD:-redress_admin}"
PG_HOST=127.0.0.1
PG_ADMIN=redress_admin
PG_DB=redress
PG_START_TIMEOUT="${REDRESS_PG_START_TIMEOUT:-60}"

# Set by pg_resolve_paths.
PG_ROOT="" PG_DATA="" PG_SOCK_DIR="" PG_LOG_DIR="" PG_LOG=""
# Set by pg_find_bindir.
PG_BIN=""

# External = DATABASE_URL set and pointing somewhere other than our own cluster's port.
pg_external() {
  [[ -n "${DATABASE_URL:-}" ]] && ! points_at_local "$DATABASE_URL" 5432 "$PG_PORT"
}

pg_database_url() {
  # A set DATABASE_URL always passes through unchanged (even when it points at our own cluster).
  if [[ -n "${DATABASE_URL:-}" ]]; then
    printf '%s' "$DATABASE_URL"
  else
    printf 'postgres://%s:%s@%s:%s/%s' "$PG_ADMIN" "$(urlencode "$PG_PASSWORD")" "$PG_HOST" "$PG_PORT" "$PG_DB"
  fi
}

# DATABASE_URL with the password masked, for status lines and logs.
pg_masked_url() {
  # shellcheck disable=SC2001 # a regex is the clearest way to mask user:pass@
  sed -E 's#(://[^:/@]*):[^@]*@#\1:***@#' <<<"$1"
}

# The OS user that owns and runs the cluster. initdb/postgres refuse to run as root, so as root we
# use the `postgres` account that the Debian packages create; otherwise the invoking user.
pg_run_user() {
  if is_root; then printf 'postgres'; else id -un; fi
}

# Run a command as the cluster owner. `cd /` first: as root the caller's cwd is often /root, which
# the postgres user cannot enter, and initdb/psql complain about that.
pg_as() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Locate the server binaries: pg_config's bindir when it really contains a server (libpq-dev's
# pg_config can be a newer major than the installed server), else the newest /usr/lib/postgresql/*/bin.
pg_find_bindir() {
  local d best=""
  if command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    if [[ -n "$d" && -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
      PG_BIN="$d"
      return 0
    fi
  fi
  best="$(
    for d in /usr/lib/postgresql/*/bin; do
      [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && printf '%s\n' "$d"
    done | sort -V | tail -n 1
  )"
  if [[ -n "$best" ]]; then
    PG_BIN="$best"
    return 0
  fi
  return 1
}

pg_ensure_bindir() {
  pg_find_bindir && return 0
  if is_root && command -v apt-get >/dev/null 2>&1; then
    log "PostgreSQL server binaries not found; installing the Debian 'postgresql' package (apt-get)..."
    # The package also creates and starts its own 'main' cluster on 5432; harmless, we use our port.
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 || warn "apt-get update failed; trying the install anyway"
    apt-get install -y -qq postgresql >&2 || die "apt-get install -y postgresql failed"
    pg_find_bindir && return 0
  fi
  die "PostgreSQL server binaries (initdb, pg_ctl, postgres, pg_isready, psql) not found.
  Install them, e.g.: sudo apt-get install -y postgresql   (Debian/Ubuntu)
  or point DATABASE_URL at an existing server."
}

# Can the cluster owner reach (traverse) directory $1, or its nearest existing ancestor?
pg_owner_can_reach() {
  local d="$1"
  is_root || return 0
  while [[ ! -d "$d" ]]; do d="$(dirname -- "$d")"; done
  runuser -u postgres -- test -x "$d" 2>/dev/null
}

# Decide where the cluster lives. Preferred: $REDRESS_HOME/postgres. When running as root, the
# postgres OS user must be able to traverse every parent directory of the repo; if it cannot, use
# /var/tmp/redress-<hash of REDRESS_HOME>/postgres instead (documented in README.md).
pg_resolve_paths() {
  local in_repo="$REDRESS_HOME/postgres" fallback hash
  # Keyed by REDRESS_HOME (which defaults to <repo>/.redress), so checkouts/homes never share a cluster.
  hash="$(printf '%s' "$REDRESS_HOME" | sha256sum | cut -c1-12)"
  fallback="/var/tmp/redress-$hash/postgres"
  if [[ -f "$in_repo/data/PG_VERSION" ]]; then
    PG_ROOT="$in_repo"
  elif [[ -f "$fallback/data/PG_VERSION" ]]; then
    PG_ROOT="$fallback"
  elif pg_owner_can_reach "$REDRESS_HOME"; then
    PG_ROOT="$in_repo"
  else
    PG_ROOT="$fallback"
  fi
  PG_DATA="$PG_ROOT/data"
  PG_LOG_DIR="$PG_ROOT/log"
  PG_LOG="$PG_LOG_DIR/postgres.log"
  PG_SOCK_DIR="$PG_ROOT/run"
  # A Unix socket path is limited to ~107 bytes; a deep checkout would make the server fail with
  # "Unix-domain socket path ... is too long". Move the socket to /tmp in that case.
  if ((${#PG_SOCK_DIR} + ${#PG_PORT} + 12 > 100)); then
    PG_SOCK_DIR="/tmp/redress-$hash-pgrun"
  fi
}

# Create the directory layout with the right owner. Only top-level dirs are chowned: the data dir's
# contents are created by initdb as the owner already.
pg_prepare_dirs() {
  local owner d
  owner="$(pg_run_user)"
  mkdir -p "$REDRESS_HOME" "$PG_ROOT" "$PG_LOG_DIR" "$PG_SOCK_DIR"
  if is_root; then
    # A restrictive umask would create $REDRESS_HOME as 0700 and lock the postgres user out.
    chmod o+x "$REDRESS_HOME" "$(dirname -- "$PG_ROOT")"
    for d in "$PG_ROOT" "$PG_LOG_DIR" "$PG_SOCK_DIR"; do chown "$owner:" "$d"; done
    if ! runuser -u postgres -- test -w "$PG_ROOT"; then
      die "the postgres OS user cannot write to $PG_ROOT (a parent directory lacks o+x?)"
    fi
  fi
  chmod 0700 "$PG_ROOT"
  chmod 0755 "$PG_SOCK_DIR"
}

# pg_ctl status: 0 = running, 3 = not running, 4 = no/invalid data directory.
pg_ctl_running() {
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 1
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_ready() {
  "$PG_BIN/pg_isready" -q -h "$PG_HOST" -p "$PG_PORT" -d postgres -t 2 >/dev/null 2>&1
}

# One-time cluster creation. initdb writes into data.init and is renamed at the end, so an
# interrupted init never leaves a half-configured data dir that later starts would trust.
pg_initdb() {
  local tmp="$PG_ROOT/data.init" pwfile="$PG_ROOT/.initdb-pw"
  log "postgres: initialising cluster in $PG_DATA (superuser $PG_ADMIN)"
  rm -rf "$tmp"
  (umask 077 && printf '%s\n' "$PG_PASSWORD" >"$pwfile")
  is_root && chown postgres: "$pwfile"
  if ! pg_as "$PG_BIN/initdb" -D "$tmp" -U "$PG_ADMIN" --pwfile="$pwfile" \
    -E UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 \
    >"$PG_LOG_DIR/initdb.log" 2>&1; then
    rm -f "$pwfile"
    show_log_tail "$PG_LOG_DIR/initdb.log"
    die "postgres: initdb failed"
  fi
  rm -f "$pwfile"
  # Our settings live in a separate file that is rewritten on every start (port etc. can change).
  printf "\n# Redress: settings managed by scripts/infra/postgres.sh\ninclude_if_exists = 'redress.conf'\n" \
    >>"$tmp/postgresql.conf"
  mv "$tmp" "$PG_DATA"
}

# (Re)write the config files we own; only called while the server is stopped.
pg_write_config() {
  local owner
  owner="$(pg_run_user)"
  cat >"$PG_DATA/redress.conf" <<EOF
# Generated by scripts/infra/postgres.sh on every start; edits are overwritten.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK_DIR'
max_connections = 200
password_encryption = 'scram-sha-256'
EOF
  # TCP needs the password (scram). The local socket uses peer auth mapped to redress_admin for the
  # cluster owner (and root), so these scripts can always administer the cluster and re-sync the
  # password when REDRESS_PG_PASSWORD changes, without keeping any password on disk.
  cat >"$PG_DATA/pg_hba.conf" <<'EOF'
# Generated by scripts/infra/postgres.sh on every start; edits are overwritten.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 peer map=redress
host    all       all   127.0.0.1/32  scram-sha-256
host    all       all   ::1/128       scram-sha-256
EOF
  {
    echo "# Generated by scripts/infra/postgres.sh on every start; edits are overwritten."
    echo "# MAPNAME  SYSTEM-USERNAME  PG-USERNAME"
    echo "redress    $owner    $PG_ADMIN"
    [[ "$owner" == root ]] || echo "redress    root    $PG_ADMIN"
  } >"$PG_DATA/pg_ident.conf"
  if is_root; then
    chown "$owner:" "$PG_DATA/redress.conf" "$PG_DATA/pg_hba.conf" "$PG_DATA/pg_ident.conf"
  fi
  chmod 0600 "$PG_DATA/redress.conf" "$PG_DATA/pg_hba.conf" "$PG_DATA/pg_ident.conf"
}

# Runs on every start: keep redress_admin's password equal to REDRESS_PG_PASSWORD and make sure
# the database exists. Connects over the Unix socket with peer auth (no password needed).
pg_bootstrap_sql() {
  if ! pg_as "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK_DIR" -p "$PG_PORT" \
    -U "$PG_ADMIN" -d postgres -v pw="$PG_PASSWORD" -v db="$PG_DB" -v owner="$PG_ADMIN" \
    >/dev/null <<'SQL'; then
SET client_min_messages = warning;
ALTER ROLE :"owner" WITH SUPERUSER LOGIN PASSWORD :'pw';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
    die "postgres: could not create role/database (see above)"
  fi
}

pg_start() {
  if pg_external; then
    log "postgres: DATABASE_URL is set ($(pg_masked_url "$DATABASE_URL")); not starting a local server"
    return 0
  fi
  pg_ensure_bindir
  if is_root && ! id -u postgres >/dev/null 2>&1; then
    die "running as root needs a 'postgres' OS user to own the cluster (apt-get install postgresql creates it)"
  fi
  pg_resolve_paths
  if pg_ctl_running; then
    local running_port
    running_port="$(sed -n 's/^port = \([0-9]*\)$/\1/p' "$PG_DATA/redress.conf" 2>/dev/null || true)"
    if [[ -n "$running_port" && "$running_port" != "$PG_PORT" ]]; then
      die "postgres: already running on port $running_port, not $PG_PORT; run 'infra.sh stop postgres' first to change ports"
    fi
    log "postgres: already running on $PG_HOST:$PG_PORT (data $PG_DATA)"
    pg_wait_ready
    pg_bootstrap_sql
    return 0
  fi
  if tcp_open "$PG_HOST" "$PG_PORT"; then
    die "postgres: port $PG_PORT on $PG_HOST is already used by another process; set REDRESS_PG_PORT"
  fi
  [[ "$PG_ROOT" == "$REDRESS_HOME/postgres" ]] ||
    warn "postgres: the postgres OS user cannot traverse into $REDRESS_HOME; using $PG_ROOT instead"
  pg_prepare_dirs
  [[ -f "$PG_DATA/PG_VERSION" ]] || pg_initdb
  pg_write_config
  log "postgres: starting on $PG_HOST:$PG_PORT ($("$PG_BIN/postgres" --version | awk '{print $3}'), log $PG_LOG)"
  # setsid: the server must not share our process group, or a Ctrl-C / job kill aimed at whoever
  # ran `infra.sh start` would also take the database down. 9>&-: the postmaster must not inherit
  # infra.sh's lock fd, or it would hold the start/stop lock for as long as it runs.
  if ! pg_as setsid "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -W -s start >&2 9>&-; then
    show_log_tail "$PG_LOG"
    die "postgres: pg_ctl start failed"
  fi
  pg_wait_ready
  pg_bootstrap_sql
  log "postgres: ready"
}

# Poll pg_isready until the server accepts connections; fail with the log tail on timeout.
pg_wait_ready() {
  local deadline=$((SECONDS + PG_START_TIMEOUT)) started=$SECONDS
  until pg_ready; do
    # Fail fast if the postmaster died (bad config, port race...) instead of waiting out the timeout.
    if ((SECONDS - started >= 3)) && ! pg_ctl_running; then
      show_log_tail "$PG_LOG"
      die "postgres: server exited during startup"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$PG_LOG"
      die "postgres: not ready after ${PG_START_TIMEOUT}s (server left running; inspect the log above)"
    fi
    sleep 0.3
  done
}

pg_stop() {
  if pg_external; then
    log "postgres: DATABASE_URL is set; external server not managed here, nothing to stop"
    return 0
  fi
  if ! pg_find_bindir; then
    log "postgres: no server binaries, nothing to stop"
    return 0
  fi
  pg_resolve_paths
  if ! pg_ctl_running; then
    log "postgres: not running"
    return 0
  fi
  log "postgres: stopping (fast shutdown)"
  # -m fast: roll back open transactions (test pools keep idle connections open forever).
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 -s stop >&2 ||
    die "postgres: pg_ctl stop failed"
  log "postgres: stopped"
}

# One status line on stdout; returns 0 when the server answers.
pg_status() {
  if pg_external; then
    local url ok=1
    url="$(pg_masked_url "$DATABASE_URL")"
    if pg_find_bindir; then
      "$PG_BIN/pg_isready" -q -t 5 -d "$DATABASE_URL" >/dev/null 2>&1 && ok=0
    elif command -v pg_isready >/dev/null 2>&1; then
      pg_isready -q -t 5 -d "$DATABASE_URL" >/dev/null 2>&1 && ok=0
    else
      # No client tools: fall back to a TCP probe of host:port parsed from the URL.
      local host port
      read -r host port <<<"$(first_host_port "$DATABASE_URL" 5432)"
      tcp_open "$host" "$port" && ok=0
    fi
    if ((ok == 0)); then
      echo "postgres: running (external, DATABASE_URL=$url)"
    else
      echo "postgres: stopped (external DATABASE_URL=$url does not answer)"
    fi
    return "$ok"
  fi
  if ! pg_find_bindir; then
    echo "postgres: stopped (server binaries not installed)"
    return 1
  fi
  pg_resolve_paths
  if pg_ctl_running && pg_ready; then
    local pid
    pid="$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || echo '?')"
    echo "postgres: running (port $PG_PORT, data $PG_DATA, pid $pid)"
    return 0
  elif pg_ctl_running; then
    echo "postgres: starting/not accepting connections (port $PG_PORT, data $PG_DATA)"
  else
    echo "postgres: stopped (port $PG_PORT, data $PG_DATA)"
  fi
  return 1
}

# Quiet check used by `infra.sh env` to warn about a server that is not up.
pg_is_up() {
  pg_status >/dev/null 2>&1
}
