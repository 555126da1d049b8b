# shellcheck shell=bash source-path=SCRIPTDIR
# A private PostgreSQL cluster for local runs and tests, unless DATABASE_URL already names a database.
# The data directory persists between runs; the port is picked fresh each time, so a second checkout
# or a leftover server never collides on a fixed port.
[[ -n "${_GQ_POSTGRES_SH:-}" ]] && return 0
_GQ_POSTGRES_SH=1
_gq_lib="$(dirname "${BASH_SOURCE[0]}")"
source "$_gq_lib/common.sh"
source "$_gq_lib/ports.sh"
source "$_gq_lib/cleanup.sh"

GQ_PG_DIR=""     # cluster directory in use (may be the /var/tmp fallback)
GQ_PG_BINDIR=""  # server binaries used for it
GQ_PG_LOG=""
GQ_PG_STARTED="" # set once we own a running server that stop_postgres must stop
_GQ_PG_REGISTERED=""

# start_postgres <data-dir>: initialises the cluster if needed, starts it on a free 127.0.0.1 port,
# creates database gongqing and exports DATABASE_URL=postgres://gongqing@127.0.0.1:<port>/gongqing.
# Prints nothing on stdout; call it directly, not in $(...). GONGQING_PG_FAST=1 turns fsync off.
start_postgres() {
  local req="${1:-}" ver="" port opts sock pid
  if [[ -n "${DATABASE_URL:-}" ]]; then
    gq_log "DATABASE_URL is set: using that database, starting no PostgreSQL"
    export DATABASE_URL
    return 0
  fi
  [[ -n "$req" ]] || gq_die "usage: start_postgres <data-dir>"
  [[ -z "$GQ_PG_STARTED" ]] || gq_die "start_postgres: already running from $GQ_PG_DIR"
  GQ_PG_DIR="$(_gq_pg_cluster_dir "$req")"
  [[ -f "$GQ_PG_DIR/PG_VERSION" ]] && ver="$(<"$GQ_PG_DIR/PG_VERSION")"
  GQ_PG_BINDIR="$(_gq_pg_bindir "$ver")"
  GQ_PG_LOG="$(_gq_pg_log_file)"
  if [[ -z "$ver" ]]; then
    _gq_pg_initdb
  elif ((EUID == 0)) && [[ "$(stat -c %U "$GQ_PG_DIR")" != postgres ]]; then
    chown -R postgres: "$GQ_PG_DIR" # e.g. copied or restored as root
  fi

  if pid="$(_gq_pg_running_pid)"; then
    # Another session (or a run killed with SIGKILL) has it running: share it, but leave it alone.
    port="$(sed -n 4p "$GQ_PG_DIR/postmaster.pid")"
    gq_log "PostgreSQL already runs from $GQ_PG_DIR (pid $pid, port $port); using it and not stopping it at exit"
  else
    port="$(free_port)"
    # Unix socket in the cluster directory (postgres-owned); TCP only if the path is too long for one.
    sock="$GQ_PG_DIR"
    ((${#sock} < 90)) || sock=""
    opts="-p $port -k '$sock' -c listen_addresses=127.0.0.1 -c max_connections=200"
    [[ "${GONGQING_PG_FAST:-}" == 1 ]] && opts+=" -c fsync=off"
    [[ -n "$_GQ_PG_REGISTERED" ]] || { register_cleanup stop_postgres; _GQ_PG_REGISTERED=1; }
    GQ_PG_STARTED=1 # before pg_ctl returns: a Ctrl-C during its wait must still stop the server
    gq_log "starting PostgreSQL $(<"$GQ_PG_DIR/PG_VERSION") on 127.0.0.1:$port (data $GQ_PG_DIR, log $GQ_PG_LOG)"
    if ! _gq_pg_as_owner "$GQ_PG_BINDIR/pg_ctl" -D "$GQ_PG_DIR" -l "$GQ_PG_LOG" -o "$opts" -w -t 60 -s start; then
      tail -n 20 "$GQ_PG_LOG" | gq_prefix postgres
      gq_die "PostgreSQL did not start (log: $GQ_PG_LOG)"
    fi
  fi

  local psql=("$GQ_PG_BINDIR/psql" -X -q -h 127.0.0.1 -p "$port" -U gongqing)
  if [[ -z "$("${psql[@]}" -d postgres -tAc "select 1 from pg_database where datname = 'gongqing'")" ]]; then
    "$GQ_PG_BINDIR/createdb" -h 127.0.0.1 -p "$port" -U gongqing gongqing || gq_die "createdb gongqing failed"
    gq_log "created database gongqing"
  fi
  export DATABASE_URL="postgres://gongqing@127.0.0.1:$port/gongqing"
  gq_log "PostgreSQL ready: $DATABASE_URL"
}

# stop_postgres: fast shutdown of the server we started; no-op otherwise. Registered automatically.
stop_postgres() {
  [[ -n "$GQ_PG_STARTED" ]] || return 0
  GQ_PG_STARTED=""
  unset DATABASE_URL
  [[ -f "$GQ_PG_DIR/postmaster.pid" ]] || return 0
  gq_log "stopping PostgreSQL ($GQ_PG_DIR)"
  _gq_pg_as_owner "$GQ_PG_BINDIR/pg_ctl" -D "$GQ_PG_DIR" -m fast -w -t 30 -s stop ||
    _gq_pg_as_owner "$GQ_PG_BINDIR/pg_ctl" -D "$GQ_PG_DIR" -m immediate -w -t 10 -s stop
}

# initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` system user. From "/"
# because our working directory may not be readable by that user.
_gq_pg_as_owner() {
  if ((EUID == 0)); then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Prints the absolute cluster directory. As root the postgres user must traverse every parent of it;
# if it cannot (e.g. a checkout under a 0700 home), the cluster goes under /var/tmp instead.
_gq_pg_cluster_dir() {
  local parent base
  mkdir -p "$(dirname "$1")"
  parent="$(cd "$(dirname "$1")" && pwd)"
  if ((EUID != 0)) || _gq_pg_as_owner test -x "$parent"; then
    printf '%s/%s\n' "$parent" "$(basename "$1")"
    return 0
  fi
  base="/var/tmp/gongqing-pg-$(printf '%s' "$parent/$(basename "$1")" | sha256sum | cut -c1-12)"
  install -d -o postgres -g postgres -m 700 "$base"
  gq_log "user postgres cannot reach $parent; keeping this cluster in $base/$(basename "$1") instead"
  printf '%s/%s\n' "$base" "$(basename "$1")"
}

# Prints the bin directory of the server binaries: the major version an existing cluster was made
# with, else the newest installed. Candidates: pg_config, /usr/lib/postgresql/*/bin (Debian), PATH.
_gq_pg_bindir() {
  local want="$1" c best="" bestv=0 v
  local -a cands=()
  command -v pg_config >/dev/null 2>&1 && cands+=("$(pg_config --bindir 2>/dev/null)")
  cands+=(/usr/lib/postgresql/*/bin)
  command -v pg_ctl >/dev/null 2>&1 && cands+=("$(dirname "$(command -v pg_ctl)")")
  for c in "${cands[@]}"; do
    [[ -x "$c/initdb" && -x "$c/pg_ctl" ]] || continue
    v="$("$c/pg_ctl" --version | sed -nE 's/^pg_ctl \(PostgreSQL\) ([0-9]+).*/\1/p')"
    [[ -n "$want" && "$v" == "$want" ]] && { printf '%s\n' "$c"; return 0; }
    ((v > bestv)) && { best="$c"; bestv="$v"; }
  done
  [[ -z "$want" && -n "$best" ]] && { printf '%s\n' "$best"; return 0; }
  gq_die "no PostgreSQL ${want:-server} binaries found (looked at pg_config, /usr/lib/postgresql/*/bin, PATH)"
}

# The log sits in $ROOT/data/logs when the postgres user can reach it, else beside the cluster.
_gq_pg_log_file() {
  local log
  log="$ROOT/data/logs/postgres-$(basename "$GQ_PG_DIR").log"
  mkdir -p "$ROOT/data/logs"
  touch "$log"
  ((EUID == 0)) && chown postgres: "$log"
  if ! _gq_pg_as_owner test -w "$log"; then
    # The checkout is out of the postgres user's reach: log beside the fallback cluster, in a file it owns, since
    # pg_ctl writes the server log as that user.
    log="$GQ_PG_DIR.log"
    touch "$log"
    ((EUID == 0)) && chown postgres: "$log"
  fi
  printf '%s\n' "$log"
}

_gq_pg_initdb() {
  local locale=C
  grep -qiE '^c\.utf-?8$' <<<"$(locale -a 2>/dev/null)" && locale=C.UTF-8
  mkdir -p "$GQ_PG_DIR"
  ((EUID == 0)) && chown postgres: "$GQ_PG_DIR"
  chmod 700 "$GQ_PG_DIR"
  gq_log "initialising a new cluster in $GQ_PG_DIR (superuser gongqing, trust auth, locale $locale)"
  _gq_pg_as_owner "$GQ_PG_BINDIR/initdb" -D "$GQ_PG_DIR" -A trust -U gongqing --encoding=UTF8 \
    --locale="$locale" >>"$GQ_PG_LOG" 2>&1 || { tail -n 20 "$GQ_PG_LOG" | gq_prefix initdb; gq_die "initdb failed"; }
}

# Prints the postmaster pid if a server for GQ_PG_DIR is really running. A postmaster.pid left by a
# killed run whose process is gone (or is now some other program) is removed so pg_ctl can start.
_gq_pg_running_pid() {
  local f="$GQ_PG_DIR/postmaster.pid" pid
  [[ -f "$f" ]] || return 1
  pid="$(head -n 1 "$f")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && gq_alive "$pid" && [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == postgres ]] &&
    [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" -ef "$GQ_PG_DIR" ]]; then
    printf '%s\n' "$pid"
    return 0
  fi
  gq_log "removing stale $f (its pid $pid is gone)"
  rm -f "$f"
  return 1
}
