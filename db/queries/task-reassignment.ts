/**
 * What a reassignment of open tasks reads (issue 23): the colleagues a supervisor may give tasks to, and the cases on
 * which a person holds open tasks (by name, or in their role's pool in their unit). Both within the supervisor's area.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { visibleTo, type Viewer } from './cases';

export interface StaffMember { id: number; name: string; role: string; unitId: string; unitName: string; active: boolean }

/**
 * The staff a supervisor may move tasks between: a district's staff, everyone of these roles in the district and its
 * streets and institutions; a street chair, their street's caseworkers.
 */
export async function reassignableStaff(db: Kysely<Database>, v: Viewer, roles: readonly string[], opts: { activeOnly?: boolean; id?: number } = {}): Promise<StaffMember[]> {
  const chair = v.role === 'street_chair';
  return db.selectFrom('staff_users').innerJoin('org_units', 'org_units.id', 'staff_users.org_unit_id')
    .select(['staff_users.id', 'staff_users.display_name as name', 'staff_users.role', 'staff_users.org_unit_id as unitId', 'org_units.name as unitName', 'staff_users.active'])
    .where('staff_users.role', 'in', chair ? ['street_caseworker'] : [...roles])
    .where((eb) => (chair
      ? eb('staff_users.org_unit_id', '=', v.unitId)
      : eb.or([eb('staff_users.org_unit_id', '=', v.unitId), eb('org_units.parent_id', '=', v.unitId)])))
    .$if(opts.activeOnly === true, (q) => q.where('staff_users.active', '=', true))
    .$if(opts.id !== undefined, (q) => q.where('staff_users.id', '=', opts.id!))
    .orderBy('staff_users.org_unit_id').orderBy('staff_users.role').orderBy('staff_users.id')
    .execute();
}

/** The open cases, among those the viewer sees, on which this person holds an open task by name or in their pool. */
export async function casesWithTasksOf(db: Kysely<Database>, v: Viewer, p: { id: number; role: string; unitId: string }, limit: number): Promise<string[]> {
  const rows = await db.selectFrom('tasks').innerJoin('cases', 'cases.case_no', 'tasks.case_no')
    .select('tasks.case_no').distinct()
    .where('tasks.status', '=', 'open').where('cases.status', '=', 'open').where(visibleTo(v))
    .where((eb) => eb.or([
      eb('tasks.assignee_user_id', '=', p.id),
      eb.and([eb('tasks.assignee_user_id', 'is', null), eb('tasks.department', 'is', null), eb('tasks.assignee_role', '=', p.role), eb('tasks.org_unit_id', '=', p.unitId)]),
    ]))
    .orderBy('tasks.case_no').limit(limit).execute();
  return rows.map((r) => r.case_no);
}

/** Which of these case numbers the viewer sees. */
export async function visibleCaseNos(db: Kysely<Database>, v: Viewer, caseNos: readonly string[]): Promise<Set<string>> {
  if (caseNos.length === 0) return new Set();
  const rows = await db.selectFrom('cases').select('cases.case_no').where('cases.case_no', 'in', [...caseNos]).where(visibleTo(v)).execute();
  return new Set(rows.map((r) => r.case_no));
}
