import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** A case's parties as the last transition stored them (the employer and each worker), in party order. */
export async function partiesOfCase(db: Kysely<Database>, caseNo: string) {
  return db.selectFrom('case_parties').select(['party_no', 'side', 'name', 'phone', 'id_number', 'enterprise_id', 'claimed_fen'])
    .where('case_no', '=', caseNo).orderBy('party_no').execute();
}
