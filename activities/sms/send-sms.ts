import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SmsRequest } from '../types';
import type { SmsGateway } from './gateway';
import { renderSms } from './render';

/**
 * Idempotent by the request's key: the outbox row is created once (unique key), and a row already sent is never sent
 * again, so an activity retry or a replayed workflow cannot text anyone twice.
 */
export function createSendSms(db: Kysely<Database>, gateway: SmsGateway) {
  return async function sendSms(req: SmsRequest): Promise<void> {
    const body = renderSms(req.template, req.vars);
    await db
      .insertInto('sms_outbox')
      .values({
        idempotency_key: req.key, case_no: req.caseNo, template: req.template, recipient_phone: req.to.phone,
        recipient_name: req.to.name, recipient_role: req.to.role, body, status: 'pending', attempts: 0,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .execute();
    const row = await db.selectFrom('sms_outbox').select(['status']).where('idempotency_key', '=', req.key).executeTakeFirstOrThrow();
    if (row.status === 'sent' || row.status === 'stored') return;
    try {
      await gateway.deliver({ idempotencyKey: req.key, phone: req.to.phone, body });
    } catch (err) {
      await db.updateTable('sms_outbox')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: String((err as Error).message).slice(0, 500) }))
        .where('idempotency_key', '=', req.key).execute();
      throw err;
    }
    await db.updateTable('sms_outbox')
      .set((eb) => ({ status: gateway.name === 'outbox' ? 'stored' : 'sent', attempts: eb('attempts', '+', 1), sent_at: new Date(), last_error: null }))
      .where('idempotency_key', '=', req.key).execute();
  };
}
