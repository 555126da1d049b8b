# shellcheck shell=bash source-path=SCRIPTDIR
# Shared basics for the bring-up scripts: the repo root, diagnostics, and process liveness.
# Diagnostics go to stderr with a [gongqing] prefix so that functions keep stdout for their single
# result (a path, a port) and can be used as $(...).
[[ -n "${_GQ_COMMON_SH:-}" ]] && return 0
_GQ_COMMON_SH=1

# shellcheck disable=SC2034 # used by the files that source this one
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# How a worker process starts (worker.ts's workerNodeArgs say the same for Node): tsx, and the preload that keeps the
# SDK's promise hook out of the workflow threads (scripts/lib/workflow-threads.cjs says why).
# shellcheck disable=SC2034 # used by the files that source this one
GQ_WORKER_CMD=(node --import tsx --require "$ROOT/scripts/lib/workflow-threads.cjs" "$ROOT/worker.ts")

gq_log() { printf '[gongqing] %s\n' "$*" >&2; }

# gq_prefix [tool]: copies a tool's output (go, mvn, logs) to stderr, each line prefixed so it stays
# recognisable. Strips ANSI colour codes and blank lines: Debian's Maven 3.8 emits bare "ESC[0m"
# resets even with -B -q.
gq_prefix() { sed -u -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e '/^[[:space:]]*$/d' -e "s/^/[gongqing] ${1:+$1: }/" >&2; }

# Exits the script (or the $(...) subshell, which then fails the caller under set -e); the EXIT
# trap from cleanup.sh stops whatever was already started.
gq_die() {
  printf '[gongqing] ERROR: %s\n' "$*" >&2
  exit 1
}

# For "took N s" messages.
gq_now() { date +%s.%N; }
gq_since() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }

# gq_alive <pid>: true while the process runs. Unlike `kill -0` it treats a zombie (dead but not yet
# reaped by us) as dead, otherwise every wait loop would run into its timeout.
gq_alive() {
  local st
  st="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ -n "$st" && "$st" != Z* ]]
}

# gq_group_alive <pgid>: true while any non-zombie process of that process group runs.
gq_group_alive() {
  ps -e -o pgid=,stat= 2>/dev/null | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}
