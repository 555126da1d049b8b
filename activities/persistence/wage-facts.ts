/**
 * A wage round's own rows, inside persistTransition's transaction. The round's row gets an unguessable public code
 * (the 协商码's address) when it is first written; offers and posts are keyed by their numbers, so a retried transition
 * writes nothing twice.
 */
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { WageFacts } from '../types';

export async function writeWageFacts(trx: Transaction<Database>, caseNo: string, at: string, w: WageFacts): Promise<void> {
  if (w.round) {
    await trx.insertInto('wage_rounds').values({
      case_no: caseNo, enterprise_id: w.round.enterpriseId, year: w.round.year, planned_start: w.round.plannedStart,
      public_code: randomBytes(12).toString('base64url'),
    }).onConflict((oc) => oc.column('case_no').doNothing()).execute();
    if (w.round.planId !== null) {
      await trx.updateTable('wage_plans').set({ case_no: caseNo, opened_at: at }).where('id', '=', w.round.planId).where('case_no', 'is', null).execute();
    }
  }
  const set: Record<string, unknown> = { ...(w.dates ?? {}) };
  if (w.agreementText !== undefined) set.agreement_text = w.agreementText;
  if (w.offer) set.offers = w.offer.offerNo;
  if (Object.keys(set).length > 0) await trx.updateTable('wage_rounds').set(set).where('case_no', '=', caseNo).execute();
  if (w.offer) {
    await trx.insertInto('wage_offers').values({
      case_no: caseNo, offer_no: w.offer.offerNo, side: w.offer.side, clauses: JSON.stringify(w.offer.clauses), note: w.offer.note, made_at: w.offer.madeAt,
    }).onConflict((oc) => oc.columns(['case_no', 'offer_no']).doNothing()).execute();
  }
  if (w.post) {
    await trx.insertInto('wage_posts').values({
      case_no: caseNo, post_no: w.post.postNo, kind: w.post.kind, text: w.post.text, phone_masked: w.post.phoneMasked, posted_at: w.post.postedAt,
    }).onConflict((oc) => oc.columns(['case_no', 'post_no']).doNothing()).execute();
  }
  if (w.removePost) {
    await trx.updateTable('wage_posts').set({ removed_at: at, removed_by: w.removePost.by, removed_reason: w.removePost.reason })
      .where('case_no', '=', caseNo).where('post_no', '=', w.removePost.postNo).where('removed_at', 'is', null).execute();
  }
}
