/**
 * A table as boxes (layout.ts): the list of workers with their amounts that a document of ten or more workers
 * attaches (附表). Columns are as wide as their widest cell, a header word may wrap, and what is left of the width
 * goes to the column to sign in (or is shared out when there is none). Amounts are aligned right, so that their
 * digits line up; other cells are centred. The header row is repeated at the top of every page the table runs onto,
 * and the total row never stands alone at the top of a page.
 */
import { contentWidth, drawLine, MARGINS, SIZE, type Box, type Doc } from './page';
import { breakLines, unitsOf } from './line-break';

const PAD = 4;
const SIGN_ROW = 30; // a row with a place to sign: room for a signature and a fingerprint
const SIGN_WIDTH = 6; // characters: room for a name written by hand
const isAmount = (s: string) => /^[\d,]+\.\d\d$/.test(s);

interface Table {
  header: string[];
  rows: string[][];
  total: string[] | null;
}

/**
 * The columns' widths. Each needs room for its widest cell (cells never wrap: an amount or an ID number is read whole)
 * and for the widest word of its header, the column to sign in for a handwritten name. What is left goes first to
 * short headers that would wrap, then to the column to sign in, or is shared out when there is none.
 */
function columnWidths(doc: Doc, t: Table): number[] {
  const measure = (s: string, font: string) => doc.font(font).fontSize(SIZE.table).widthOfString(s);
  const width = contentWidth(doc);
  const sumOf = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
  const need = t.header.map((h, c) => 2 * PAD + Math.max(
    ...t.rows.map((r) => measure(r[c] ?? '', 'body')),
    // The total row (bold) has the widest figures; its label spans the first columns, so it does not widen the first.
    t.total && c > 0 ? measure(t.total[c] ?? '', 'bold') : 0,
    ...unitsOf(h).map((u) => measure(u.text, 'bold')),
  ));
  const sign = t.header.findIndex((h) => h.includes('签名'));
  if (sign >= 0) need[sign] = Math.max(need[sign], SIGN_WIDTH * SIZE.table + 2 * PAD);
  // A header of up to five characters stays on one line (序号, 尚欠（元）); a longer one wraps over a column of figures.
  const want = t.header.map((h, c) => Math.max(need[c], Math.min(measure(h, 'bold'), 5 * SIZE.table) + 2 * PAD));
  if (sumOf(need) > width) return need.map((w) => (w * width) / sumOf(need)); // too many columns: some cells wrap
  // The smallest wishes first: 序号 on one line costs less than a long header.
  const widths = [...need];
  let rest = width - sumOf(need);
  for (const c of need.map((_, k) => k).sort((a, b) => (want[a] - need[a]) - (want[b] - need[b]))) {
    const grant = Math.min(rest, want[c] - need[c]);
    widths[c] += grant;
    rest -= grant;
  }
  if (sign >= 0) widths[sign] += rest;
  else widths.forEach((_, c) => { widths[c] += rest / widths.length; });
  return widths;
}

function rowBox(doc: Doc, cells: string[], widths: number[], font: 'body' | 'bold', minHeight: number, merge = false): Box {
  // In a total row the empty cells after the first join it: 合计 spans the number, name and ID columns.
  const spans: { text: string; x: number; w: number }[] = [];
  let leading = merge;
  let x = MARGINS.left;
  widths.forEach((w, c) => {
    const text = cells[c] ?? '';
    if (leading && c > 0 && !text) spans[spans.length - 1].w += w;
    else {
      if (c > 0) leading = false;
      spans.push({ text, x, w });
    }
    x += w;
  });
  doc.font(font).fontSize(SIZE.table);
  const lineH = doc.currentLineHeight(true);
  const measure = (s: string) => doc.widthOfString(s);
  const laid = spans.map((s) => ({ ...s, lines: s.text ? breakLines(s.text, s.w - 2 * PAD, s.w - 2 * PAD, measure) : [] }));
  const height = Math.max(minHeight, ...laid.map((s) => s.lines.length * lineH + 2 * PAD));
  return {
    height,
    draw: (d, y) => {
      for (const s of laid) {
        d.rect(s.x, y, s.w, height).lineWidth(0.6).stroke();
        const top = y + (height - s.lines.length * lineH) / 2;
        s.lines.forEach((line, k) => {
          const w = d.font(font).fontSize(SIZE.table).widthOfString(line);
          const left = isAmount(line) ? s.x + s.w - PAD - w : s.x + (s.w - w) / 2;
          drawLine(d, line, left, top + k * lineH, font, SIZE.table);
        });
      }
    },
  };
}

export function tableBoxes(doc: Doc, t: Table): Box[] {
  const widths = columnWidths(doc, t);
  const rowHeight = t.header.some((h) => h.includes('签名')) ? SIGN_ROW : 0;
  const header = { ...rowBox(doc, t.header, widths, 'bold', 0), keepWithNext: true };
  const rows = t.rows.map((r): Box => ({ ...rowBox(doc, r, widths, 'body', rowHeight), header }));
  if (t.total) {
    if (rows.length > 0) rows[rows.length - 1].keepWithNext = true;
    rows.push({ ...rowBox(doc, t.total, widths, 'bold', 0, true), header });
  }
  return [header, ...rows];
}
