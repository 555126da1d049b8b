import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SmsRequest } from '../types';
import type { SmsGateway } from './gateway';
import { renderSms } from './render';

/**
 * Sends a batch of SMS through the outbox, idempotent by each request's key: a row is created once (unique key), and a
 * row already sent is never sent again, so an activity retry or a replayed workflow cannot text anyone twice. The
 * outbox is written with one statement per step for the whole batch, not per message: the intake fan-out sends six
 * messages per case, and per-message round trips were most of the worker's and Postgres's work in bench/.
 *
 * Every pending message is attempted; if any failed, its row records the error and the batch throws, so the activity
 * is retried and only the messages still pending are attempted again.
 */
export function createSendSmsBatch(db: Kysely<Database>, gateway: SmsGateway) {
  return async function sendSmsBatch(reqs: SmsRequest[]): Promise<void> {
    if (reqs.length === 0) return;
    await db
      .insertInto('sms_outbox')
      .values(reqs.map((req) => ({
        idempotency_key: req.key, case_no: req.caseNo, template: req.template, recipient_phone: req.to.phone,
        recipient_name: req.to.name, recipient_role: req.to.role, body: renderSms(req.template, req.vars), status: 'pending', attempts: 0,
      })))
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute();
    // The stored text is what goes out, also on a retry: the message a recipient gets is the one the outbox page shows.
    const pending = await db.selectFrom('sms_outbox').select(['idempotency_key', 'recipient_phone', 'body'])
      .where('idempotency_key', 'in', reqs.map((r) => r.key)).where('status', 'not in', ['sent', 'stored']).execute();
    if (pending.length === 0) return;

    const results = await Promise.allSettled(pending.map((p) => gateway.deliver({ idempotencyKey: p.idempotency_key, phone: p.recipient_phone, body: p.body })));
    const delivered = pending.filter((_, i) => results[i].status === 'fulfilled').map((p) => p.idempotency_key);
    if (delivered.length > 0) {
      await db.updateTable('sms_outbox')
        .set((eb) => ({ status: gateway.name === 'outbox' ? 'stored' : 'sent', attempts: eb('attempts', '+', 1), sent_at: new Date(), last_error: null }))
        .where('idempotency_key', 'in', delivered).execute();
    }
    const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [{ key: pending[i].idempotency_key, error: r.reason as Error }] : []));
    for (const f of failures) {
      await db.updateTable('sms_outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String(f.error?.message ?? f.error).slice(0, 500) }))
        .where('idempotency_key', '=', f.key).execute();
    }
    if (failures.length > 0) throw failures[0].error;
  };
}
