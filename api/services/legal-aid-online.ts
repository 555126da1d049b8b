/**
 * A worker applies for legal aid online (DOMAIN §4; 法律援助法 Art. 40, an application may be made by the person
 * concerned): as the grievance's public filing does (public-filing.ts), the phone is proven by a one-time code texted
 * to it, filings are limited per phone and per client address, and the browser or client is then signed in to the new
 * case. The facts are checked first, so that a typo in an ID number does not use up the code. The centre of the
 * district the chosen street belongs to screens the application, as one its staff had registered.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { findStreet } from '../../db/queries/organisation';
import { validIdNumber } from '../../workflows/kinds/mediation/id-number';
import { badRequest } from '../errors';
import { MAX_CLAIM_FEN, type OnlineApplication } from '../schemas/legal-aid-online';
import { legalAidInputOf, startLegalAid } from './legal-aid-intake';
import { assertFilingAllowed, checkPhoneCode } from './phone-codes';
import { openWorkerSession } from './worker-sessions';

/** what the worker may not know of their employer: the centre completes it while screening */
export const UNKNOWN = '（待补充）';

/** The district whose centre takes an application from this street (a street of no district takes none). */
async function districtOfStreet(app: FastifyInstance, streetId: string): Promise<string> {
  const street = await findStreet(app.db, streetId);
  if (!street) throw badRequest('请选择您工作所在的街道');
  const district = street.parent_id
    ? await app.db.selectFrom('org_units').select('id').where('id', '=', street.parent_id).where('level', '=', 'district').executeTakeFirst()
    : undefined;
  if (!district) throw badRequest('所选街道暂不受理在线申请，请到区总工会法律援助工作站申请');
  return district.id;
}

export async function applyForLegalAidOnline(
  app: FastifyInstance, req: OnlineApplication, proof: { code?: string; client: string; existingToken?: string },
): Promise<{ caseNo: string; token: string; maxAgeSeconds: number }> {
  // The facts first: a wrong street, ID number or amount is said as such, and does not use up the code.
  const districtId = await districtOfStreet(app, req.streetId);
  if (!validIdNumber(req.idNumber)) throw badRequest('身份证号码不正确（出生日期或校验码不对），请核对后重新填写');
  if (!Number.isSafeInteger(req.claimedFen) || req.claimedFen < 0 || req.claimedFen > MAX_CLAIM_FEN) throw badRequest('请求金额应在0到1亿元之间，最多两位小数');
  const name = req.name.trim();
  const idempotencyKey = req.idempotencyKey ?? randomUUID();
  const input = await legalAidInputOf(app.db, {
    workers: [{ name, phone: req.phone, idNumber: req.idNumber, claimedFen: req.claimedFen }],
    debtors: [{ name: req.employerName, address: req.employerAddress?.trim() || UNKNOWN, representative: req.employerRepresentative?.trim() || UNKNOWN }],
    dispute: req.dispute, facts: req.facts, streetId: req.streetId,
    // The case number comes from the key; scoped by the phone, a key another applicant used opens their case to nobody.
    idempotencyKey: `online:${req.phone}:${idempotencyKey}`,
  }, { districtId, source: 'online', filedBy: { role: 'worker', name } });

  if (!proof.code) throw badRequest('请先获取并填写短信验证码');
  await assertFilingAllowed(app, req.phone, proof.client);
  await checkPhoneCode(app, { phone: req.phone, purpose: 'file', code: proof.code, consumer: `legal-aid:${idempotencyKey}` });
  const { caseNo } = await startLegalAid(app.db, app.temporal, input);
  const session = await openWorkerSession(app.db, caseNo, 'filing', proof.existingToken);
  return { caseNo, ...session };
}
