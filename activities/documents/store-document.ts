/**
 * The activity that makes a legal document and keeps it (DESIGN: activities are idempotent). The request's key is
 * stored with a unique constraint: a retried activity finds its row and returns it (the same bytes, not re-rendered).
 * A new key for a case and kind that already has documents is a regeneration: it gets the next version as a new row,
 * so a document once sent is never touched (migration 007's trigger refuses changing a sent row's bytes or hash).
 */
import { ApplicationFailure } from '@temporalio/common';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { DocumentDataError } from './document-figures';
import { renderDocument } from './render-document';
import type { GeneratedDocument, GenerateDocumentRequest } from './types';

const RESULT_COLUMNS = ['id', 'version', 'sha256', 'pages', 'title'] as const;

function findByKey(db: Kysely<Database>, key: string): Promise<GeneratedDocument | undefined> {
  return db.selectFrom('documents').select(RESULT_COLUMNS).where('idempotency_key', '=', key).executeTakeFirst();
}

async function render(req: GenerateDocumentRequest) {
  try {
    return await renderDocument(req.kind, req.caseNo, req.data as never);
  } catch (e) {
    // Bad data prints the same mistake on every attempt: fail for good, with the reason for whoever reads the history.
    if (e instanceof DocumentDataError) throw ApplicationFailure.create({ type: 'InvalidDocumentData', message: e.message, nonRetryable: true });
    throw e;
  }
}

export function createGenerateDocument(db: Kysely<Database>) {
  return async function generateDocument(req: GenerateDocumentRequest): Promise<GeneratedDocument> {
    const stored = await findByKey(db, req.key);
    if (stored) return stored;
    const doc = await render(req);
    return db.transaction().execute(async (trx) => {
      // One writer per case and kind at a time, so that the next version is read and taken under the same lock; a
      // concurrent attempt with the same key waits here and then finds the row the first one stored.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`documents:${req.caseNo}:${req.kind}`}, 0))`.execute(trx);
      const again = await findByKey(trx, req.key);
      if (again) return again;
      const latest = await trx.selectFrom('documents').select((eb) => eb.fn.max('version').as('version'))
        .where('case_no', '=', req.caseNo).where('kind', '=', req.kind).executeTakeFirst();
      return trx.insertInto('documents')
        .values({
          idempotency_key: req.key, case_no: req.caseNo, kind: req.kind, version: (latest?.version ?? 0) + 1, step: req.step,
          title: doc.title, sha256: doc.sha256, bytes: doc.bytes, pages: doc.pages, sent_at: null,
        })
        .returning(RESULT_COLUMNS)
        .executeTakeFirstOrThrow();
    });
  };
}
