# shellcheck shell=bash source-path=SCRIPTDIR
# The whole system as `npm start` brings it up (scripts/start.sh), in a data directory of its own and on fresh loopback
# ports, for tools that exercise it from outside (scripts/conformance.sh): Postgres, the Temporal dev server (headless),
# the schema and demo organisation, a loopback SMS gateway and mail server, the worker and the web server. Every piece
# registers its stop with cleanup.sh, so the caller's exit, Ctrl-C or failure stops all of it.
[[ -n "${_GQ_APP_STACK_SH:-}" ]] && return 0
_GQ_APP_STACK_SH=1
for _gq_f in common cleanup ports node-deps keys fonts postgres temporal-dev smtp; do source "$(dirname "${BASH_SOURCE[0]}")/$_gq_f.sh"; done
unset _gq_f

GQ_APP_URL="" # http://127.0.0.1:<port> once start_app_stack returns

# start_app_stack <data-dir>: keeps the cluster, Temporal's database, keys, stores and logs in <data-dir> (logs in
# <data-dir>/logs), so runs never touch the demo's data/. Call it directly, not in $(...): the pids must stay here.
start_app_stack() {
  local dir="$1" port sms_port pid tag
  [[ -n "$dir" ]] || gq_die "usage: start_app_stack <data-dir>"
  # Postgres and Temporal name their logs in data/logs after these files: a tag keeps them apart from the demo's.
  tag="$(basename "$dir")"
  mkdir -p "$dir/logs"
  ensure_node_deps
  ensure_keys_file "$dir/keys.json"
  ensure_cjk_fonts
  start_postgres "$dir/pg-$tag"
  start_temporal_dev "$dir/temporal-$tag.db" auto none
  (cd "$ROOT" && node --import tsx scripts/prepare-db.ts) || gq_die "migrating or seeding the database failed"

  if [[ -z "${GONGQING_SMS_ADAPTER:-}" ]]; then
    sms_port="$(free_port)"
    export GONGQING_SMS_ADAPTER=http GONGQING_SMS_URL="http://127.0.0.1:$sms_port/send" GONGQING_SMS_TOKEN="${GONGQING_SMS_TOKEN:-local-$RANDOM$RANDOM}"
    spawn_group "$dir/logs/sms-gateway.log" env PORT="$sms_port" GONGQING_SMS_GATEWAY_STORE="$dir/sms-gateway.jsonl" \
      node --import tsx "$ROOT/scripts/fake-sms-gateway.ts"
    pid=$GQ_SPAWNED_PID
    register_cleanup "gq_log 'stopping the loopback SMS gateway'; kill_group $pid 5"
    wait_port "$sms_port" 30 "$pid" || { tail -n 20 "$dir/logs/sms-gateway.log" | gq_prefix sms; gq_die "SMS gateway did not start"; }
  fi
  start_fake_smtp "$dir/mail-server.jsonl" "$dir/logs/mail-server.log"

  port="$(free_port)"
  export GONGQING_PUBLIC_URL="${GONGQING_PUBLIC_URL:-http://127.0.0.1:$port}" # the links the worker puts in SMS
  spawn_group "$dir/logs/worker.log" "${GQ_WORKER_CMD[@]}"
  pid=$GQ_SPAWNED_PID
  register_cleanup "gq_log 'stopping worker'; kill_group $pid 15"
  # HOST pinned to loopback: the tools that hammer it must never reach past this machine, nor anyone reach it.
  spawn_group "$dir/logs/api.log" env PORT="$port" HOST=127.0.0.1 \
    node --import tsx "$ROOT/api/main.ts"
  pid=$GQ_SPAWNED_PID
  register_cleanup "gq_log 'stopping web server'; kill_group $pid 10"
  wait_port "$port" 60 "$pid" || { tail -n 30 "$dir/logs/api.log" | gq_prefix api; gq_die "web server did not start"; }
  GQ_APP_URL="http://127.0.0.1:$port"
  gq_log "system up at $GQ_APP_URL (logs in $dir/logs)"
}
