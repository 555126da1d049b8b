import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../schema';

/** Who reads an inbox: documents addressed to their unit, and those addressed to them by name. */
export interface DocumentReader {
  unitId: string;
  userId: number;
}

/**
 * The `document_generated` event that addressed a document to this reader: to them by name (addressedUserId), while
 * the case is still theirs (a lawyer replaced by another loses the grant, and with it the letter), or to their unit
 * when it names no person. A document addressed to one person is theirs alone, not their colleagues'.
 */
function addressedToReader(eb: ExpressionBuilder<Database & { e: Database['case_events'] }, 'e'>, r: DocumentReader) {
  return eb.and([
    eb('e.type', '=', 'document_generated'),
    eb.or([
      eb.and([eb(sql`e.data->>'addressedUserId'`, '=', String(r.userId)), eb.exists(eb.selectFrom('case_access as a').select('a.case_no')
        .where('a.case_no', '=', eb.ref('e.case_no')).where('a.user_id', '=', r.userId))]),
      eb.and([eb(sql`e.data->>'addressedTo'`, '=', r.unitId), eb(sql`e.data->>'addressedUserId'`, 'is', null)]),
    ]),
  ]);
}

/**
 * The documents addressed to a reader, newest first, as the inbox lists them: read from the case's events (each
 * sending is recorded with the addressee), so the inbox works for every case kind and after the engine's retention.
 * `received` is the clerk's recorded confirmation.
 */
export async function documentsAddressedTo(db: Kysely<Database>, reader: DocumentReader, limit = 200) {
  return db.selectFrom('case_events as e')
    .innerJoin('documents as d', (j) => j.on(sql`d.id`, '=', sql`(e.data->>'documentId')::bigint`))
    .innerJoin('cases as c', 'c.case_no', 'e.case_no')
    .select(['d.id', 'd.case_no', 'd.kind', 'd.title', 'd.version', 'd.sha256', 'd.pages', 'd.created_at', 'd.sent_at', 'c.kind as case_kind', 'c.enterprise_name', 'c.worker_count', 'c.stage', 'c.status'])
    .select((eb) => eb.exists(eb.selectFrom('case_events as r').select('r.id')
      .where('r.case_no', '=', eb.ref('e.case_no')).where('r.type', '=', 'document_received')
      .where(sql`(r.data->>'documentId')::bigint`, '=', eb.ref('d.id'))).as('received'))
    .where((eb) => addressedToReader(eb, reader))
    .orderBy('d.created_at', 'desc').limit(limit).execute();
}

/** One document, if it was addressed to this reader. */
export async function documentAddressedTo(db: Kysely<Database>, id: number, reader: DocumentReader) {
  return db.selectFrom('documents as d')
    .select(['d.id', 'd.case_no', 'd.kind', 'd.title', 'd.sha256'])
    .where('d.id', '=', id)
    .where((eb) => eb.exists(eb.selectFrom('case_events as e').select('e.id').where('e.case_no', '=', eb.ref('d.case_no'))
      .where((e) => addressedToReader(e, reader))
      .where(sql`(e.data->>'documentId')::bigint`, '=', eb.ref('d.id'))))
    .executeTakeFirst();
}
