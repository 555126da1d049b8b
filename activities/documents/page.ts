/**
 * The page documents are set on and what lays it out shares: A4 with its margins, the sizes of type, the box each
 * line, row or space becomes (layout.ts makes them, render-pdf.ts puts them on pages).
 */
export type Doc = PDFKit.PDFDocument;

// A4 with the margins of GB/T 9704 (official documents) rounded: 3.7 cm top, 3.5 cm bottom, 2.8 cm left, 2.6 cm right.
export const MARGINS = { top: 105, bottom: 99, left: 79, right: 74 };
export const SIZE = { title: 22, subtitle: 12, heading: 14, body: 14, table: 12, footer: 10.5 };
export const LINE_GAP = 7; // about 1.5 lines: room for a clerk's marks, as official documents are spaced

export interface Box {
  height: number;
  draw(doc: Doc, y: number): void;
  /** this box and the next go on the same page */
  keepWithNext?: boolean;
  /** starts a new page (an attached table) */
  newPage?: boolean;
  /** drawn first on a page this box starts (a table's header row) */
  header?: Box;
  /** white space: left out at the top of a page */
  space?: boolean;
  /** the places to sign and what follows them: a page that starts with one says （此页无正文） */
  closing?: boolean;
}

export const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;

/** A line of text as it is drawn: at x, characters spread by `spacing` (justified) or not. */
export function drawLine(doc: Doc, text: string, x: number, y: number, font: string, size: number, spacing = 0): void {
  doc.font(font).fontSize(size).text(text, x, y, { lineBreak: false, characterSpacing: spacing });
}

/** White space of a height: nothing drawn, and left out at the top of a page. */
export const gap = (height: number): Box => ({ height, space: true, draw: () => {} });
