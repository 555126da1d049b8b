# shellcheck shell=bash source-path=SCRIPTDIR
# The production topology on one machine (npm run start:cluster, npm run test:cluster, and any bench that wants it):
# PostgreSQL; the full Temporal server on it; two workers; two API instances behind HAProxy; the Web UI with the codec.
# Workers, API instances and the Temporal server run under scripts/cluster/supervise.sh: one that dies is started again
# (pid files in <dir>/run), the balancer takes a dead API instance out meanwhile. Everything registers its stop with
# cleanup.sh, so Ctrl-C, failure or success stops all of it; the data stays in <dir>, so a restart keeps every case.
[[ -n "${_GQ_CLUSTER_SH:-}" ]] && return 0
_GQ_CLUSTER_SH=1
for _gq_f in common cleanup ports node-deps keys fonts postgres temporal-server haproxy smtp; do source "$(dirname "${BASH_SOURCE[0]}")/$_gq_f.sh"; done
unset _gq_f

GQ_CLUSTER_URL=""     # http://127.0.0.1:<balancer port>, once start_cluster returns
GQ_CLUSTER_UI_URL=""  # the Web UI, unless GQ_CLUSTER_UI=none
GQ_CLUSTER_PIDS=()    # process groups of the supervised workers and API instances

# _gq_supervised <name> <log> <command...>: runs the command under supervise.sh in a process group of its own.
_gq_supervised() {
  local name="$1" log="$2"
  shift 2
  spawn_group "$log" "$ROOT/scripts/cluster/supervise.sh" "$GQ_CLUSTER_RUN/$name.pid" "$@"
  GQ_CLUSTER_PIDS+=("$GQ_SPAWNED_PID")
  register_cleanup "gq_log 'stopping $name'; kill_group $GQ_SPAWNED_PID 15"
}

# start_cluster <dir>: keeps Postgres, keys, stores, logs (<dir>/logs) and pid files (<dir>/run) in <dir>. Ports:
# GQ_CLUSTER_PORT (balancer; default 3000 when free), GQ_CLUSTER_TEMPORAL_PORT (default: a free one), GQ_CLUSTER_UI_PORT
# (default 8233 when free; "none": no UI); GQ_CLUSTER_WORKERS (default 2; a bench may want 1). Exports GQ_CLUSTER_URL, GQ_CLUSTER_RUN, GQ_CLUSTER_SMS_STORE, DATABASE_URL,
# TEMPORAL_ADDRESS. Call it directly, not in $(...).
start_cluster() {
  local dir="$1" i port lb stats ui started
  local -a api_ports=()
  [[ -n "$dir" ]] || gq_die "usage: start_cluster <data-dir>"
  started="$(gq_now)"
  export GQ_CLUSTER_RUN="$dir/run"
  mkdir -p "$dir/logs" "$GQ_CLUSTER_RUN"
  ensure_node_deps
  ensure_keys_file "$dir/keys.json"
  ensure_cjk_fonts
  ensure_haproxy
  ensure_temporal_ui_server
  # named after <dir>: Postgres names its log in data/logs after the cluster directory
  start_postgres "$dir/pg-$(basename "$dir")"
  start_temporal_server "$dir" "${GQ_CLUSTER_TEMPORAL_PORT:-auto}"
  (cd "$ROOT" && node --import tsx scripts/prepare-db.ts ${GQ_CLUSTER_PRINT_ACCOUNTS:+--print-accounts}) || gq_die "migrating or seeding the database failed"

  if [[ -z "${GONGQING_SMS_ADAPTER:-}" ]]; then
    port="$(free_port)"
    export GQ_CLUSTER_SMS_STORE="$dir/sms-gateway.jsonl" GQ_CLUSTER_SMS_PAGE="http://127.0.0.1:$port/"
    export GONGQING_SMS_ADAPTER=http GONGQING_SMS_URL="http://127.0.0.1:$port/send" GONGQING_SMS_TOKEN="${GONGQING_SMS_TOKEN:-local-$RANDOM$RANDOM}"
    spawn_group "$dir/logs/sms-gateway.log" env PORT="$port" GONGQING_SMS_GATEWAY_STORE="$GQ_CLUSTER_SMS_STORE" node --import tsx "$ROOT/scripts/fake-sms-gateway.ts"
    register_cleanup "gq_log 'stopping the loopback SMS gateway'; kill_group $GQ_SPAWNED_PID 5"
    wait_port "$port" 30 "$GQ_SPAWNED_PID" || { tail -n 20 "$dir/logs/sms-gateway.log" | gq_prefix sms; gq_die "SMS gateway did not start"; }
  fi
  start_fake_smtp "$dir/mail-server.jsonl" "$dir/logs/mail-server.log"

  lb="${GQ_CLUSTER_PORT:-$(preferred_port 3000)}"
  stats="$(free_port)"
  export GONGQING_PUBLIC_URL="${GONGQING_PUBLIC_URL:-http://127.0.0.1:$lb}"
  ui="${GQ_CLUSTER_UI_PORT:-$(preferred_port 8233)}"
  [[ "$ui" == none ]] || export GONGQING_TEMPORAL_UI_ORIGINS="${GONGQING_TEMPORAL_UI_ORIGINS:-http://127.0.0.1:$ui,http://localhost:$ui}"

  for ((i = 1; i <= ${GQ_CLUSTER_WORKERS:-2}; i++)); do
    : >"$dir/logs/worker-$i.log" # its ready line below must be this run's
    _gq_supervised "worker-$i" "$dir/logs/worker-$i.log" "${GQ_WORKER_CMD[@]}"
  done
  for i in 1 2; do
    port="$(free_port)"
    api_ports+=("$port")
    # Behind the balancer on loopback: the client address for the guess limits is the one HAProxy puts in X-Forwarded-For.
    _gq_supervised "api-$i" "$dir/logs/api-$i.log" env PORT="$port" HOST=127.0.0.1 GONGQING_TRUST_PROXY=127.0.0.1 \
      node --import tsx "$ROOT/api/main.ts"
  done
  for i in 1 2; do
    wait_port "${api_ports[i - 1]}" 90 || { tail -n 30 "$dir/logs/api-$i.log" | gq_prefix "api-$i"; gq_die "API instance $i did not start"; }
  done
  for ((i = 1; i <= ${GQ_CLUSTER_WORKERS:-2}; i++)); do
    # A worker is ready once it polls; until then cases simply wait on the queue, but a caller wants all of it up.
    local deadline=$((SECONDS + 90))
    until grep -q '\[gongqing\] worker polling' "$dir/logs/worker-$i.log" 2>/dev/null; do
      ((SECONDS < deadline)) || { tail -n 30 "$dir/logs/worker-$i.log" | gq_prefix "worker-$i"; gq_die "worker $i did not start"; }
      sleep 0.5
    done
  done
  start_haproxy "$dir/logs/haproxy.log" "$lb" "$stats" "${api_ports[0]}" "${api_ports[1]}"
  export GQ_CLUSTER_URL="http://127.0.0.1:$lb" GQ_CLUSTER_STATS_URL="http://127.0.0.1:$stats/"
  [[ "$ui" == none ]] || start_temporal_ui "$dir/logs/temporal-ui.log" "$ui"
  gq_log "cluster up at $GQ_CLUSTER_URL in $(gq_since "$started") s (logs in $dir/logs)"
}

# start_temporal_ui <log> <port>: the Web UI server on the cluster, offering the app's codec endpoint.
start_temporal_ui() {
  export GQ_TEMPORAL_UI_PORT="$2" GQ_TEMPORAL_UI_CODEC="$GONGQING_PUBLIC_URL/codec"
  spawn_group "$1" "$GQ_TEMPORAL_UI_BIN" --root "$ROOT" --config scripts/cluster --env temporal-ui start
  register_cleanup "gq_log 'stopping the Web UI'; kill_group $GQ_SPAWNED_PID 5"
  wait_port "$2" 30 "$GQ_SPAWNED_PID" || { tail -n 20 "$1" | gq_prefix temporal-ui; gq_die "the Web UI did not start"; }
  export GQ_CLUSTER_UI_URL="http://127.0.0.1:$2"
}

# cluster_alive: false once the balancer or the Temporal server's supervisor is gone (the supervised pieces restart).
cluster_alive() { gq_alive "$GQ_HAPROXY_PID" && gq_group_alive "$GQ_TEMPORAL_SERVER_PID"; }
