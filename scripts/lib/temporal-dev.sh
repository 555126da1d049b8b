# shellcheck shell=bash source-path=SCRIPTDIR
# Runs Temporal's dev server (SQLite-backed, embedded in the temporal CLI) for local runs and smoke
# tests, unless the caller already points TEMPORAL_ADDRESS at a server.
[[ -n "${_GQ_TEMPORAL_DEV_SH:-}" ]] && return 0
_GQ_TEMPORAL_DEV_SH=1
_gq_lib="$(dirname "${BASH_SOURCE[0]}")"
source "$_gq_lib/common.sh"
source "$_gq_lib/ports.sh"
source "$_gq_lib/cleanup.sh"
source "$_gq_lib/temporal-cli.sh"

GQ_TEMPORAL_DEV_PID=""  # process group of the server we started (its flock wrapper); empty if none
GQ_TEMPORAL_DEV_LOG=""
_GQ_TEMPORAL_DEV_REGISTERED=""

# start_temporal_dev <db-file> <port|auto> <ui-port|none>: starts the server in the background, waits
# until its frontend reports SERVING and exports TEMPORAL_ADDRESS=127.0.0.1:<port>. Prints nothing on
# stdout: call it directly, not in $(...), or the pid bookkeeping is lost with the subshell.
# GQ_TEMPORAL_DEV_DYNAMIC_CONFIG: dynamic config values for this server, KEY=JSON pairs separated by spaces.
start_temporal_dev() {
  local db="${1:-}" port="${2:-auto}" ui="${3:-none}" cli addr started deadline name
  local -a ui_args dc_args=()
  if [[ -n "${TEMPORAL_ADDRESS:-}" ]]; then
    gq_log "TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS is set: using that server, starting none"
    export TEMPORAL_ADDRESS
    return 0
  fi
  [[ -n "$db" ]] || gq_die "usage: start_temporal_dev <db-file> <port|auto> <ui-port|none>"
  [[ -z "$GQ_TEMPORAL_DEV_PID" ]] || gq_die "start_temporal_dev: a dev server is already running (pid $GQ_TEMPORAL_DEV_PID)"
  [[ "$port" == auto ]] && port="$(free_port)"
  port_open "$port" && gq_die "port $port on 127.0.0.1 is already in use"
  if [[ "$ui" == none ]]; then ui_args=(--headless); else ui_args=(--ui-port "$ui"); fi
  # GQ_TEMPORAL_UI_CODEC: the remote codec the Web UI offers for decrypting payloads (see api/routes/codec.ts).
  [[ "$ui" != none && -n "${GQ_TEMPORAL_UI_CODEC:-}" ]] && ui_args+=(--ui-codec-endpoint "$GQ_TEMPORAL_UI_CODEC")
  sqlite_pragma_args
  local pair
  for pair in ${GQ_TEMPORAL_DEV_DYNAMIC_CONFIG:-}; do dc_args+=(--dynamic-config-value "$pair"); done
  cli="$(ensure_temporal_cli)"

  mkdir -p "$(dirname "$db")" "$ROOT/data/logs"
  # Two dev servers on one SQLite file both start without complaint and then fight over it, so the
  # server runs under an flock on <db>.lock, held until it exits. The first check only gives a clear
  # message; `flock -n` around the server closes the race.
  flock -n "$db.lock" true ||
    gq_die "another Temporal dev server is using $db; stop it, use another db file, or set TEMPORAL_ADDRESS to share it"
  name="$(basename "${db%.*}")"
  [[ "$name" == temporal* ]] || name="temporal-$name"
  GQ_TEMPORAL_DEV_LOG="$ROOT/data/logs/$name.log"
  : >"$GQ_TEMPORAL_DEV_LOG"
  gq_log "starting Temporal dev server on 127.0.0.1:$port (db $db, log $GQ_TEMPORAL_DEV_LOG)"
  started="$(gq_now)"
  # --ip 127.0.0.1: the default "localhost" may resolve to ::1 first, while everything here dials
  # 127.0.0.1. HTTP API and metrics ports default to random free ones, so they cannot collide.
  spawn_group "$GQ_TEMPORAL_DEV_LOG" flock -n "$db.lock" "$cli" server start-dev --db-filename "$db" \
    --ip 127.0.0.1 --port "$port" "${ui_args[@]}" --namespace default --log-level warn "${GQ_SQLITE_PRAGMA_ARGS[@]}" "${dc_args[@]}"
  GQ_TEMPORAL_DEV_PID="$GQ_SPAWNED_PID"
  [[ -n "$_GQ_TEMPORAL_DEV_REGISTERED" ]] || { register_cleanup stop_temporal_dev; _GQ_TEMPORAL_DEV_REGISTERED=1; }

  # An open port is not enough: the frontend accepts connections before its services are ready.
  addr="127.0.0.1:$port"
  deadline=$((SECONDS + ${GQ_TEMPORAL_START_TIMEOUT:-60}))
  until "$cli" operator cluster health --address "$addr" --command-timeout 2s >/dev/null 2>&1; do
    if ! gq_alive "$GQ_TEMPORAL_DEV_PID"; then
      tail -n 20 "$GQ_TEMPORAL_DEV_LOG" | gq_prefix temporal
      gq_die "Temporal dev server exited during startup (log: $GQ_TEMPORAL_DEV_LOG)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 20 "$GQ_TEMPORAL_DEV_LOG" | gq_prefix temporal
      gq_die "Temporal dev server not healthy on $addr after ${GQ_TEMPORAL_START_TIMEOUT:-60} s (log: $GQ_TEMPORAL_DEV_LOG)"
    fi
    sleep 0.25
  done
  export TEMPORAL_ADDRESS="$addr"
  gq_log "Temporal dev server ready at $addr in $(gq_since "$started") s (pid $GQ_TEMPORAL_DEV_PID)"
  [[ "$ui" == none ]] || gq_log "Temporal Web UI: http://127.0.0.1:$ui"
}

# sqlite_pragma_args: sets GQ_SQLITE_PRAGMA_ARGS to the server's --sqlite-pragma flags from
# GONGQING_TEMPORAL_SQLITE_PRAGMAS (comma-separated; default journal_mode=wal; empty: SQLite's defaults). With SQLite's
# default rollback journal every commit syncs both the database file and its journal; with a write-ahead log it syncs
# once, still on every commit (synchronous stays FULL: nothing acknowledged is lost on power failure). bench/ measures
# both on one machine (bench/results); synchronous=normal is faster still but may lose the last commits on power loss.
sqlite_pragma_args() {
  local spec="${GONGQING_TEMPORAL_SQLITE_PRAGMAS-journal_mode=wal}" p
  local -a parts
  GQ_SQLITE_PRAGMA_ARGS=()
  IFS=',' read -ra parts <<<"$spec"
  for p in "${parts[@]}"; do
    p="${p// /}"
    [[ -z "$p" ]] && continue
    [[ "$p" =~ ^[a-z_]+=[A-Za-z0-9_]+$ ]] || gq_die "GONGQING_TEMPORAL_SQLITE_PRAGMAS: '$p' is not PRAGMA=VALUE"
    GQ_SQLITE_PRAGMA_ARGS+=(--sqlite-pragma "$p")
  done
}

# stop_temporal_dev: stops the server we started (whole process group, SIGKILL after 10 s); no-op
# otherwise. Registered with register_cleanup automatically.
stop_temporal_dev() {
  [[ -n "$GQ_TEMPORAL_DEV_PID" ]] || return 0
  gq_log "stopping Temporal dev server (pid $GQ_TEMPORAL_DEV_PID)"
  kill_group "$GQ_TEMPORAL_DEV_PID" 10
  GQ_TEMPORAL_DEV_PID=""
  unset TEMPORAL_ADDRESS
}
