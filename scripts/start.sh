#!/usr/bin/env bash
# README command 1: installs what is missing, starts Postgres, the Temporal dev server (cases kept in data/), the worker
# and the web server with demo data, prints the URLs, and stops all of it on Ctrl-C.
set -euo pipefail
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
for f in common cleanup ports node-deps postgres temporal-dev; do source "$LIB/$f.sh"; done
install_cleanup_trap
cd "$ROOT"
mkdir -p data/logs

ensure_node_deps
start_postgres "$ROOT/data/pg"
UI_PORT="$(preferred_port 8233)"
start_temporal_dev "$ROOT/data/temporal.db" "$(preferred_port 7233)" "$UI_PORT"
node --import tsx scripts/prepare-db.ts --print-accounts

export PORT="${PORT:-$(preferred_port 3000)}"
spawn_group data/logs/worker.log node --import tsx worker.ts
WORKER_PID=$GQ_SPAWNED_PID
register_cleanup "gq_log 'stopping worker'; kill_group $WORKER_PID 15"
spawn_group data/logs/api.log node --import tsx api/main.ts
API_PID=$GQ_SPAWNED_PID
register_cleanup "gq_log 'stopping web server'; kill_group $API_PID 10"
wait_port "$PORT" 60 "$API_PID" || { tail -n 30 data/logs/api.log | gq_prefix api; gq_die "web server did not start"; }
echo "Demo grievances (track them at /track with the number and phone):"
node --import tsx scripts/demo-cases.ts

cat >&2 <<MSG

  Gongqing is running (logs in data/logs/, Ctrl-C stops everything):
    Worker's QR page      http://127.0.0.1:$PORT/
    Staff sign-in         http://127.0.0.1:$PORT/staff/login
    JSON API / OpenAPI    http://127.0.0.1:$PORT/api/v1/openapi.json
    Temporal              $TEMPORAL_ADDRESS${GQ_TEMPORAL_DEV_PID:+   Web UI http://127.0.0.1:$UI_PORT}
    PostgreSQL            ${DATABASE_URL}

MSG
# Stay up until Ctrl-C, or until the worker or the web server dies (then stop the rest and fail).
while gq_alive "$WORKER_PID" && gq_alive "$API_PID"; do sleep 1; done
gq_log "a process exited unexpectedly; see data/logs/worker.log and data/logs/api.log"
exit 1
