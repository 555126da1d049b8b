import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { heartbeatWhile } from '../shared/heartbeat-while';
import { CODE_PLACEHOLDER, LINK_PLACEHOLDER, type WorkerLinks } from '../secrets/worker-link';
import type { SmsBatchResult } from '../types';
import { SmsRejectedError, type SmsGateway } from './gateway';

/** A text in the outbox waiting for the gateway, as stored (a secret masked). */
export interface PendingText {
  idempotency_key: string;
  recipient_phone: string;
  body: string;
  secret: string | null;
  case_no: string | null;
}

function withSecret(p: PendingText, links?: WorkerLinks): string {
  if (!p.secret || !p.case_no) return p.body;
  if (!links) throw new Error('an SMS carries a secret, but no link secret is configured (GONGQING_KEYS_FILE)');
  if (p.secret === 'worker-link') return p.body.replace(LINK_PLACEHOLDER, links.urlFor(p.case_no));
  const [, party, version] = p.secret.split(':');
  return p.body.replace(CODE_PLACEHOLDER, links.agreementCode(p.case_no, Number(party), Number(version)));
}

/**
 * Hands the pending texts of a batch (`keys`) to the gateway and records each answer. The stored text is what goes out,
 * also on a retry: the message a recipient gets is the one the outbox page shows. A message refused for good
 * (SmsRejectedError) is marked rejected and reported, never retried; any other failure records its error and fails the
 * batch, so the activity is retried for the messages still pending. `firstAttempt`: every text of the batch was written
 * just now, so none was refused before (a statement fewer when none is refused now).
 */
export function createDeliverPending(db: Kysely<Database>, gateway: SmsGateway, links?: WorkerLinks) {
  return async function deliverPending(pending: PendingText[], keys: string[], firstAttempt: boolean): Promise<SmsBatchResult> {
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
