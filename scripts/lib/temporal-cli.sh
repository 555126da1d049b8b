# shellcheck shell=bash source-path=SCRIPTDIR
# Finds or builds the `temporal` CLI, which also embeds the dev server (temporal server start-dev).
# It is built from source with the Go toolchain because only package registries are reachable here
# (no GitHub release downloads); the result is cached in $ROOT/.tools/bin, which git ignores.
[[ -n "${_GQ_TEMPORAL_CLI_SH:-}" ]] && return 0
_GQ_TEMPORAL_CLI_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Pinned on purpose: newer tags fail to build in this environment.
GQ_TEMPORAL_CLI_VERSION="v1.5.1"
GQ_TEMPORAL_CLI_MODULE="github.com/temporalio/cli"

# ensure_temporal_cli: prints the path of a usable temporal binary. Order: $TEMPORAL_CLI, `temporal`
# on PATH, the cached $ROOT/.tools/bin/temporal, else build it (about 3 min on a cold Go cache).
ensure_temporal_cli() {
  local - # keeps the pipefail below local to this function
  local cached="$ROOT/.tools/bin/temporal" found started
  set -o pipefail
  if [[ -n "${TEMPORAL_CLI:-}" ]]; then
    if [[ -x "$TEMPORAL_CLI" && ! -d "$TEMPORAL_CLI" ]]; then
      printf '%s\n' "$TEMPORAL_CLI"
      return 0
    fi
    gq_log "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file; looking elsewhere"
  fi
  if found="$(command -v temporal 2>/dev/null)"; then
    printf '%s\n' "$found"
    return 0
  fi
  if [[ -x "$cached" ]] && _gq_cli_is_pinned "$cached"; then
    printf '%s\n' "$cached"
    return 0
  fi

  command -v go >/dev/null 2>&1 || gq_die "no temporal CLI found and no Go toolchain to build it; install Go or set TEMPORAL_CLI"
  gq_log "building temporal CLI $GQ_TEMPORAL_CLI_VERSION into $ROOT/.tools/bin (about 3 min with a cold Go cache, seconds with a warm one)"
  started="$(gq_now)"
  mkdir -p "$ROOT/.tools/bin"
  # go reports only downloads and errors; compilation itself is silent, hence the time estimate above.
  if ! GOBIN="$ROOT/.tools/bin" go install "$GQ_TEMPORAL_CLI_MODULE/cmd/temporal@$GQ_TEMPORAL_CLI_VERSION" 2>&1 | gq_prefix go; then
    gq_die "go install of the temporal CLI failed (see the go: lines above)"
  fi
  [[ -x "$cached" ]] || gq_die "go install succeeded but $cached is missing"
  gq_log "temporal CLI built in $(gq_since "$started") s: $cached"
  printf '%s\n' "$cached"
}

# A cached binary from an older pin must not be reused silently. `go version -m` reads the module
# version stamped into the binary (the CLI's own --version says 0.0.0-DEV when built by go install).
# Without Go we cannot check and trust the cache.
_gq_cli_is_pinned() {
  command -v go >/dev/null 2>&1 || return 0
  go version -m "$1" 2>/dev/null |
    awk -v m="$GQ_TEMPORAL_CLI_MODULE" -v v="$GQ_TEMPORAL_CLI_VERSION" '$1 == "mod" && $2 == m && $3 == v { ok = 1 } END { exit !ok }' && return 0
  gq_log "cached $1 is not $GQ_TEMPORAL_CLI_MODULE@$GQ_TEMPORAL_CLI_VERSION; rebuilding"
  return 1
}
