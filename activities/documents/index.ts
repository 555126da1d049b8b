/**
 * Legal documents (issue 16): what the rest of the house uses. The activity (createGenerateDocument) for the worker's
 * activity set, the reader for e-mail attachments and downloads, the input types for workflows (import type only).
 */
export { createGenerateDocument } from './store-document';
export { readDocument, type StoredDocument } from './read-document';
export { renderDocument, sha256Hex, type RenderedDocument } from './render-document';
export { DocumentDataError } from './document-figures';
export * from './types';
export type * from './legal-aid-types';
export type * from './wage-types';
