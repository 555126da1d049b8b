/**
 * Lays out a document's blocks (markup.ts) on A4 with pdfkit: the title centred and larger, the case number under
 * it, paragraphs with the customary two-character first-line indent, numbered terms with a hanging indent, places to
 * sign two a row, the issuing body and date on the right, and 第 N 页 共 M 页 at the foot of every page.
 *
 * The same blocks and meta give the same bytes: pdfkit takes the creation and modification dates from the info we
 * pass (the document's own date, not the clock), derives the file /ID from that info (which carries a digest of the
 * data), and names the font subset after its internal id; nothing else in the file depends on time or chance.
 */
import PDFDocument from 'pdfkit';
import { cjkFonts } from './fonts';
import type { Block } from './markup';

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

// A4 with the margins of GB/T 9704 (official documents) rounded: 3.7 cm top, 3.5 cm bottom, 2.8 cm left, 2.6 cm right.
const MARGINS = { top: 105, bottom: 99, left: 79, right: 74 };
const SIZE = { title: 22, subtitle: 12, heading: 14, body: 14, footer: 10.5 };
const LINE_GAP = 7; // about 1.5 lines: room for a clerk's marks, as official documents are spaced
const SIGN_ROW = 46; // the height of a row of places to sign: room for a signature and a fingerprint

type Doc = PDFKit.PDFDocument;

const contentWidth = (doc: Doc) => doc.page.width - MARGINS.left - MARGINS.right;
const bottom = (doc: Doc) => doc.page.height - MARGINS.bottom;

/** Starts a new page unless `height` still fits, so that a label never stays behind without its text. */
function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function bodyLine(doc: Doc): number {
  return doc.font('body').fontSize(SIZE.body).currentLineHeight(true) + LINE_GAP;
}

function textBlock(doc: Doc, text: string, opts: PDFKit.Mixins.TextOptions & { x?: number; width?: number } = {}): void {
  const { x = MARGINS.left, width = contentWidth(doc), ...rest } = opts;
  doc.text(text, x, doc.y, { width, lineGap: LINE_GAP, ...rest });
}

/** A label ("1.", "（一）") hanging left of its text: every line of the text starts at the same x. */
function hanging(doc: Doc, label: string, text: string, indent: number): void {
  doc.font('body').fontSize(SIZE.body);
  const labelWidth = Math.max(2 * SIZE.body, doc.widthOfString(label) + SIZE.body / 4);
  ensureRoom(doc, bodyLine(doc));
  const y = doc.y;
  doc.text(label, MARGINS.left + indent, y, { lineBreak: false });
  doc.text(text, MARGINS.left + indent + labelWidth, y, { width: contentWidth(doc) - indent - labelWidth, lineGap: LINE_GAP });
}

/** Places to sign: a label and a rule after it, two a row when the labels are short enough, one a row otherwise. */
function signatures(doc: Doc, labels: string[]): void {
  doc.font('body').fontSize(SIZE.body);
  const width = contentWidth(doc);
  // Two a row needs room for a rule of four characters after every label; a lone label gets the whole width.
  const twoUp = labels.length > 1 && labels.every((l) => doc.widthOfString(l) <= width / 2 - 4 * SIZE.body);
  const cols = twoUp ? 2 : 1;
  const colWidth = width / cols;
  for (let i = 0; i < labels.length; i += cols) {
    ensureRoom(doc, SIGN_ROW);
    const y = doc.y + SIGN_ROW - SIZE.body - LINE_GAP; // the label sits low in its row, the space to sign above the rule
    labels.slice(i, i + cols).forEach((label, c) => {
      const x = MARGINS.left + c * colWidth;
      const end = x + colWidth - SIZE.body;
      doc.text(label, x, y, { width: colWidth - SIZE.body, lineBreak: false });
      const ruleFrom = x + Math.min(doc.widthOfString(label) + 2, colWidth - 5 * SIZE.body);
      doc.moveTo(ruleFrom, y + SIZE.body + 1).lineTo(end, y + SIZE.body + 1).lineWidth(0.6).stroke();
    });
    doc.y = y + SIZE.body + LINE_GAP;
  }
  doc.y += LINE_GAP; // what follows (a seal, the date) keeps clear of the last rule
  doc.x = MARGINS.left;
}

function draw(doc: Doc, block: Block): void {
  switch (block.type) {
    case 'title':
      doc.font('bold').fontSize(SIZE.title);
      textBlock(doc, block.text, { align: 'center', lineGap: 4 });
      doc.moveDown(0.2);
      return;
    case 'subtitle':
      doc.font('body').fontSize(SIZE.subtitle);
      textBlock(doc, block.text, { align: 'center', lineGap: 2 });
      doc.moveDown(0.6);
      return;
    case 'heading':
      ensureRoom(doc, 2 * bodyLine(doc)); // never a heading alone at the foot of a page
      doc.font('bold').fontSize(SIZE.heading);
      textBlock(doc, block.text);
      return;
    case 'paragraph':
      doc.font('body').fontSize(SIZE.body);
      textBlock(doc, block.text, { indent: 2 * SIZE.body });
      return;
    case 'line':
      doc.font('body').fontSize(SIZE.body);
      textBlock(doc, block.text);
      return;
    case 'right':
      // Chinese documents keep the issuing body and date off the right edge by about two characters.
      doc.font('body').fontSize(SIZE.body);
      textBlock(doc, block.text, { align: 'right', width: contentWidth(doc) - 2 * SIZE.body });
      return;
    case 'item':
      hanging(doc, block.label, block.text, 0);
      return;
    case 'subitem':
      hanging(doc, block.label, block.text, 2 * SIZE.body);
      return;
    case 'signatures':
      signatures(doc, block.labels);
      return;
    case 'space':
      doc.y += SIZE.body * 0.6;
      return;
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
  const fonts = cjkFonts();
  const created = new Date(`${meta.date}T00:00:00+08:00`);
  const doc = new PDFDocument({
    size: 'A4', margins: MARGINS, bufferPages: true, lang: 'zh-CN', displayTitle: true,
    info: {
      Title: meta.title, Subject: meta.subject, Author: meta.author, Creator: 'Gongqing', Keywords: `source-sha256:${meta.digest}`,
      CreationDate: created, ModDate: created,
    },
  });
  doc.registerFont('body', fonts.regular.data, fonts.regular.face);
  doc.registerFont('bold', fonts.bold.data, fonts.bold.face);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });
  for (const block of blocks) draw(doc, block);
  const pages = pageNumbers(doc);
  doc.end();
  await ended;
  return { bytes: Buffer.concat(chunks), pages };
}
