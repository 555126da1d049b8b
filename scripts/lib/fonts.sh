# shellcheck shell=bash source-path=SCRIPTDIR
# The CJK font the legal documents (activities/documents) are set in: Noto Serif CJK from Debian's fonts-noto-cjk,
# embedded into each PDF as a subset. It is installed here, with the system's package manager, and never fetched by
# the application at run time.
[[ -n "${_GQ_FONTS_SH:-}" ]] && return 0
_GQ_FONTS_SH=1
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

GQ_CJK_FONT_DEFAULT=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc

# ensure_cjk_fonts: exports GONGQING_CJK_FONT (the regular face's file; a caller's own GONGQING_CJK_FONT is kept and
# must exist). One file test when it is there; otherwise, as root, installs fonts-noto-cjk with apt-get (about a
# minute); as any other user it stops with the command to run.
ensure_cjk_fonts() {
  local font="${GONGQING_CJK_FONT:-$GQ_CJK_FONT_DEFAULT}"
  if [[ ! -f "$font" ]]; then
    if [[ -n "${GONGQING_CJK_FONT:-}" ]]; then
      gq_die "GONGQING_CJK_FONT names $font, which does not exist"
    fi
    if ((EUID != 0)); then
      gq_die "the legal documents need Debian's fonts-noto-cjk ($font); as root run: apt-get update && apt-get install -y fonts-noto-cjk"
    fi
    command -v apt-get >/dev/null || gq_die "the legal documents need fonts-noto-cjk ($font), and there is no apt-get here to install it"
    gq_log "installing fonts-noto-cjk from Debian for the legal documents"
    local started; started="$(gq_now)"
    { DEBIAN_FRONTEND=noninteractive apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-noto-cjk; } 2>&1 | gq_prefix apt-get ||
      gq_die "apt-get could not install fonts-noto-cjk (see above)"
    [[ -f "$font" ]] || gq_die "apt-get finished but $font is still missing"
    gq_log "fonts-noto-cjk installed in $(gq_since "$started") s"
  fi
  GONGQING_CJK_FONT="$font"
  export GONGQING_CJK_FONT
}
