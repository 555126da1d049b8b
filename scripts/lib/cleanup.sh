# shellcheck shell=bash source-path=SCRIPTDIR
# One place that knows what was started, so that success, failure and Ctrl-C all stop everything.
# Usage: install_cleanup_trap once near the top of a script; start_* functions register their own
# stop commands with register_cleanup; run_cleanups runs them newest first on exit.
[[ -n "${_GQ_CLEANUP_SH:-}" ]] && return 0
_GQ_CLEANUP_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

GQ_CLEANUPS=()
_GQ_CLEANUPS_RAN=""

# register_cleanup "<command>": the command is eval'ed at exit, so it may name a function and read
# globals as they are then (e.g. a pid that a stop function already cleared).
register_cleanup() { GQ_CLEANUPS+=("$1"); }

# run_cleanups: reverse order (later services may depend on earlier ones), at most once (EXIT fires
# after the INT handler's exit too), and never failing, so one broken stop cannot leave the rest
# running. Keeps the script's own exit status.
run_cleanups() {
  local rc=$? i
  [[ -z "$_GQ_CLEANUPS_RAN" ]] || return "$rc"
  _GQ_CLEANUPS_RAN=1
  set +eu
  trap '' INT TERM HUP PIPE # a second Ctrl-C or a closed stderr must not cut the cleanup short
  for ((i = ${#GQ_CLEANUPS[@]} - 1; i >= 0; i--)); do
    eval "${GQ_CLEANUPS[i]}" || gq_log "cleanup step failed (ignored): ${GQ_CLEANUPS[i]}"
  done
  return "$rc"
}

# Signals only have to end the script; the EXIT trap then does the work. Conventional 128+n codes.
# Bash skips the EXIT trap when a signal kills it, hence a trap for each. PIPE covers `... | head`.
install_cleanup_trap() {
  trap run_cleanups EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  trap 'exit 141' PIPE
}

# spawn_group <log-file> <command> [args...]: starts the command in the background as leader of its
# own process group (stdin /dev/null, output appended to the log) and sets GQ_SPAWNED_PID, which is
# also its process-group id. A group of its own means kill_group also reaches any children, and the
# terminal's Ctrl-C does not hit it before run_cleanups stops things in order.
spawn_group() {
  local log="$1"
  shift
  if [[ $- == *m* ]]; then
    "$@" </dev/null >>"$log" 2>&1 & # job control already gives each job its own group
  else
    setsid "$@" </dev/null >>"$log" 2>&1 & # not a group leader here, so setsid does not fork
  fi
  # shellcheck disable=SC2034 # read by the caller
  GQ_SPAWNED_PID=$!
}

# The group check catches children that outlive their leader; the pid check covers a process that is
# not a group leader after all.
_gq_any_alive() { gq_group_alive "$1" || gq_alive "$1"; }

# kill_group <pid> [grace-seconds=10]: SIGTERM to the whole process group, wait up to the grace
# period, then SIGKILL. Finally reaps the process if it is our child so no zombie is left behind.
kill_group() {
  local pid="${1:-}" grace="${2:-10}" deadline
  [[ -n "$pid" ]] || return 0
  if _gq_any_alive "$pid"; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + grace))
    while _gq_any_alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
    if _gq_any_alive "$pid"; then
      gq_log "pid $pid still running ${grace}s after SIGTERM; sending SIGKILL"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
}
