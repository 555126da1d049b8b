import type { Kysely, QueryCreator } from 'kysely';
import type { Database } from '../../db/schema';
import { agreementCodeHash, hashToken } from '../secrets/hash';
import { CODE_PLACEHOLDER, LINK_PLACEHOLDER, type WorkerLinks } from '../secrets/worker-link';
import type { SmsBatchResult, SmsRequest } from '../types';
import { SmsRejectedError, type SmsGateway } from './gateway';
import { outboxRows } from './outbox-rows';
import { heartbeatWhile } from '../shared/heartbeat-while';

function withSecret(p: { body: string; secret: string | null; case_no: string | null }, links?: WorkerLinks): string {
  if (!p.secret || !p.case_no) return p.body;
  if (!links) throw new Error('an SMS carries a secret, but no link secret is configured (GONGQING_KEYS_FILE)');
  if (p.secret === 'worker-link') return p.body.replace(LINK_PLACEHOLDER, links.urlFor(p.case_no));
  const [, party, version] = p.secret.split(':');
  return p.body.replace(CODE_PLACEHOLDER, links.agreementCode(p.case_no, Number(party), Number(version)));
}

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
    // The stored text is what goes out, also on a retry: the message a recipient gets is the one the outbox page shows.
    const pending = firstAttempt ? rows : await db.selectFrom('sms_outbox').select(['idempotency_key', 'recipient_phone', 'body', 'secret', 'case_no'])
      .where('idempotency_key', 'in', keys).where('status', 'not in', ['sent', 'stored', 'rejected']).execute();

    const results = await heartbeatWhile(Promise.allSettled(pending.map((p) => gateway.deliver({
      idempotencyKey: p.idempotency_key, phone: p.recipient_phone,
      body: withSecret(p, links),
    }))));
    const delivered = pending.filter((_, i) => results[i].status === 'fulfilled').map((p) => p.idempotency_key);
    if (delivered.length > 0) {
      await db.updateTable('sms_outbox')
        .set((eb) => ({ status: gateway.name === 'outbox' ? 'stored' : 'sent', attempts: eb('attempts', '+', 1), sent_at: new Date(), last_error: null }))
        .where('idempotency_key', 'in', delivered).execute();
    }
    const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [{ key: pending[i].idempotency_key, error: r.reason as Error }] : []));
    for (const f of failures) {
      await db.updateTable('sms_outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String(f.error?.message ?? f.error).slice(0, 500), ...(f.error instanceof SmsRejectedError ? { status: 'rejected' } : {}) }))
        .where('idempotency_key', '=', f.key).execute();
    }
    const transient = failures.find((f) => !(f.error instanceof SmsRejectedError));
    if (transient) throw transient.error;
    if (firstAttempt && failures.length === 0) return { rejected: [] };
    // Every refusal of this batch, also those of an earlier attempt whose result the workflow never saw.
    const rejected = await db.selectFrom('sms_outbox').select(['idempotency_key', 'recipient_role', 'recipient_name', 'last_error'])
      .where('idempotency_key', 'in', keys).where('status', '=', 'rejected').orderBy('id').execute();
    return { rejected: rejected.map((r) => ({ key: r.idempotency_key, role: r.recipient_role as never, name: r.recipient_name, reason: r.last_error ?? '号码被短信网关拒绝' })) };
  };
}
