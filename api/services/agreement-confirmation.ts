/**
 * A party of a mediation confirms the drafted agreement with the code texted to their phone (issue 16): the code is
 * checked here against its hash (written as it was sent), wrong tries are counted per phone and draft, and a match
 * becomes the workflow command `confirmAgreement`, recorded as the party's own act.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { agreementCodeHash } from '../../activities/secrets/hash';
import type { Database } from '../../db/schema';
import type { MediationView } from '../../workflows/kinds/mediation/model';
import { HttpError } from '../errors';
import { actOnCase, caseView } from './cases';

/** Wrong codes one phone may enter for one draft before the mediator must send the party's code again (resendCode). */
export const MAX_CODE_FAILURES = 5;

const wrong = () => new HttpError(400, '手机号码或确认码不正确', 'InvalidCode');

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** What a party sees before confirming: their share and the plan (nothing about the other workers). */
export function agreementForParty(view: MediationView, partyNo: number) {
  const a = view.agreement!;
  const isEmployer = partyNo === view.employer.partyNo;
  const share = isEmployer ? a.totalFen : a.terms.find((t) => t.partyNo === partyNo)?.amountFen ?? 0;
  return { version: a.version, employer: view.employer.name, isEmployer, workerCount: view.workers.length, shareFen: share, totalFen: a.totalFen, payment: a.payment, paymentMethod: a.paymentMethod };
}

export async function confirmByCode(db: Kysely<Database>, temporal: Client, caseNo: string, phone: string, code: string) {
  // Anyone may call this: until the phone and code match, it tells nothing about the case, not even that it exists or
  // whether a draft awaits confirmation. Only a party who proved their code hears where the case stands.
  const view = await caseView<MediationView>(temporal, caseNo, db).catch((err: unknown) => {
    throw err instanceof HttpError && err.statusCode === 404 ? wrong() : err;
  });
  const a = view.agreement;
  if (!a) throw wrong();
  // The same answers whether or not the phone is a party's: a stranger's phone gets 5 wrong tries too.
  const tries = await db.selectFrom('agreement_code_tries').select('failures')
    .where('case_no', '=', caseNo).where('version', '=', a.version).where('phone', '=', phone).executeTakeFirst();
  if ((tries?.failures ?? 0) >= MAX_CODE_FAILURES) throw new HttpError(429, '确认码错误次数过多，请联系调解员重新发送确认码', 'TooManyTries');
  const rows = await db.selectFrom('agreement_codes').selectAll()
    .where('case_no', '=', caseNo).where('version', '=', a.version).where('phone', '=', phone).execute();
  const match = rows.find((r) => sameHash(r.code_hash, agreementCodeHash(caseNo, r.party_no, r.version, code)));
  if (!match) {
    await db.insertInto('agreement_code_tries').values({ case_no: caseNo, version: a.version, phone, failures: 1 })
      .onConflict((oc) => oc.columns(['case_no', 'version', 'phone']).doUpdateSet((eb) => ({ failures: eb('agreement_code_tries.failures', '+', 1), last_at: new Date() })))
      .execute();
    throw wrong();
  }
  const isEmployer = match.party_no === view.employer.partyNo;
  const name = isEmployer ? view.employer.representative.name : view.workers.find((w) => w.partyNo === match.party_no)?.name ?? '';
  if (a.confirmedBy.includes(match.party_no)) return { confirmed: true, already: true, party: agreementForParty(view, match.party_no), remaining: view.workers.length + 1 - a.confirmedBy.length };
  if (view.stage !== 'confirming') throw new HttpError(409, '本案当前没有待确认的调解协议', 'ActionNotAllowed');
  const after = await actOnCase<MediationView>(temporal, caseNo, {
    action: 'confirmAgreement', actor: { role: isEmployer ? 'employer' : 'worker', name }, payload: { partyNo: match.party_no, version: a.version },
  }, `confirm-${match.party_no}-${a.version}`);
  await db.updateTable('agreement_codes').set({ used_at: new Date() })
    .where('case_no', '=', caseNo).where('party_no', '=', match.party_no).where('version', '=', a.version).execute();
  const remaining = after.agreement ? after.workers.length + 1 - after.agreement.confirmedBy.length : 0;
  return { confirmed: true, already: false, party: agreementForParty(view, match.party_no), remaining };
}
