import type { Kysely, QueryCreator } from 'kysely';
import type { Database } from '../../db/schema';
import { agreementCodeHash, hashToken } from '../secrets/hash';
import type { WorkerLinks } from '../secrets/worker-link';
import type { SmsBatchResult, SmsRequest } from '../types';
import type { SmsGateway } from './gateway';
import { createDeliverPending } from './deliver-pending';
import { outboxRows } from './outbox-rows';

/**
 * Sends a batch of SMS through the outbox, idempotent by each request's key: a row is created once (unique key), and a
 * row already sent is never sent again, so an activity retry or a replayed workflow cannot text anyone twice; the key
 * also travels to the gateway, so a send whose answer was lost is not repeated there either. The outbox is written
 * with one statement per step for the whole batch, not per message (bench/: per-message round trips dominated).
 *
 * A message refused for good (SmsRejectedError) is marked rejected and reported in the result, never retried. Any other
 * failure records its error and fails the batch, so the activity is retried for the messages still pending.
 * A secret in the text (the worker's personal link) is stored masked and filled in only on the way to the gateway.
 */
export function createSendSmsBatch(db: Kysely<Database>, gateway: SmsGateway, links?: WorkerLinks) {
  const deliverPending = createDeliverPending(db, gateway, links);
  return async function sendSmsBatch(reqs: SmsRequest[]): Promise<SmsBatchResult> {
    if (reqs.length === 0) return { rejected: [] };
    const keys = reqs.map((r) => r.key);
    // Kept, not sent (the outbox adapter): a message is stored as it is written, one statement fewer per batch (bench/).
    const kept = gateway.name === 'outbox';
    const rows = outboxRows(reqs, kept, links);
    const linked = [...new Set(reqs.filter((r) => r.secret === 'worker-link').map((r) => r.caseNo))];
    const coded = reqs.flatMap((r) => (r.secret && r.secret !== 'worker-link' ? [{ r, c: r.secret.agreementCode }] : []));
    if (linked.length > 0 && !links) throw new Error('an SMS carries a personal link, but no link secret is configured (GONGQING_KEYS_FILE)');
    if (coded.length > 0 && !links) throw new Error('an SMS carries an agreement code, but no link secret is configured (GONGQING_KEYS_FILE)');
    // The personal links and agreement codes the texts carry are written by the texts' own statement, as parts of it
    // that run whatever the outbox insert finds (bench/: a round trip each for every new case).
    let writer: QueryCreator<Database> = db;
    if (linked.length > 0) {
      writer = writer.with('links', (q) => q.insertInto('worker_links')
        .values(linked.map((caseNo) => ({ token_hash: hashToken(links!.tokenFor(caseNo)), case_no: caseNo })))
        .onConflict((oc) => oc.column('token_hash').doNothing()).returning('case_no')) as unknown as QueryCreator<Database>;
    }
    if (coded.length > 0) {
      writer = writer.with('codes', (q) => q.insertInto('agreement_codes').values(coded.map(({ r, c }) => ({
        case_no: r.caseNo, party_no: c.partyNo, version: c.version, phone: r.to.phone,
        code_hash: agreementCodeHash(r.caseNo, c.partyNo, c.version, links!.agreementCode(r.caseNo, c.partyNo, c.version)),
      }))).onConflict((oc) => oc.columns(['case_no', 'party_no', 'version']).doNothing()).returning('case_no')) as unknown as QueryCreator<Database>;
    }
    const inserted = await writer.insertInto('sms_outbox').values(rows)
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('idempotency_key').execute();
    // Every row new (a first attempt): all of them pending, as written, and none refused before. A retry reads the
    // outbox instead, which knows what an earlier attempt sent or had refused. (bench/: two statements fewer per batch.)
    const firstAttempt = inserted.length === rows.length;
    if (firstAttempt && kept) return { rejected: [] };
    const pending = firstAttempt ? rows : await db.selectFrom('sms_outbox').select(['idempotency_key', 'recipient_phone', 'body', 'secret', 'case_no'])
      .where('idempotency_key', 'in', keys).where('status', 'not in', ['sent', 'stored', 'rejected']).execute();

    return deliverPending(pending, keys, firstAttempt);
  };
}
