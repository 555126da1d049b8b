/**
 * What the 协商码 page reads of a wage round: the round found by its public code (with its case row's stage), its
 * offers, its workers' posts; and how many posts a phone has made lately (the per-phone cap of api/services/wage-code).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** The prefix of the consumer key a post spends its one-time code under (phone_codes.consumed_by). */
export const WAGE_POST_CONSUMER = 'wage-post:';

export async function findRoundByCode(db: Kysely<Database>, code: string) {
  return db.selectFrom('wage_rounds').innerJoin('cases', 'cases.case_no', 'wage_rounds.case_no')
    .select([
      'wage_rounds.case_no', 'wage_rounds.year', 'wage_rounds.public_code', 'wage_rounds.published_at', 'wage_rounds.effective_at',
      'wage_rounds.agreement_text', 'cases.enterprise_name', 'cases.stage', 'cases.status', 'cases.outcome',
    ])
    .where('wage_rounds.public_code', '=', code).executeTakeFirst();
}

export async function findRoundByCase(db: Kysely<Database>, caseNo: string) {
  return db.selectFrom('wage_rounds').select(['case_no', 'year', 'public_code']).where('case_no', '=', caseNo).executeTakeFirst();
}

export async function offersOfRound(db: Kysely<Database>, caseNo: string) {
  return db.selectFrom('wage_offers').select(['offer_no', 'side', 'clauses', 'note', 'made_at'])
    .where('case_no', '=', caseNo).orderBy('offer_no').execute();
}

/** The posts of a round in order; removed ones only when asked (the staff page shows what moderation did). */
export async function postsOfRound(db: Kysely<Database>, caseNo: string, { removed = false } = {}) {
  let q = db.selectFrom('wage_posts').select(['post_no', 'kind', 'text', 'phone_masked', 'posted_at', 'removed_at', 'removed_by', 'removed_reason'])
    .where('case_no', '=', caseNo);
  if (!removed) q = q.where('removed_at', 'is', null);
  return q.orderBy('post_no').execute();
}

/**
 * Posts this phone made since `since`, in any round: each post spends a code of its own under a consumer key of
 * WAGE_POST_CONSUMER, and phone_codes keeps the phone itself where wage_posts keeps only the masked one.
 */
export async function postsByPhoneSince(db: Kysely<Database>, phone: string, since: Date): Promise<number> {
  const r = await db.selectFrom('phone_codes').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('phone', '=', phone).where('consumed_at', '>', since).where('consumed_by', 'like', `${WAGE_POST_CONSUMER}%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
