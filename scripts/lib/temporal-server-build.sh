# shellcheck shell=bash source-path=SCRIPTDIR
# The cluster's own binaries, built from Go modules once and cached by version in $ROOT/.tools (git ignores it): the
# Temporal server and its SQL schema tool (both from go.temporal.io/server), and the Web UI server
# (github.com/temporalio/ui-server/v2, the same version the temporal CLI 1.5.1 embeds for server 1.29). Built with the
# Go toolchain because only package registries are reachable here; a second run finds them and builds nothing.
[[ -n "${_GQ_TEMPORAL_SERVER_BUILD_SH:-}" ]] && return 0
_GQ_TEMPORAL_SERVER_BUILD_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

GQ_TEMPORAL_SERVER_MODULE="go.temporal.io/server"
GQ_TEMPORAL_SERVER_VERSION="v1.29.1"
GQ_TEMPORAL_UI_MODULE="github.com/temporalio/ui-server/v2"
GQ_TEMPORAL_UI_VERSION="v2.42.1"

GQ_TEMPORAL_SERVER_BIN="" # set by ensure_temporal_server
GQ_TEMPORAL_SQL_TOOL=""
GQ_TEMPORAL_UI_BIN=""     # set by ensure_temporal_ui_server

# _gq_go_build <dir> <module> <version> <package> <name>: `go install`s <module>/<package>@<version> and keeps the
# binary as <dir>/<name>, unless a binary stamped with that module version is already there.
_gq_go_build() {
  local - dir="$1" module="$2" version="$3" pkg="$4" name="$5" tmp started
  set -o pipefail
  if [[ -x "$dir/$name" ]] && { ! command -v go >/dev/null 2>&1 ||
    go version -m "$dir/$name" 2>/dev/null | awk -v m="$module" -v v="$version" '$1 == "mod" && $2 == m && $3 == v { ok = 1 } END { exit !ok }'; }; then
    return 0
  fi
  command -v go >/dev/null 2>&1 || gq_die "no $name in $dir and no Go toolchain to build it"
  gq_log "building $name from $module/$pkg@$version into $dir (several minutes with a cold Go cache, once)"
  started="$(gq_now)"
  mkdir -p "$dir"
  tmp="$(mktemp -d)"
  # -p 1 and nice: the machine has two cores shared with whatever else runs; the build is a one-off.
  if ! GOBIN="$tmp" GOFLAGS=-mod=mod nice -n 10 go install -p 1 "$module/$pkg@$version" 2>&1 | gq_prefix go; then
    rm -rf "$tmp"
    gq_die "go install $module/$pkg@$version failed (see the go: lines above)"
  fi
  mv -f "$tmp/$(basename "$pkg")" "$dir/$name"
  rm -rf "$tmp"
  gq_log "$name built in $(gq_since "$started") s"
}

# ensure_temporal_server: sets GQ_TEMPORAL_SERVER_BIN and GQ_TEMPORAL_SQL_TOOL (temporal-sql-tool).
ensure_temporal_server() {
  local dir="$ROOT/.tools/temporal-server-$GQ_TEMPORAL_SERVER_VERSION"
  _gq_go_build "$dir" "$GQ_TEMPORAL_SERVER_MODULE" "$GQ_TEMPORAL_SERVER_VERSION" cmd/server temporal-server
  _gq_go_build "$dir" "$GQ_TEMPORAL_SERVER_MODULE" "$GQ_TEMPORAL_SERVER_VERSION" cmd/tools/sql temporal-sql-tool
  GQ_TEMPORAL_SERVER_BIN="$dir/temporal-server"
  GQ_TEMPORAL_SQL_TOOL="$dir/temporal-sql-tool"
}

# ensure_temporal_ui_server: sets GQ_TEMPORAL_UI_BIN.
ensure_temporal_ui_server() {
  local dir="$ROOT/.tools/temporal-ui-server-$GQ_TEMPORAL_UI_VERSION"
  _gq_go_build "$dir" "$GQ_TEMPORAL_UI_MODULE" "$GQ_TEMPORAL_UI_VERSION" cmd/server temporal-ui-server
  GQ_TEMPORAL_UI_BIN="$dir/temporal-ui-server"
}
