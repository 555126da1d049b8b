/** The worker's proofs: sessions opened by a personal link or a one-time code, the links themselves, and the codes. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

export async function insertWorkerSession(
  db: Kysely<Database>, row: { tokenHash: string; caseNo: string; via: 'link' | 'code' | 'filing'; expiresAt: Date },
): Promise<void> {
  await db.insertInto('worker_sessions')
    .values({ token_hash: row.tokenHash, case_no: row.caseNo, via: row.via, expires_at: row.expiresAt })
    .onConflict((oc) => oc.columns(['token_hash', 'case_no']).doUpdateSet({ expires_at: row.expiresAt })).execute();
}

/** The cases a worker token opens now. */
export async function casesOfWorkerSession(db: Kysely<Database>, tokenHash: string): Promise<string[]> {
  const rows = await db.selectFrom('worker_sessions').select('case_no')
    .where('token_hash', '=', tokenHash).where('expires_at', '>', new Date()).execute();
  return rows.map((r) => r.case_no);
}

export async function deleteWorkerSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('worker_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function caseOfWorkerLink(db: Kysely<Database>, tokenHash: string): Promise<string | undefined> {
  const row = await db.selectFrom('worker_links').select('case_no')
    .where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
  return row?.case_no;
}

export async function insertPhoneCode(
  db: Kysely<Database>, row: { phone: string; purpose: 'file' | 'track'; caseNo: string | null; codeHash: string; client: string; expiresAt: Date },
): Promise<number> {
  const r = await db.insertInto('phone_codes').values({
    phone: row.phone, purpose: row.purpose, case_no: row.caseNo, code_hash: row.codeHash, client: row.client, expires_at: row.expiresAt,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Codes asked for since `since`, by phone and by client address (what the per-phone and per-address limits count). */
export async function countPhoneCodes(db: Kysely<Database>, q: { phone?: string; client?: string; since: Date; consumedFor?: 'file' }) {
  let query = db.selectFrom('phone_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('created_at', '>', q.since);
  if (q.phone) query = query.where('phone', '=', q.phone);
  if (q.client) query = query.where('client', '=', q.client);
  // A code spent on a post on a 协商码 page (consumer 'wage-post:…') filed nothing: the wage posts have a cap of their own.
  if (q.consumedFor) query = query.where('purpose', '=', q.consumedFor).where('consumed_at', 'is not', null).where('consumed_by', 'not like', 'wage-post:%');
  const r = await query.executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function latestPhoneCodeAt(db: Kysely<Database>, phone: string): Promise<Date | undefined> {
  const r = await db.selectFrom('phone_codes').select('created_at').where('phone', '=', phone).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r?.created_at;
}

/**
 * Checks a typed code against the newest live code for this phone and purpose (and case), in one transaction: a wrong
 * code uses up a try; the right one is consumed by `consumer` (the submission's key), so a retry of the same submission
 * is recognised and a second submission is not.
 */
export async function consumePhoneCode(
  db: Kysely<Database>, q: { phone: string; purpose: 'file' | 'track'; caseNo: string | null; codeHash: string; consumer: string; maxAttempts: number },
): Promise<'ok' | 'again' | 'wrong' | 'expired'> {
  return db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('phone_codes').selectAll()
      .where('phone', '=', q.phone).where('purpose', '=', q.purpose).orderBy('id', 'desc').limit(1).forUpdate();
    query = q.caseNo ? query.where('case_no', '=', q.caseNo) : query.where('case_no', 'is', null);
    const code = await query.executeTakeFirst();
    if (!code) return 'expired';
    if (code.consumed_at) return code.consumed_by === q.consumer && code.code_hash === q.codeHash ? 'again' : 'expired';
    if (code.expires_at.getTime() <= Date.now() || code.attempts >= q.maxAttempts) return 'expired';
    if (code.code_hash !== q.codeHash) {
      await trx.updateTable('phone_codes').set({ attempts: sql`attempts + 1` }).where('id', '=', code.id).execute();
      return code.attempts + 1 >= q.maxAttempts ? 'expired' : 'wrong';
    }
    await trx.updateTable('phone_codes').set({ consumed_at: new Date(), consumed_by: q.consumer }).where('id', '=', code.id).execute();
    return 'ok';
  });
}
