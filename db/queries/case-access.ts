/** Grants of a case to people outside the union's line (case_access, migration 014), as the API asks about them. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Whether the case was assigned to this staff member by name (a lawyer for their client): they see it unmasked. */
export async function grantedByName(db: Kysely<Database>, caseNo: string, userId: number): Promise<boolean> {
  const row = await db.selectFrom('case_access').select('case_no')
    .where('case_no', '=', caseNo).where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}
