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

type CodeRow = { party_no: number; version: number };

/**
 * Checks a code under a lock on the phone's count for the draft, so that guesses sent at once are counted one after
 * another and never more than MAX_CODE_FAILURES of them are compared. The same answers whether or not the phone is
 * a party's: a stranger's phone gets 5 wrong tries too. A party's code of an earlier draft is told apart (it proves
 * the party) and not counted.
 */
export async function checkCode(db: Kysely<Database>, caseNo: string, version: number, phone: string, code: string): Promise<{ match?: CodeRow; stale?: CodeRow }> {
  const tries = await db.transaction().execute(async (trx) => {
    await trx.insertInto('agreement_code_tries').values({ case_no: caseNo, version, phone, failures: 0 })
      .onConflict((oc) => oc.columns(['case_no', 'version', 'phone']).doNothing()).execute();
    const count = await trx.selectFrom('agreement_code_tries').select('failures')
      .where('case_no', '=', caseNo).where('version', '=', version).where('phone', '=', phone).forUpdate().executeTakeFirstOrThrow();
    if (count.failures >= MAX_CODE_FAILURES) return null;
    const rows: CodeRow[] = version === 0 ? [] : await trx.selectFrom('agreement_codes').select(['party_no', 'version', 'code_hash'])
      .where('case_no', '=', caseNo).where('phone', '=', phone).where('version', '<=', version).execute()
      .then((all) => all.filter((r) => sameHash(r.code_hash, agreementCodeHash(caseNo, r.party_no, r.version, code))));
    if (rows.length === 0) {
      await trx.updateTable('agreement_code_tries').set({ failures: count.failures + 1, last_at: new Date() })
        .where('case_no', '=', caseNo).where('version', '=', version).where('phone', '=', phone).execute();
    }
    return rows;
  });
  if (tries === null) throw new HttpError(429, '确认码错误次数过多，请联系调解员重新发送确认码', 'TooManyTries');
  const current = tries.find((r) => r.version === version);
  return current ? { match: current } : tries.length > 0 ? { stale: tries.reduce((a, b) => (b.version > a.version ? b : a)) } : {};
}

export async function confirmByCode(db: Kysely<Database>, temporal: Client, caseNo: string, phone: string, code: string) {
  // Anyone may call this: until the phone and code match, it tells nothing about the case, not even that it exists or
  // whether a draft awaits confirmation. Only a party who proved their code hears where the case stands.
  const view = await caseView<MediationView>(temporal, caseNo, db).catch((err: unknown) => {
    if (err instanceof HttpError && err.statusCode === 404) return null;
    throw err;
  });
  const a = view?.agreement ?? null;
  // No such case, or no draft: counted like any wrong code (draft 0), so the 6th try is refused here too.
  const checked = await checkCode(db, caseNo, a?.version ?? 0, phone, code);
  if (checked.stale) throw new HttpError(409, `调解协议已修改（现为第${a!.version}稿），请使用最新短信中的确认码`, 'ActionNotAllowed');
  const match = checked.match;
  if (!match || !view || !a) throw wrong();
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
