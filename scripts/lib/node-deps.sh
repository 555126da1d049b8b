# shellcheck shell=bash
# Installs the npm dependencies as locked, only when node_modules is missing or older than the lock file.
# `npm install --no-save` rather than `npm ci`: the lock has no entries for other platforms' optional native
# packages (@swc/core-darwin-*, -win32-*: not resolved by the registry here), and `npm ci` refuses that as out of sync.
[[ -n "${_GQ_NODE_DEPS_SH:-}" ]] && return 0
_GQ_NODE_DEPS_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_node_deps() {
  local stamp="$ROOT/node_modules/.gongqing-installed"
  if [[ -f "$stamp" && "$stamp" -nt "$ROOT/package-lock.json" && "$stamp" -nt "$ROOT/package.json" ]]; then return 0; fi
  gq_log "installing npm dependencies"
  local started; started="$(gq_now)"
  (cd "$ROOT" && npm install --no-save --no-audit --no-fund --loglevel=error) 2>&1 | grep -v -e 'EBADENGINE' -e 'nodedir' -e '^npm warn \(  \|}\|install-scripts\)' | gq_prefix npm || true
  [[ -d "$ROOT/node_modules/@temporalio/worker" ]] || gq_die "npm install failed"
  touch "$stamp"
  gq_log "npm dependencies installed in $(gq_since "$started") s"
}

# preferred_port <port>: that port if it is free on 127.0.0.1, else a free one (a second checkout, a busy 3000).
preferred_port() {
  if port_open "$1"; then free_port; else echo "$1"; fi
}
