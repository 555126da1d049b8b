# shellcheck shell=bash source-path=SCRIPTDIR
# The demo's mail server. Unless GONGQING_SMTP_URL names a real one, e-mail to the arbitration institute and the court
# goes to a loopback SMTP server (scripts/fake-smtp-server.ts) whose pages show their inboxes, attachments included.
[[ -n "${_GQ_SMTP_SH:-}" ]] && return 0
_GQ_SMTP_SH=1
for _gq_f in common cleanup ports node-deps; do source "$(dirname "${BASH_SOURCE[0]}")/$_gq_f.sh"; done
unset _gq_f

# start_fake_smtp <store-file> <log-file>: with GONGQING_SMTP_URL already set, does nothing (GQ_MAIL_PAGE stays
# empty). Otherwise starts the loopback server on 2525 (pages on 3026), or free ports when those are taken, keeping
# its mail in <store-file> across restarts; exports GONGQING_SMTP_URL for the worker started after it, sets
# GQ_MAIL_PAGE to the inboxes' page and registers its stop.
start_fake_smtp() {
  local store="$1" log="$2" smtp_port http_port pid
  GQ_MAIL_PAGE=""
  [[ -z "${GONGQING_SMTP_URL:-}" ]] || return 0
  smtp_port="$(preferred_port 2525)"
  http_port="$(preferred_port 3026)"
  [[ "$http_port" != "$smtp_port" ]] || http_port="$(free_port)" # two kernel picks may, rarely, be the same port
  spawn_group "$log" env SMTP_PORT="$smtp_port" PORT="$http_port" GONGQING_SMTP_STORE="$store" \
    node --import tsx "$ROOT/scripts/fake-smtp-server.ts"
  pid=$GQ_SPAWNED_PID
  register_cleanup "gq_log 'stopping the loopback mail server'; kill_group $pid 5"
  if ! { wait_port "$smtp_port" 30 "$pid" && wait_port "$http_port" 10 "$pid"; }; then
    tail -n 20 "$log" | gq_prefix smtp
    gq_die "mail server did not start"
  fi
  export GONGQING_SMTP_URL="smtp://127.0.0.1:$smtp_port"
  # shellcheck disable=SC2034 # read by the caller
  GQ_MAIL_PAGE="http://127.0.0.1:$http_port/"
}
