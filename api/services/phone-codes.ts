/**
 * One-time codes texted to a phone: the worker proves the phone is in their hand before filing from the public page,
 * and before opening a case without their personal link. 6 digits, short-lived, few tries, at most so many per phone
 * and per client address (api/security/config.ts). Only a hash of each code is stored; the outbox keeps the message
 * with the code masked, so staff reading it cannot use it.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { renderSms } from '../../activities/sms/render';
import { hashToken } from '../../activities/secrets/hash';
import { findCase } from '../../db/queries/cases';
import { consumePhoneCode, countPhoneCodes, insertPhoneCode, latestPhoneCodeAt } from '../../db/queries/worker-access';
import { badRequest, HttpError } from '../errors';
import { securityConfig } from '../security/config';

export type CodePurpose = 'file' | 'track';

const codeHash = (phone: string, code: string) => hashToken(`phone-code:${phone}:${code}`);
const tooMany = (minutes: number) => new HttpError(429, `尝试次数过多，请${Math.max(1, Math.ceil(minutes))}分钟后再试`, 'TOO_MANY_ATTEMPTS');

async function throttle(app: FastifyInstance, phone: string, client: string): Promise<void> {
  const c = securityConfig.codes;
  const last = await latestPhoneCodeAt(app.db, phone);
  if (last && Date.now() - last.getTime() < c.perPhoneIntervalMs) {
    const seconds = Math.ceil((c.perPhoneIntervalMs - (Date.now() - last.getTime())) / 1000);
    throw new HttpError(429, `验证码已发送，请${seconds}秒后再重新获取`, 'TOO_MANY_ATTEMPTS');
  }
  const hourAgo = new Date(Date.now() - securityConfig.HOUR);
  if ((await countPhoneCodes(app.db, { phone, since: hourAgo })) >= c.perPhonePerHour) throw tooMany(60);
  if ((await countPhoneCodes(app.db, { client, since: hourAgo })) >= c.perClientPerHour) throw tooMany(60);
}

/**
 * Texts a code. For 'track' the code goes out only when the case was filed with this phone, but the answer is the same
 * either way, so the form reveals nothing about which numbers and phones belong together.
 */
export async function sendPhoneCode(app: FastifyInstance, q: { phone: string; purpose: CodePurpose; caseNo?: string; client: string }): Promise<void> {
  await throttle(app, q.phone, q.client);
  if (q.purpose === 'track') {
    const row = q.caseNo ? await findCase(app.db, q.caseNo) : undefined;
    if (!row || row.complainant_phone !== q.phone) {
      // Counted like a real code, so probing pairs costs the same tries as using them.
      await insertPhoneCode(app.db, { phone: q.phone, purpose: 'track', caseNo: q.caseNo ?? null, codeHash: 'none', client: q.client, expiresAt: new Date(0) });
      return;
    }
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const minutes = Math.round(securityConfig.codes.ttlMs / 60_000);
  const caseNo = q.purpose === 'track' ? q.caseNo ?? null : null;
  await insertPhoneCode(app.db, { phone: q.phone, purpose: q.purpose, caseNo, codeHash: codeHash(q.phone, code), client: q.client, expiresAt: new Date(Date.now() + securityConfig.codes.ttlMs) });
  const key = `phone-code:${randomUUID()}`;
  await app.db.insertInto('sms_outbox').values({
    idempotency_key: key, case_no: caseNo, template: 'phone-code', recipient_phone: q.phone, recipient_name: '职工', recipient_role: 'worker',
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

/**
 * Checks a typed code; `consumer` identifies the submission (its idempotency key), so the same submission sent again
 * after a lost answer passes, while any other use of a spent code does not.
 */
export async function checkPhoneCode(app: FastifyInstance, q: { phone: string; purpose: CodePurpose; caseNo?: string; code: string; consumer: string }): Promise<void> {
  const result = await consumePhoneCode(app.db, {
    phone: q.phone, purpose: q.purpose, caseNo: q.purpose === 'track' ? q.caseNo ?? null : null,
    codeHash: codeHash(q.phone, q.code), consumer: q.consumer, maxAttempts: securityConfig.codes.maxAttempts,
  });
  if (result === 'wrong') throw badRequest('验证码不正确，请核对短信中的6位数字');
  if (result === 'expired') throw badRequest('验证码已失效，请重新获取');
}

/** Public filings in the last 24 hours from this phone or this client address, against the configured limits. */
export async function assertFilingAllowed(app: FastifyInstance, phone: string, client: string): Promise<void> {
  const since = new Date(Date.now() - 24 * securityConfig.HOUR);
  const f = securityConfig.filing;
  if ((await countPhoneCodes(app.db, { phone, since, consumedFor: 'file' })) >= f.perPhonePerDay
    || (await countPhoneCodes(app.db, { client, since, consumedFor: 'file' })) >= f.perClientPerDay) {
    throw new HttpError(429, '今天提交诉求的次数已达上限，请明天再试，或拨打工会热线', 'TOO_MANY_ATTEMPTS');
  }
}
