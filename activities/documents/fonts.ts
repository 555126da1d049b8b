/**
 * The CJK fonts documents are set in: Noto Serif CJK (Simplified Chinese face) from Debian's fonts-noto-cjk, put there
 * by scripts/lib/fonts.sh. Never downloaded at run time: a missing font fails the activity with the command to run.
 * The collection files are large (26 MB), so each is read once per process; pdfkit embeds only the glyphs used.
 */
import { existsSync, readFileSync } from 'node:fs';

const DEFAULT_REGULAR = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

export interface CjkFont {
  /** the font file's bytes */
  data: Buffer;
  /** the Simplified Chinese face inside a Noto CJK collection (.ttc); none for a single-face file */
  face?: string;
}

export interface CjkFonts {
  regular: CjkFont;
  /** the title's face; the regular one when the bold file is missing */
  bold: CjkFont;
}

let cached: CjkFonts | null = null;

function regularPath(): string {
  return process.env.GONGQING_CJK_FONT || DEFAULT_REGULAR;
}

/** The bold collection beside the regular one (same package), unless GONGQING_CJK_BOLD_FONT names another. */
function boldPath(regular: string): string {
  return process.env.GONGQING_CJK_BOLD_FONT || regular.replace(/Regular(\.tt[cf])$/, 'Bold$1');
}

/** NotoSerifCJK-Regular.ttc → NotoSerifCJKsc-Regular: each Noto CJK collection holds a face per region. */
function load(path: string): CjkFont {
  const m = /(Noto(?:Sans|Serif)CJK)-(\w+)\.ttc$/.exec(path);
  return { data: readFileSync(path), face: m ? `${m[1]}sc-${m[2]}` : undefined };
}

export function cjkFonts(): CjkFonts {
  if (cached) return cached;
  const regular = regularPath();
  if (!existsSync(regular)) {
    throw new Error(`the CJK font for documents is missing (${regular}): as root run apt-get install -y fonts-noto-cjk, or set GONGQING_CJK_FONT`);
  }
  const bold = boldPath(regular);
  const regularFont = load(regular);
  cached = { regular: regularFont, bold: bold !== regular && existsSync(bold) ? load(bold) : regularFont };
  return cached;
}
