/**
 * One document from its data: figures checked and computed, the template rendered to markup, the markup laid out as
 * a PDF. Pure apart from reading the template and the font: the same request gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { calendarDate } from './chinese-date';
import { documentFigures } from './document-figures';
import { parseMarkup, titleOf } from './markup';
import { renderPdf } from './render-pdf';
import { renderMarkup } from './render-template';
import type { DocumentDataByKind, DocumentKind } from './types';

export interface RenderedDocument {
  title: string;
  bytes: Buffer;
  pages: number;
  sha256: string;
  /** the markup the PDF was laid out from (for tests and previews) */
  markup: string;
}

export const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

export async function renderDocument<K extends DocumentKind>(kind: K, caseNo: string, data: DocumentDataByKind[K]): Promise<RenderedDocument> {
  const figures = documentFigures(kind, data);
  const markup = renderMarkup(kind, caseNo, data, figures);
  const blocks = parseMarkup(markup);
  const title = titleOf(blocks);
  const { bytes, pages } = await renderPdf(blocks, {
    title, subject: caseNo, author: data.station.name, date: calendarDate(data.issuedOn),
    digest: sha256Hex(JSON.stringify({ kind, caseNo, data })),
  });
  return { title, bytes, pages, sha256: sha256Hex(bytes), markup };
}
