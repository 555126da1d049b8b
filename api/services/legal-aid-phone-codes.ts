/**
 * The one-time code that opens a legal-aid case on the worker's phone. api/services/phone-codes.ts sends a tracking
 * code only to the phone a grievance was filed with (its case row's complainant phone); a legal-aid case has several
 * workers, each with a phone of their own, so here any worker party's phone (case_parties) may ask. The code is
 * stored and checked as phone-codes.ts stores and checks a 'track' code (its checkPhoneCode serves both), under the
 * same limits. A number and phone that do not belong together get a stand-in code that behaves as a real one (it
 * lives as long and a wrong guess is "wrong" rather than "expired"), so the answer says nothing either way.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { renderSms } from '../../activities/sms/render';
import { hashToken } from '../../activities/secrets/hash';
import { countPhoneCodes, insertPhoneCode, latestPhoneCodeAt } from '../../db/queries/worker-access';
import { HttpError } from '../errors';
import { securityConfig } from '../security/config';

/** as phone-codes.ts hashes a code, so that its checkPhoneCode reads this one */
const codeHash = (phone: string, code: string) => hashToken(`phone-code:${phone}:${code}`);
const tooMany = () => new HttpError(429, '尝试次数过多，请60分钟后再试', 'TOO_MANY_ATTEMPTS');

async function throttle(app: FastifyInstance, phone: string, client: string): Promise<void> {
  const c = securityConfig.codes;
  const last = await latestPhoneCodeAt(app.db, phone);
  if (last && Date.now() - last.getTime() < c.perPhoneIntervalMs) {
    const seconds = Math.ceil((c.perPhoneIntervalMs - (Date.now() - last.getTime())) / 1000);
    throw new HttpError(429, `验证码已发送，请${seconds}秒后再重新获取`, 'TOO_MANY_ATTEMPTS');
  }
  const hourAgo = new Date(Date.now() - securityConfig.HOUR);
  if ((await countPhoneCodes(app.db, { phone, since: hourAgo })) >= c.perPhonePerHour) throw tooMany();
  if ((await countPhoneCodes(app.db, { client, since: hourAgo })) >= c.perClientPerHour) throw tooMany();
}

/** Whether this phone is one of the legal-aid case's workers' (an unknown case or another kind's number is not). */
export async function isWorkerOfLegalAid(app: FastifyInstance, caseNo: string, phone: string): Promise<boolean> {
  const row = await app.db.selectFrom('case_parties').innerJoin('cases', 'cases.case_no', 'case_parties.case_no')
    .select('case_parties.party_no')
    .where('case_parties.case_no', '=', caseNo).where('cases.kind', '=', 'legal_aid')
    .where('case_parties.side', '=', 'worker').where('case_parties.phone', '=', phone)
    .executeTakeFirst();
  return row !== undefined;
}

export async function sendLegalAidCode(app: FastifyInstance, q: { caseNo: string; phone: string; client: string }): Promise<void> {
  await throttle(app, q.phone, q.client);
  const expiresAt = new Date(Date.now() + securityConfig.codes.ttlMs);
  if (!(await isWorkerOfLegalAid(app, q.caseNo, q.phone))) {
    await insertPhoneCode(app.db, { phone: q.phone, purpose: 'track', caseNo: q.caseNo, codeHash: hashToken(`stand-in:${randomUUID()}`), client: q.client, expiresAt });
    return;
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const minutes = Math.round(securityConfig.codes.ttlMs / 60_000);
  await insertPhoneCode(app.db, { phone: q.phone, purpose: 'track', caseNo: q.caseNo, codeHash: codeHash(q.phone, code), client: q.client, expiresAt });
  const key = `phone-code:${randomUUID()}`;
  // the outbox keeps the message with the code masked, so staff reading it cannot use it
  await app.db.insertInto('sms_outbox').values({
    idempotency_key: key, case_no: q.caseNo, template: 'phone-code', recipient_phone: q.phone, recipient_name: '职工', recipient_role: 'worker',
    body: renderSms('phone-code', { code: '******', minutes }), status: 'pending', attempts: 0, secret: 'phone-code',
  }).execute();
  try {
    await app.sms.deliver({ idempotencyKey: key, phone: q.phone, body: renderSms('phone-code', { code, minutes }) });
  } catch (err) {
    await app.db.updateTable('sms_outbox').set({ attempts: 1, last_error: String((err as Error).message).slice(0, 500), status: 'failed' })
      .where('idempotency_key', '=', key).execute();
    throw new HttpError(503, '验证码短信发送失败，请稍后再试', 'UNAVAILABLE');
  }
  await app.db.updateTable('sms_outbox').set({ attempts: 1, status: app.sms.name === 'outbox' ? 'stored' : 'sent', sent_at: new Date() })
    .where('idempotency_key', '=', key).execute();
}
