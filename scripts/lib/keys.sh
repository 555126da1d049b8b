# shellcheck shell=bash
# The secrets of one installation: the AES-256 keys that encrypt Temporal payloads and the secret behind the workers'
# personal links. Made once per data directory (never committed: data/ is git-ignored), readable by its owner only.
[[ -n "${_GQ_KEYS_SH:-}" ]] && return 0
_GQ_KEYS_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# ensure_keys_file <path>: creates the keys file if missing (unless GONGQING_KEYS_FILE or GONGQING_PAYLOAD_KEYS is
# already set by the caller) and exports GONGQING_KEYS_FILE for every process started after it.
ensure_keys_file() {
  local file="$1"
  if [[ -n "${GONGQING_PAYLOAD_KEYS:-}" || -n "${GONGQING_KEYS_FILE:-}" ]]; then
    gq_log "using the payload keys given by the environment"
    return 0
  fi
  if [[ ! -s "$file" ]]; then
    mkdir -p "$(dirname "$file")"
    (umask 077 && cd "$ROOT" && node --import tsx -e "import('./activities/codec/key-ring.ts').then((m) => process.stdout.write(m.newKeysFile()))" >"$file.tmp") ||
      gq_die "could not create the keys file $file"
    mv -f "$file.tmp" "$file"
    gq_log "created $file (payload encryption keys and the personal-link secret; keep it, back it up, never commit it)"
  fi
  export GONGQING_KEYS_FILE="$file"
}
