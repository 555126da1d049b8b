/**
 * The generateDocument activity makes and keeps the legal-aid case's documents as it does the mediation ones: each of
 * the seven stored once per key with its hash, read back as its text, and bad data failing for good. A fresh database
 * of its own (migrated, no Temporal needed: the activity is called as a function, which is what a retry does too).
 */
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../activities/documents/read-document';
import { sha256Hex } from '../../activities/documents/render-document';
import { createGenerateDocument } from '../../activities/documents/store-document';
import { LEGAL_AID_DOCUMENT_KINDS, type GenerateDocumentRequest, type LegalAidDocumentKind } from '../../activities/documents/types';
import { legalAidData } from '../helpers/legal-aid-document-fixtures';
import { useMigratedDatabase } from '../helpers/migrated-database';
import { pdfText } from '../helpers/pdf-text';

const caseNo = 'LA-2026-0007';
const store = useMigratedDatabase('legal_aid_documents');
const generateDocument = (req: Parameters<ReturnType<typeof createGenerateDocument>>[0]) => createGenerateDocument(store.db)(req);

const request = (kind: LegalAidDocumentKind, key = `legal-aid-${caseNo}:${kind}:v1`) =>
  ({ key, caseNo, kind, step: `make-${kind}`, data: legalAidData[kind] }) as GenerateDocumentRequest;

describe('the activity and the legal-aid documents', () => {
  it.each(LEGAL_AID_DOCUMENT_KINDS.map((k) => [k]))('%s: stored once per key with its hash, and reads back as its text', async (kind) => {
    const made = await generateDocument(request(kind));
    expect(made.version).toBe(1);
    expect(await generateDocument(request(kind))).toEqual(made); // a retry finds the row it stored
    const stored = (await readDocument(store.db, made.id))!;
    expect(stored).toMatchObject({ caseNo, kind, version: 1, title: made.title });
    expect(sha256Hex(stored.bytes)).toBe(made.sha256);
    expect(stored.bytes.includes('/FontFile')).toBe(true);
    expect(await pdfText(stored.bytes)).toContain(made.title);
  });

  it('fails for good, storing nothing, when the data cannot make a document', async () => {
    const data = { ...legalAidData['aid-enforcement-application'], recoveredFen: legalAidData['aid-enforcement-application'].awardedFen };
    const req: GenerateDocumentRequest = { key: `legal-aid-${caseNo}:bad`, caseNo, kind: 'aid-enforcement-application', step: 'make', data };
    const failure = await generateDocument(req).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: 'InvalidDocumentData', nonRetryable: true });
    expect(await store.db.selectFrom('documents').select('id').where('idempotency_key', '=', req.key).execute()).toHaveLength(0);
  });
});
