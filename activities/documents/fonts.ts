/**
 * The CJK fonts documents are set in: Noto Serif CJK (Simplified Chinese face) from Debian's fonts-noto-cjk, put there
 * by scripts/lib/fonts.sh. Never downloaded at run time: a missing font fails the activity with the command to run.
 * The collection files are large (26 MB), so each is read once per process; pdfkit embeds only the glyphs used.
 *
 * Reading is not the only cost: from bytes, pdfkit has fontkit parse the collection's tables again for every document
 * (cmap, OpenType layout, CFF: some 30 ms a face). So the parsed face of the first document is kept and handed to the
 * next ones, which pdfkit accepts in place of bytes. Sharing it is safe: fontkit's caches only grow (glyphs, their
 * metrics), each document makes its own subset of it, and JavaScript runs one document's drawing at a time.
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

/** pdfkit's name of the font in use (its fontkit face as `font`), which its types leave out. */
type WithFont = PDFKit.PDFDocument & { _font?: { font?: { layout?: unknown } } };
const parsed = new WeakMap<CjkFont, object>();

/**
 * Registers the body and bold faces of a new document as 'body' and 'bold', and opens both, always in this order, so
 * that their ids in the file (F1, F2) and hence the bytes do not depend on which document of the process this is.
 */
export function useCjkFonts(doc: PDFKit.PDFDocument): void {
  const fonts = cjkFonts();
  for (const [name, font] of [['body', fonts.regular], ['bold', fonts.bold]] as const) {
    const face = parsed.get(font);
    // A parsed face is a valid font source for pdfkit (it checks for .layout), though its types only list bytes.
    if (face) doc.registerFont(name, face as unknown as Buffer);
    else doc.registerFont(name, font.data, font.face);
    doc.font(name);
    const opened = (doc as WithFont)._font?.font;
    if (!face && typeof opened?.layout === 'function') parsed.set(font, opened);
  }
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
