# shellcheck shell=bash source-path=SCRIPTDIR
# The browser of the browser tests (test/e2e): Debian's Chromium, driven by playwright-core (which never downloads a
# browser of its own), with Noto CJK so that the zh-CN pages render as a phone shows them (not as boxes) in screenshots
# and axe measures real glyphs for contrast.
[[ -n "${_GQ_BROWSER_SH:-}" ]] && return 0
_GQ_BROWSER_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

GQ_CHROMIUM_DEFAULT=/usr/bin/chromium
# One file of Debian's fonts-noto-cjk (Sans, the face Chromium falls back to for zh-CN text).
GQ_NOTO_CJK_FILE=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

_gq_browser_present() { [[ -x "${GQ_CHROMIUM:-$GQ_CHROMIUM_DEFAULT}" && -f "$GQ_NOTO_CJK_FILE" ]]; }

# ensure_chromium: exports GQ_CHROMIUM (the browser's path; a caller's own GQ_CHROMIUM is kept). Two file tests when
# both are there; otherwise, as root, installs Debian's chromium and fonts-noto-cjk with apt-get (a minute or two);
# as any other user it stops with the command to run.
ensure_chromium() {
  if ! _gq_browser_present; then
    local missing=()
    [[ -x "${GQ_CHROMIUM:-$GQ_CHROMIUM_DEFAULT}" ]] || missing+=(chromium)
    [[ -f "$GQ_NOTO_CJK_FILE" ]] || missing+=(fonts-noto-cjk)
    if ((EUID != 0)); then
      gq_die "the browser tests need Debian's ${missing[*]} (${GQ_CHROMIUM:-$GQ_CHROMIUM_DEFAULT}, $GQ_NOTO_CJK_FILE); as root run: apt-get update && apt-get install -y chromium fonts-noto-cjk"
    fi
    command -v apt-get >/dev/null || gq_die "the browser tests need ${missing[*]}, and there is no apt-get here to install them"
    gq_log "installing ${missing[*]} from Debian for the browser tests"
    local started; started="$(gq_now)"
    # Both packages always: apt-get skips the one already installed.
    { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-cjk; } 2>&1 | gq_prefix apt-get ||
      gq_die "apt-get could not install chromium fonts-noto-cjk (see above)"
    _gq_browser_present || gq_die "apt-get finished but ${GQ_CHROMIUM:-$GQ_CHROMIUM_DEFAULT} or $GQ_NOTO_CJK_FILE is still missing"
    gq_log "chromium and fonts-noto-cjk installed in $(gq_since "$started") s"
  fi
  GQ_CHROMIUM="${GQ_CHROMIUM:-$GQ_CHROMIUM_DEFAULT}"
  export GQ_CHROMIUM
}
