import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * The documents addressed to an institution, newest first, as its clerks' inbox lists them: read from the case's events
 * (each sending is recorded with the addressee), so the inbox works for every case kind and after the engine's
 * retention. `received` is the clerk's recorded confirmation.
 */
export async function documentsAddressedTo(db: Kysely<Database>, unitId: string, limit = 200) {
  return db.selectFrom('case_events as e')
    .innerJoin('documents as d', (j) => j.on(sql`d.id`, '=', sql`(e.data->>'documentId')::bigint`))
    .innerJoin('cases as c', 'c.case_no', 'e.case_no')
    .select(['d.id', 'd.case_no', 'd.kind', 'd.title', 'd.version', 'd.sha256', 'd.pages', 'd.created_at', 'd.sent_at', 'c.kind as case_kind', 'c.enterprise_name', 'c.worker_count', 'c.stage', 'c.status'])
    .select((eb) => eb.exists(eb.selectFrom('case_events as r').select('r.id')
      .where('r.case_no', '=', eb.ref('e.case_no')).where('r.type', '=', 'document_received')
      .where(sql`(r.data->>'documentId')::bigint`, '=', eb.ref('d.id'))).as('received'))
    .where('e.type', '=', 'document_generated').where(sql`e.data->>'addressedTo'`, '=', unitId)
    .orderBy('d.created_at', 'desc').limit(limit).execute();
}

/** One document, if it was addressed to this institution. */
export async function documentAddressedTo(db: Kysely<Database>, id: number, unitId: string) {
  return db.selectFrom('documents as d')
    .select(['d.id', 'd.case_no', 'd.kind', 'd.title', 'd.sha256'])
    .where('d.id', '=', id)
    .where((eb) => eb.exists(eb.selectFrom('case_events as e').select('e.id').where('e.case_no', '=', eb.ref('d.case_no'))
      .where('e.type', '=', 'document_generated').where(sql`e.data->>'addressedTo'`, '=', unitId)
      .where(sql`(e.data->>'documentId')::bigint`, '=', eb.ref('d.id'))))
    .executeTakeFirst();
}
