# shellcheck shell=bash source-path=SCRIPTDIR
# The full Temporal server (not the dev server) on the project's PostgreSQL, for `npm run start:cluster`: its schema in
# databases of its own (temporal, temporal_visibility) set up and upgraded by its own temporal-sql-tool, its config
# kept in scripts/cluster/temporal-postgres.yaml, and the app's namespace registered.
[[ -n "${_GQ_TEMPORAL_SERVER_SH:-}" ]] && return 0
_GQ_TEMPORAL_SERVER_SH=1
for _gq_f in common cleanup ports temporal-cli temporal-server-build; do source "$(dirname "${BASH_SOURCE[0]}")/$_gq_f.sh"; done
unset _gq_f

GQ_TEMPORAL_SERVER_PID=""     # process group of the supervised server
GQ_TEMPORAL_SERVER_PIDFILE="" # the pid of the server process itself (killing it is a crash; it comes back)

# _gq_pg_port: the port of DATABASE_URL (the private cluster of scripts/lib/postgres.sh listens on 127.0.0.1).
_gq_pg_port() { sed -nE 's#^postgres(ql)?://[^@/]*@?127\.0\.0\.1:([0-9]+)/.*#\2#p' <<<"$DATABASE_URL"; }

# _gq_low_port: sets GQ_LOW_PORT to a free port below 32768, never one it gave before (so call it directly, not in
# $(...)). The server records its services' ports in its membership table as smallint,
# so the kernel's ephemeral ports (32768 and up, what free_port gets) fail there; random picks from 20000-32767.
_gq_low_port() {
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + RANDOM % 12768))
    [[ " ${_GQ_LOW_PORTS_TAKEN:-} " == *" $p "* ]] && continue
    port_open "$p" && continue
    _GQ_LOW_PORTS_TAKEN+=" $p"
    GQ_LOW_PORT="$p"
    return 0
  done
  gq_die "no free port below 32768 on 127.0.0.1"
}

# setup_temporal_schema: creates the two databases when missing and brings their schemas to the version this server
# needs (update-schema does nothing when they are current, and upgrades them after a server upgrade).
setup_temporal_schema() {
  local port db name tool
  port="$(_gq_pg_port)"
  [[ -n "$port" ]] || gq_die "setup_temporal_schema: DATABASE_URL ($DATABASE_URL) is not a 127.0.0.1 Postgres"
  tool=("$GQ_TEMPORAL_SQL_TOOL" --plugin postgres12 --endpoint 127.0.0.1 --port "$port" --user gongqing --password "")
  for name in temporal visibility; do
    db=temporal
    [[ "$name" == visibility ]] && db=temporal_visibility
    if [[ -z "$("$GQ_PG_BINDIR/psql" -X -q -h 127.0.0.1 -p "$port" -U gongqing -d postgres -tAc "select 1 from pg_database where datname = '$db'")" ]]; then
      "${tool[@]}" --db "$db" create-database 2>&1 | grep -v -e DEBUG -e INFO -e '^$' | gq_prefix temporal-sql-tool || true
      "${tool[@]}" --db "$db" setup-schema -v 0.0 2>&1 | grep -v -e DEBUG -e INFO -e '^$' | gq_prefix temporal-sql-tool || true
      gq_log "created database $db for the Temporal server"
    fi
    "${tool[@]}" --db "$db" update-schema --schema-name "postgresql/v12/$name" 2>&1 | grep -v -e DEBUG -e INFO -e '^$' | gq_prefix temporal-sql-tool || true
    [[ -n "$("$GQ_PG_BINDIR/psql" -X -q -h 127.0.0.1 -p "$port" -U gongqing -d "$db" -tAc "select curr_version from schema_version")" ]] ||
      gq_die "temporal-sql-tool did not set up the schema of $db"
  done
}

# start_temporal_server <dir> <port|auto>: log in <dir>/logs, pid file in <dir>/run; starts the server under scripts/cluster/supervise.sh (so a crash is
# followed by a restart on the same ports), waits until it serves and the namespace exists, and exports
# TEMPORAL_ADDRESS. Needs DATABASE_URL (start_postgres). Call it directly, not in $(...).
start_temporal_server() {
  local dir="$1" port="${2:-auto}" cli addr deadline started log ns
  ensure_temporal_server
  cli="$(ensure_temporal_cli)"
  setup_temporal_schema
  [[ "$port" == auto ]] && { _gq_low_port; port="$GQ_LOW_PORT"; }
  port_open "$port" && gq_die "port $port on 127.0.0.1 is already in use"
  mkdir -p "$dir/run" "$dir/logs"
  export GQ_PG_PORT GQ_TEMPORAL_PORT="$port" GQ_TEMPORAL_DYNAMIC_CONFIG="$ROOT/scripts/cluster/temporal-dynamic-config.yaml"
  GQ_PG_PORT="$(_gq_pg_port)"
  # Every other port the server binds (below 32768, see _gq_low_port): fresh ones, kept for this run so that a restart under the supervisor reuses them.
  local v
  for v in HTTP HISTORY MATCHING WORKER FRONTEND_MEMBERSHIP HISTORY_MEMBERSHIP MATCHING_MEMBERSHIP WORKER_MEMBERSHIP; do
    _gq_low_port
    export "GQ_TEMPORAL_${v}_PORT=$GQ_LOW_PORT"
  done
  log="$dir/logs/temporal-server.log"
  GQ_TEMPORAL_SERVER_PIDFILE="$dir/run/temporal-server.pid"
  gq_log "starting Temporal server $GQ_TEMPORAL_SERVER_VERSION on 127.0.0.1:$port (Postgres databases temporal and temporal_visibility, log $log)"
  started="$(gq_now)"
  spawn_group "$log" "$ROOT/scripts/cluster/supervise.sh" "$GQ_TEMPORAL_SERVER_PIDFILE" \
    "$GQ_TEMPORAL_SERVER_BIN" --root "$ROOT" --config scripts/cluster --env temporal-postgres --allow-no-auth start
  GQ_TEMPORAL_SERVER_PID="$GQ_SPAWNED_PID"
  register_cleanup stop_temporal_server
  addr="127.0.0.1:$port"
  deadline=$((SECONDS + ${GQ_TEMPORAL_START_TIMEOUT:-120}))
  until "$cli" operator cluster health --address "$addr" --command-timeout 2s >/dev/null 2>&1; do
    if ((SECONDS >= deadline)) || ! gq_group_alive "$GQ_TEMPORAL_SERVER_PID"; then
      tail -n 30 "$log" | gq_prefix temporal-server
      gq_die "Temporal server not healthy on $addr (log: $log)"
    fi
    sleep 0.5
  done
  export TEMPORAL_ADDRESS="$addr"
  ns="${TEMPORAL_NAMESPACE:-default}"
  # The full server registers no namespace of its own (the dev server makes "default"). Cases keep their history
  # 30 days after they close; the case record itself lives in Postgres.
  if ! "$cli" operator namespace describe --address "$addr" --namespace "$ns" >/dev/null 2>&1; then
    "$cli" operator namespace create --address "$addr" --namespace "$ns" --retention 30d 2>&1 | gq_prefix temporal ||
      gq_die "could not register namespace $ns"
    gq_log "registered namespace $ns"
  fi
  # Until every service's namespace cache has it, calls for a new namespace fail: wait for a real call to succeed.
  until "$cli" workflow count --address "$addr" --namespace "$ns" --command-timeout 2s >/dev/null 2>&1; do
    ((SECONDS < deadline)) || gq_die "namespace $ns not usable on $addr"
    sleep 0.5
  done
  gq_log "Temporal server ready at $addr in $(gq_since "$started") s"
}

# stop_temporal_server: stops the supervisor and the server (SIGTERM, SIGKILL after 20 s). Registered automatically.
stop_temporal_server() {
  [[ -n "$GQ_TEMPORAL_SERVER_PID" ]] || return 0
  gq_log "stopping Temporal server"
  kill_group "$GQ_TEMPORAL_SERVER_PID" 20
  GQ_TEMPORAL_SERVER_PID=""
  unset TEMPORAL_ADDRESS
}
