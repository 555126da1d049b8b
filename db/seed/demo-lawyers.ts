/**
 * The demo's legal-aid lawyers (DOMAIN §4): their firms and addresses, what they declared, and one earlier case's
 * counsel, so that assigning 何律师 against 杭州城建建筑工程有限公司 shows a conflict (their firm, 浙江钱塘律师事务所,
 * represented that company in the demo's station mediation). Names and addresses are made up.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

export const DEMO_LAWYER_PROFILES = [
  { username: 'xihu.ls', firm: '浙江之江律师事务所', email: 'wu@zhijiang-law.example' },
  { username: 'xihu.ls2', firm: '浙江钱塘律师事务所', email: 'he@qiantang-law.example' },
];

export const DEMO_DECLARATIONS = [
  { username: 'xihu.ls2', kind: 'relative' as const, name: '何建国', enterprise_id: null, relation: '父亲' },
];

/** The employer's counsel in the demo's station mediation (its case number is known once the mediation is opened). */
export const DEMO_COUNSEL = {
  party_name: '杭州城建建筑工程有限公司', enterprise_id: 'e-jianzhu', side: 'employer' as const,
  lawyer_name: '孙志远', firm: '浙江钱塘律师事务所', lawyer_user_id: null,
};

/** Profiles and declarations of the demo lawyers; existing rows (and what a lawyer changed since) are kept. */
export async function seedDemoLawyers(trx: Transaction<Database>): Promise<void> {
  const ids = new Map((await trx.selectFrom('staff_users').select(['id', 'username']).execute()).map((r) => [r.username, r.id]));
  for (const p of DEMO_LAWYER_PROFILES) {
    const userId = ids.get(p.username);
    if (userId === undefined) continue;
    await trx.insertInto('lawyer_profiles').values({ user_id: userId, firm: p.firm, email: p.email })
      .onConflict((oc) => oc.column('user_id').doNothing()).execute();
  }
  for (const { username, ...d } of DEMO_DECLARATIONS) {
    const userId = ids.get(username);
    if (userId === undefined) continue;
    await trx.insertInto('lawyer_declarations').values({ user_id: userId, ...d })
      .onConflict((oc) => oc.columns(['user_id', 'kind', 'name']).doNothing()).execute();
  }
}

/** Records the demo mediation's employer counsel (scripts/demo-cases.ts, once that case exists); re-runs add nothing. */
export async function seedDemoCounsel(db: Kysely<Database>, caseNo: string): Promise<void> {
  await db.insertInto('case_counsel').values({ case_no: caseNo, ...DEMO_COUNSEL, recorded_at: new Date() })
    .onConflict((oc) => oc.columns(['case_no', 'party_name', 'lawyer_name']).doNothing()).execute();
}
