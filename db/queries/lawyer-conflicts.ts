import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** A lawyer as the conflict check knows them: by id, by the name counsel rows carry, and by firm. */
export async function lawyerForConflicts(db: Kysely<Database>, userId: number) {
  return db.selectFrom('staff_users as s').leftJoin('lawyer_profiles as p', 'p.user_id', 's.id')
    .select(['s.id', 's.display_name', 'p.firm']).where('s.id', '=', userId).executeTakeFirst();
}

export async function declarationsOf(db: Kysely<Database>, userId: number) {
  return db.selectFrom('lawyer_declarations').select(['id', 'kind', 'name', 'enterprise_id', 'relation'])
    .where('user_id', '=', userId).orderBy('id').execute();
}

/**
 * Counsel rows of other cases where this lawyer (by id or name) or a lawyer of their firm represented a party named
 * here (an employer by enterprise or name, or anyone by name), or represented the employer in a case where a worker
 * named here was a party. The caller decides which of these is a conflict.
 */
export async function counselOfOtherCases(db: Kysely<Database>, q: {
  caseNo: string; userId: number; lawyerName: string; firm: string | null; enterpriseIds: string[]; partyNames: string[]; workerNames: string[];
}) {
  if (q.partyNames.length === 0 && q.enterpriseIds.length === 0 && q.workerNames.length === 0) return [];
  return db.selectFrom('case_counsel as cc')
    .select(['cc.case_no', 'cc.party_name', 'cc.enterprise_id', 'cc.side', 'cc.lawyer_name', 'cc.firm', 'cc.lawyer_user_id'])
    .where('cc.case_no', '<>', q.caseNo)
    .where((eb) => eb.or([
      eb('cc.lawyer_user_id', '=', q.userId),
      eb('cc.lawyer_name', '=', q.lawyerName),
      ...(q.firm ? [eb('cc.firm', '=', q.firm)] : []),
    ]))
    .where((eb) => eb.or([
      ...(q.enterpriseIds.length ? [eb('cc.enterprise_id', 'in', q.enterpriseIds)] : []),
      ...(q.partyNames.length ? [eb('cc.party_name', 'in', q.partyNames)] : []),
      ...(q.workerNames.length ? [eb.and([eb('cc.side', '=', 'employer'), eb.exists(eb.selectFrom('case_parties as p').select('p.id')
        .where('p.case_no', '=', eb.ref('cc.case_no')).where('p.side', '=', 'worker').where('p.name', 'in', q.workerNames))])] : []),
    ]))
    .orderBy('cc.case_no').orderBy('cc.id').execute();
}

/** Which of these workers were workers' parties of these cases: each case's names, for the detail of a conflict. */
export async function workersOfCases(db: Kysely<Database>, caseNos: string[], workerNames: string[]) {
  if (caseNos.length === 0 || workerNames.length === 0) return [];
  return db.selectFrom('case_parties').select(['case_no', 'name']).where('case_no', 'in', caseNos).where('side', '=', 'worker')
    .where('name', 'in', workerNames).orderBy('case_no').orderBy('party_no').execute();
}
