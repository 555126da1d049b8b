# shellcheck shell=bash source-path=SCRIPTDIR
# Schemathesis (PyPI), the external OpenAPI conformance tool behind scripts/conformance.sh. Installed once into a venv
# of its own under $ROOT/.tools (git-ignored) with the ordinary pip, pinned, and reused by every later run: nothing else
# is downloaded when the tool runs.
[[ -n "${_GQ_SCHEMATHESIS_SH:-}" ]] && return 0
_GQ_SCHEMATHESIS_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Pinned: its checks and its generation change between releases, and the numbers in the README are for this one.
GQ_SCHEMATHESIS_VERSION="4.32.5"

# ensure_schemathesis: prints the path of the pinned `schemathesis` executable, installing it when missing (about
# 20 s with PyPI reachable). Needs python3 with the venv module (Debian: python3-venv).
ensure_schemathesis() {
  local - # keeps pipefail local
  local venv="$ROOT/.tools/schemathesis-$GQ_SCHEMATHESIS_VERSION" started
  set -o pipefail
  if [[ -x "$venv/bin/schemathesis" && -f "$venv/.gongqing-installed" ]]; then
    printf '%s\n' "$venv/bin/schemathesis"
    return 0
  fi
  command -v python3 >/dev/null 2>&1 || gq_die "schemathesis needs python3 (3.9 or newer) with its venv module"
  gq_log "installing schemathesis $GQ_SCHEMATHESIS_VERSION from PyPI into $venv (once; later runs reuse it)"
  started="$(gq_now)"
  rm -rf "$venv"
  mkdir -p "$ROOT/.tools"
  python3 -m venv "$venv" 2>&1 | gq_prefix venv || gq_die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$GQ_SCHEMATHESIS_VERSION" 2>&1 | gq_prefix pip ||
    gq_die "pip could not install schemathesis $GQ_SCHEMATHESIS_VERSION (see the pip: lines above)"
  "$venv/bin/schemathesis" --version >/dev/null || gq_die "schemathesis installed but does not run"
  touch "$venv/.gongqing-installed" # only a complete install is reused; an interrupted one is made again
  gq_log "schemathesis installed in $(gq_since "$started") s"
  printf '%s\n' "$venv/bin/schemathesis"
}
