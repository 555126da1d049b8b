/** Who outside the union's line may see a case (case_access): a role in a unit, or one person by name. */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { AccessGrant } from '../types';

export async function grantAccess(trx: Transaction<Database>, caseNo: string, at: string, g: AccessGrant): Promise<void> {
  const row = { case_no: caseNo, unit_id: g.unitId, role: g.role, reason: g.reason, granted_at: at };
  // Each sort of grant has its own unique index (migration 014); the first grant stands.
  if (g.userId === undefined) {
    await trx.insertInto('case_access').values({ ...row, user_id: null })
      .onConflict((oc) => oc.columns(['case_no', 'unit_id', 'role']).where('user_id', 'is', null).doNothing()).execute();
  } else {
    await trx.insertInto('case_access').values({ ...row, user_id: g.userId })
      .onConflict((oc) => oc.columns(['case_no', 'user_id']).where('user_id', 'is not', null).doNothing()).execute();
  }
}

/** A person's own grant on the case ends (a lawyer replaced by another); grants to their unit and role stay. */
export async function revokeAccess(trx: Transaction<Database>, caseNo: string, userId: number): Promise<void> {
  await trx.deleteFrom('case_access').where('case_no', '=', caseNo).where('user_id', '=', userId).execute();
}
