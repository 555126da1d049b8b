#!/usr/bin/env bash
# README command 1: installs what is missing, starts Postgres, the Temporal dev server (cases kept in data/), a loopback
# SMS gateway that shows what each phone receives, a loopback mail server that shows the institutes' inboxes, the
# worker and the web server with demo data, prints the URLs, and stops all of it on Ctrl-C.
set -euo pipefail
LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")/lib" && pwd)"
for f in common cleanup ports node-deps keys fonts postgres temporal-dev smtp; do source "$LIB/$f.sh"; done
install_cleanup_trap
cd "$ROOT"
mkdir -p data/logs

ensure_node_deps
ensure_keys_file "$ROOT/data/keys.json"
# The legal documents are set in Debian's Noto Serif CJK: installed here when missing (as root), else one file check.
ensure_cjk_fonts
start_postgres "$ROOT/data/pg"
export PORT="${PORT:-$(preferred_port 3000)}"
export GONGQING_PUBLIC_URL="${GONGQING_PUBLIC_URL:-http://127.0.0.1:$PORT}"
UI_PORT="$(preferred_port 8233)"
export GONGQING_TEMPORAL_UI_ORIGINS="${GONGQING_TEMPORAL_UI_ORIGINS:-http://127.0.0.1:$UI_PORT,http://localhost:$UI_PORT}"
# The Web UI asks this endpoint to decrypt payloads for signed-in district staff (api/routes/codec.ts).
GQ_TEMPORAL_UI_CODEC="$GONGQING_PUBLIC_URL/codec" start_temporal_dev "$ROOT/data/temporal.db" "$(preferred_port 7233)" "$UI_PORT"
node --import tsx scripts/prepare-db.ts --print-accounts

# Unless a real gateway is configured, SMS go to a gateway on loopback whose pages show each phone's messages: the
# demo's stand-in for the workers' and staff's phones (personal links and one-time codes arrive there).
if [[ -z "${GONGQING_SMS_ADAPTER:-}" ]]; then
  SMS_PORT="$(preferred_port 3025)"
  export GONGQING_SMS_ADAPTER=http GONGQING_SMS_URL="http://127.0.0.1:$SMS_PORT/send" GONGQING_SMS_TOKEN="${GONGQING_SMS_TOKEN:-demo-$RANDOM$RANDOM}"
  spawn_group data/logs/sms-gateway.log env PORT="$SMS_PORT" GONGQING_SMS_GATEWAY_STORE="$ROOT/data/sms-gateway.jsonl" \
    node --import tsx scripts/fake-sms-gateway.ts
  SMS_PID=$GQ_SPAWNED_PID
  register_cleanup "gq_log 'stopping the loopback SMS gateway'; kill_group $SMS_PID 5"
  wait_port "$SMS_PORT" 30 "$SMS_PID" || { tail -n 20 data/logs/sms-gateway.log | gq_prefix sms; gq_die "SMS gateway did not start"; }
fi
# E-mail to the arbitration institute and the court: a loopback mail server whose pages show each inbox, unless
# GONGQING_SMTP_URL names a real one.
start_fake_smtp "$ROOT/data/mail-server.jsonl" data/logs/mail-server.log

spawn_group data/logs/worker.log "${GQ_WORKER_CMD[@]}"
WORKER_PID=$GQ_SPAWNED_PID
register_cleanup "gq_log 'stopping worker'; kill_group $WORKER_PID 15"
spawn_group data/logs/api.log node --import tsx api/main.ts
API_PID=$GQ_SPAWNED_PID
register_cleanup "gq_log 'stopping web server'; kill_group $API_PID 10"
wait_port "$PORT" 60 "$API_PID" || { tail -n 30 data/logs/api.log | gq_prefix api; gq_die "web server did not start"; }
echo "Demo grievances (each worker's personal link is in the receipt SMS on the phone pages below):"
node --import tsx scripts/demo-cases.ts

PHONES="${SMS_PORT:+http://127.0.0.1:$SMS_PORT/  (what each phone received: personal links, codes)}"
# A real gateway's address, or with the outbox adapter (GONGQING_SMS_ADAPTER=outbox) none: staff read the texts there.
PHONES="${PHONES:-${GONGQING_SMS_URL:-none: texts kept in the outbox, http://127.0.0.1:$PORT/staff/sms}}"
cat >&2 <<MSG

  Gongqing is running (logs in data/logs/, Ctrl-C stops everything):
    Worker's QR page      http://127.0.0.1:$PORT/
    Staff sign-in         http://127.0.0.1:$PORT/staff/login
    JSON API / OpenAPI    http://127.0.0.1:$PORT/api/v1/openapi.json
    Phones (SMS gateway)  $PHONES
    Inboxes (e-mail)      ${GQ_MAIL_PAGE:-$GONGQING_SMTP_URL}  (what the arbitration institute and the court received)
    Temporal              $TEMPORAL_ADDRESS${GQ_TEMPORAL_DEV_PID:+   Web UI http://127.0.0.1:$UI_PORT (codec: $GONGQING_PUBLIC_URL/codec)}
    PostgreSQL            ${DATABASE_URL}

  Demo sign-ins (password gongqing2026): beishan.sg street caseworker, beishan.zx street chair, xihu.qb district staff
  and legal-aid centre (a 7-worker legal-aid application is waiting), xihu.tj the station's mediator (a 43-worker
  mediation case is waiting), xihu.zc arbitration clerk, xihu.fy court clerk, xihu.ls / xihu.ls2 legal-aid lawyers,
  xihu.jc procurator.

MSG
# Stay up until Ctrl-C, or until the worker or the web server dies (then stop the rest and fail).
while gq_alive "$WORKER_PID" && gq_alive "$API_PID"; do sleep 1; done
gq_log "a process exited unexpectedly; see data/logs/worker.log and data/logs/api.log"
exit 1
