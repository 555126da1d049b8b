/**
 * One document from its data: figures checked and computed, the template rendered to markup, the markup laid out as
 * a PDF. Pure apart from reading the template and the font: the same request gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { calendarDate } from './chinese-date';
import { documentFigures } from './document-figures';
import { legalAidFigures } from './legal-aid-figures';
import { wageFigures } from './wage-figures';
import type { LegalAidDocumentDataByKind } from './legal-aid-types';
import { parseMarkup, titleOf } from './markup';
import { renderPdf } from './render-pdf';
import { renderMarkup } from './render-template';
import { isLegalAidKind, isMediationExtraKind, isWageKind, type AnyDocumentDataByKind, type AnyDocumentKind, type DocumentDataByKind, type DocumentKind, type LegalAidDocumentKind } from './types';

export interface RenderedDocument {
  title: string;
  bytes: Buffer;
  pages: number;
  sha256: string;
  /** the markup the PDF was laid out from (for tests and previews) */
  markup: string;
}

export const sha256Hex = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The figures of each case kind's documents (document-figures.ts, legal-aid-figures.ts, wage-figures.ts), checked on the way. */
function figuresOf<K extends AnyDocumentKind>(kind: K, data: AnyDocumentDataByKind[K]) {
  if (isWageKind(kind)) return wageFigures(kind, data as never);
  // the payment order states what is owed as the enforcement application does (its basis is the agreement itself)
  if (kind === 'payment-order-application') return documentFigures('enforcement-application', data as never);
  // the workers' application counts and checks its workers as the transfer letter does (no agreement, no terms)
  if (isMediationExtraKind(kind)) return documentFigures('transfer-letter', data as never);
  return isLegalAidKind(kind) ? legalAidFigures(kind, data as never) : documentFigures(kind as DocumentKind, data as never);
}

// A signature for each case kind's documents: a caller generic over one of them (the bench over the mediation kinds)
// holds DocumentDataByKind[K], which TypeScript does not relate to AnyDocumentDataByKind[K].
export async function renderDocument<K extends DocumentKind>(kind: K, caseNo: string, data: DocumentDataByKind[K]): Promise<RenderedDocument>;
export async function renderDocument<K extends LegalAidDocumentKind>(kind: K, caseNo: string, data: LegalAidDocumentDataByKind[K]): Promise<RenderedDocument>;
export async function renderDocument<K extends AnyDocumentKind>(kind: K, caseNo: string, data: AnyDocumentDataByKind[K]): Promise<RenderedDocument>;
export async function renderDocument<K extends AnyDocumentKind>(kind: K, caseNo: string, data: AnyDocumentDataByKind[K]): Promise<RenderedDocument> {
  const figures = figuresOf(kind, data);
  const markup = renderMarkup(kind, caseNo, data, figures);
  const blocks = parseMarkup(markup);
  const title = titleOf(blocks);
  const { bytes, pages } = await renderPdf(blocks, {
    title, subject: caseNo, author: data.station.name, date: calendarDate(data.issuedOn),
    digest: sha256Hex(JSON.stringify({ kind, caseNo, data })),
  });
  return { title, bytes, pages, sha256: sha256Hex(bytes), markup };
}
