/** Who represented whom in which case (case_counsel): what a later case's conflict check looks for. */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { CounselFacts } from '../types';

export async function recordCounsel(trx: Transaction<Database>, caseNo: string, at: string, c: CounselFacts): Promise<void> {
  // One row per case, party and lawyer (a unique constraint): a retried transition records nothing twice.
  await trx.insertInto('case_counsel').values({
    case_no: caseNo, party_name: c.partyName, enterprise_id: c.enterpriseId, side: c.side, lawyer_name: c.lawyerName,
    firm: c.firm, lawyer_user_id: c.lawyerUserId, recorded_at: at,
  }).onConflict((oc) => oc.columns(['case_no', 'party_name', 'lawyer_name']).doNothing()).execute();
}
