/**
 * The font charts are drawn in: Noto Sans CJK from Debian's fonts-noto-cjk, beside the serif face the legal documents
 * use (scripts/lib/fonts.sh installs both and exports GONGQING_CJK_FONT; GONGQING_CHART_FONT names another file).
 * Never downloaded at run time: a missing font is an error naming the package.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DEFAULT_DIR = '/usr/share/fonts/opentype/noto';
/** the family resvg knows the Simplified Chinese face of the collection by */
export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

export function chartFontFile(): string {
  const explicit = process.env.GONGQING_CHART_FONT;
  const dir = process.env.GONGQING_CJK_FONT ? dirname(process.env.GONGQING_CJK_FONT) : DEFAULT_DIR;
  const candidates = explicit ? [explicit] : [join(dir, 'NotoSansCJK-Regular.ttc'), process.env.GONGQING_CJK_FONT ?? join(DEFAULT_DIR, 'NotoSerifCJK-Regular.ttc')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`the CJK font for charts is missing (${candidates.join(', ')}): as root run apt-get install -y fonts-noto-cjk, or set GONGQING_CHART_FONT`);
  return found;
}
