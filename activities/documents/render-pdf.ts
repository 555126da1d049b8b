/**
 * Puts a document's boxes (layout.ts) on A4 pages with pdfkit and numbers the pages (第 N 页 共 M 页 at the foot).
 * A box that does not fit starts a new page, and so does a run of boxes that must stay together (a heading and its
 * text, a paragraph's first and last two lines, the closing with the last line of text) when it fits on one page.
 * A table's header row is repeated at the top of each page it runs onto; a page that would start with places to sign
 * says （此页无正文） first, as court documents do, in case a closing too long for one page has to be split.
 *
 * The same blocks and meta give the same bytes: pdfkit takes the creation and modification dates from the info we
 * pass (the document's own date, not the clock), derives the file /ID from that info (which carries a digest of the
 * data), and names the font subset after its internal id; nothing else in the file depends on time or chance.
 */
import PDFDocument from 'pdfkit';
import { useCjkFonts } from './fonts';
import { boxesOf, textBoxes } from './layout';
import type { Block } from './markup';
import { contentWidth, MARGINS, SIZE, type Box, type Doc } from './page';

export interface PdfMeta {
  title: string;
  /** the case number */
  subject: string;
  /** the issuing body */
  author: string;
  /** YYYY-MM-DD: the document's date, used as the PDF's creation date (midnight in Shanghai) */
  date: string;
  /** a digest of the document's data, so that different documents of one day get different file ids */
  digest: string;
}

/** The boxes on pages, in order: each run kept together moves to a new page as a whole when it fits on one. */
function place(doc: Doc, boxes: Box[]): void {
  const top = MARGINS.top;
  const bottom = doc.page.height - MARGINS.bottom;
  const noText = textBoxes(doc, '（此页无正文）')[0];
  let y = top;
  const put = (b: Box) => {
    b.draw(doc, y);
    y += b.height;
  };
  const newPage = (next: Box) => {
    doc.addPage();
    y = top;
    if (next.header) put(next.header);
    else if (next.closing) put(noText);
  };
  let i = 0;
  while (i < boxes.length) {
    if (boxes[i].newPage && y > top) newPage(boxes[i]);
    let j = i;
    let height = boxes[i].height;
    while (boxes[j].keepWithNext && j + 1 < boxes.length) height += boxes[++j].height;
    const header = boxes[i].header?.height ?? 0;
    // The last text and the closing together taller than a page (five representatives signing one a row): the text
    // before the closing goes where it falls, and the closing (the places to sign, the seal, the date) stays whole.
    const firstClosing = boxes.slice(i, j + 1).findIndex((b) => b.closing);
    if (height + header > bottom - top && firstClosing > 0) {
      j = i + firstClosing - 1;
      height = boxes.slice(i, j + 1).reduce((t, b) => t + b.height, 0);
    }
    if (y > top && y + height > bottom && height + header <= bottom - top) newPage(boxes[i]);
    for (let k = i; k <= j; k++) {
      const b = boxes[k];
      if (b.space && (y === top || y + b.height > bottom)) continue; // no space at the top of a page
      if (y > top && y + b.height > bottom) newPage(b);
      put(b);
    }
    i = j + 1;
  }
}

/** 第 N 页 共 M 页, centred below the text of every page (written once the page count is known). */
function pageNumbers(doc: Doc): number {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // writing below the text area must not start a new page
    doc.font('body').fontSize(SIZE.footer);
    doc.text(`第 ${i + 1} 页 共 ${count} 页`, MARGINS.left, doc.page.height - MARGINS.bottom / 2 - SIZE.footer,
      { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = MARGINS.bottom;
  }
  return count;
}

export async function renderPdf(blocks: Block[], meta: PdfMeta): Promise<{ bytes: Buffer; pages: number }> {
  const created = new Date(`${meta.date}T00:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4', margins: MARGINS, bufferPages: true, lang: 'zh-CN', displayTitle: true,
    info: {
      Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: 'Gongqing', Keywords: `source-sha256:${meta.digest}`,
      CreationDate: created, ModDate: created,
    },
  });
  useCjkFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  place(doc, boxesOf(doc, blocks));
  const pages = pageNumbers(doc);
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pages };
}
