/**
 * A document's blocks (markup.ts) as boxes to be put on A4 pages (render-pdf.ts places them): each box is a line of
 * text, a row of places to sign or of a table, or some space, with how it must stay with the next one. Lines are
 * broken here (line-break.ts), so that an amount, a code or a number is never cut, and text is set the way Chinese
 * documents are: each paragraph and term with a two-character first-line indent and later lines flush left
 * (GB/T 9704), justified to both margins except for a paragraph's last line.
 */
import { breakLines } from './line-break';
import type { Block } from './markup';
import { tableBoxes } from './layout-table';
import { contentWidth, drawLine, gap, LINE_GAP, MARGINS, SIZE, type Box, type Doc } from './page';

const SIGN_ROW = 46; // the height of a row of places to sign: room for a signature and a fingerprint
/** Justifying spreads characters by at most this share of the font size; a looser line stays ragged. */
const MAX_SPREAD = 0.15;

interface TextStyle {
  font?: 'body' | 'bold';
  size?: number;
  /** of the first line and of the others, from the left margin */
  indent?: number;
  hang?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** from the left margin; the content width less indents when not given */
  width?: number;
  lineGap?: number;
}

/**
 * A line spread to fill `extra` more points: the space goes between Chinese characters and around a figure or code,
 * never inside one (5,000.00 stays as it is written), one text run per stretch of either.
 */
function drawJustified(doc: Doc, line: string, x: number, y: number, font: string, size: number, extra: number): void {
  const runs = line.match(/[\x21-\x7e]+|[^\x21-\x7e]+/g) ?? [];
  const gaps = runs.reduce((n, r) => n + (/^[\x21-\x7e]/.test(r) ? 1 : [...r].length), 0) - 1;
  const spacing = gaps > 0 ? extra / gaps : 0;
  let at = x;
  for (const run of runs) {
    const ascii = /^[\x21-\x7e]/.test(run);
    drawLine(doc, run, at, y, font, size, ascii ? 0 : spacing);
    at += doc.widthOfString(run) + spacing * (ascii ? 1 : [...run].length);
  }
}

/** Text broken into lines, one box each; the lines of a paragraph stay at least two together at a page's foot and head. */
export function textBoxes(doc: Doc, text: string, style: TextStyle = {}): Box[] {
  const { font = 'body', size = SIZE.body, indent = 0, hang = 0, align = 'left', lineGap = LINE_GAP } = style;
  const width = style.width ?? contentWidth(doc);
  doc.font(font).fontSize(size);
  const measure = (s: string) => doc.widthOfString(s);
  const lines = breakLines(text, width - indent, width - hang, measure);
  const height = doc.currentLineHeight(true) + lineGap;
  return lines.map((line, i) => {
    const from = i === 0 ? indent : hang;
    const room = width - from;
    const w = measure(line);
    const chars = [...line].length;
    let x = MARGINS.left + from;
    if (align === 'center') x += (room - w) / 2;
    if (align === 'right') x += room - w;
    const justify = align === 'justify' && i < lines.length - 1 && chars > 1 && (room - w) / (chars - 1) <= MAX_SPREAD * size;
    // Not a lone first line at a page's foot, nor a lone last line at the head of the next.
    const keepWithNext = lines.length > 1 && (i === 0 || i === lines.length - 2);
    return {
      height, keepWithNext,
      draw: (d: Doc, y: number) => (justify ? drawJustified(d, line, x, y, font, size, room - w) : drawLine(d, line, x, y, font, size)),
    };
  });
}

/** Places to sign: a label and a rule after it, two a row when the labels are short enough, one a row otherwise. */
function signatureBoxes(doc: Doc, labels: string[]): Box[] {
  doc.font('body').fontSize(SIZE.body);
  const width = contentWidth(doc);
  // Two a row needs room for a rule of four characters after every label; a lone label gets the whole width.
  const twoUp = labels.length > 1 && labels.every((l) => doc.widthOfString(l) <= width / 2 - 4 * SIZE.body);
  const cols = twoUp ? 2 : 1;
  const colWidth = width / cols;
  const rows: Box[] = [];
  for (let i = 0; i < labels.length; i += cols) {
    const row = labels.slice(i, i + cols);
    rows.push({
      height: SIGN_ROW,
      keepWithNext: true, // the places to sign of one party stay together
      draw: (d, top) => {
        const y = top + SIGN_ROW - SIZE.body - LINE_GAP; // the label sits low in its row, the space to sign above the rule
        row.forEach((label, c) => {
          const x = MARGINS.left + c * colWidth;
          drawLine(d, label, x, y, 'body', SIZE.body);
          const ruleFrom = x + Math.min(d.widthOfString(label) + 2, colWidth - 5 * SIZE.body);
          d.moveTo(ruleFrom, y + SIZE.body + 1).lineTo(x + colWidth - SIZE.body, y + SIZE.body + 1).lineWidth(0.6).stroke();
        });
      },
    });
  }
  rows[rows.length - 1].keepWithNext = false;
  return [...rows, gap(LINE_GAP)]; // what follows (a seal, the date) keeps clear of the last rule
}

/** 附件：1. … with the other attachments numbered under it and a long name's next line under its first character. */
function attachmentBoxes(doc: Doc, items: string[]): Box[] {
  doc.font('body').fontSize(SIZE.body);
  const indent = 2 * SIZE.body;
  const label = '附件：';
  const numberWidth = doc.widthOfString(`${items.length}. `);
  const at = indent + doc.widthOfString(label);
  return items.flatMap((item, i) => {
    const lines = textBoxes(doc, item, { indent: at + numberWidth, hang: at + numberWidth });
    const first = lines[0];
    lines[0] = {
      ...first,
      draw: (d, y) => {
        if (i === 0) drawLine(d, label, MARGINS.left + indent, y, 'body', SIZE.body);
        drawLine(d, `${i + 1}.`, MARGINS.left + at, y, 'body', SIZE.body);
        first.draw(d, y);
      },
    };
    lines.forEach((l, k) => { l.keepWithNext = k < lines.length - 1; }); // one attachment's name is never cut by a page
    return lines;
  });
}

function blockBoxes(doc: Doc, block: Block): Box[] {
  const body = 2 * SIZE.body;
  const keep = (boxes: Box[]) => boxes.map((b) => ({ ...b, keepWithNext: true }));
  switch (block.type) {
    case 'title':
      return keep([...textBoxes(doc, block.text, { font: 'bold', size: SIZE.title, align: 'center', lineGap: 4 }), gap(4)]);
    case 'subtitle':
      return [...keep(textBoxes(doc, block.text, { size: SIZE.subtitle, align: 'center', lineGap: 2 })), gap(9)];
    case 'heading':
      return keep(textBoxes(doc, block.text, { font: 'bold', size: SIZE.heading })); // never a heading alone at a page's foot
    case 'caption': {
      // An attached table starts on a page of its own, its caption kept with the table's header row.
      const lines = keep([...textBoxes(doc, block.text, { font: 'bold', size: SIZE.heading, align: 'center' }), gap(LINE_GAP)]);
      lines[0].newPage = true;
      return lines;
    }
    case 'paragraph':
      return textBoxes(doc, block.text, { indent: body, align: 'justify' });
    case 'item':
    case 'subitem':
      return textBoxes(doc, block.label + block.text, { indent: body, align: 'justify' });
    case 'line':
      return textBoxes(doc, block.text, { align: 'justify' });
    case 'right':
      // Chinese documents keep the issuing body and date off the right edge by about two characters.
      return textBoxes(doc, block.text, { align: 'right', width: contentWidth(doc) - body });
    case 'attachments':
      return attachmentBoxes(doc, block.items);
    case 'signatures':
      return signatureBoxes(doc, block.labels);
    case 'table':
      return tableBoxes(doc, block);
    case 'space':
      return [gap(SIZE.body * 0.6)];
  }
}

/** Text of the document's body: a term, or a paragraph longer than 此致 (which belongs to the closing). */
const isBody = (b: Block) => b.type === 'item' || b.type === 'subitem' || (b.type === 'paragraph' && [...b.text].length > 4);

/**
 * All boxes of a document. The closing (the places to sign, or the seal and date of a letter, and what follows up to
 * the next text) stays on one page with the last line of the body before it, and through the widow rule with the
 * line before that too: a page of signatures alone is what a clerk refuses, as it could be put under any text.
 */
export function boxesOf(doc: Doc, blocks: Block[]): Box[] {
  const perBlock = blocks.map((b) => blockBoxes(doc, b));
  // A letter has no places to sign: its closing is the issuing body and the date (the last lines aligned right).
  let start = blocks.findIndex((b) => b.type === 'signatures');
  if (start < 0) {
    start = blocks.map((b) => b.type).lastIndexOf('right');
    while (start > 0 && blocks[start - 1].type === 'right') start--;
  }
  if (start < 0) return perBlock.flat();
  let end = start;
  while (end < blocks.length && ['signatures', 'right', 'space', 'line'].includes(blocks[end].type)) end++;
  let from = start;
  while (from > 0 && !isBody(blocks[from - 1])) from--;
  if (from > 0) {
    const lastLine = perBlock[from - 1][perBlock[from - 1].length - 1];
    lastLine.keepWithNext = true;
    for (let k = from; k < end; k++) {
      for (const box of perBlock[k]) {
        box.keepWithNext = true;
        if (k >= start) box.closing = true;
      }
    }
    const last = perBlock.slice(from, end).flat().pop();
    if (last) last.keepWithNext = false;
  }
  return perBlock.flat();
}
