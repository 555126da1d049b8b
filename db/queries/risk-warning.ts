/** What the early warning's dashboard reads: colours, open follow-ups and complaints by month, within an area. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/** The area a viewer sees: a street chair their street; district roles the streets of their district. */
export interface RiskArea {
  districtId?: string;
  streetIds: string[];
}

export async function streetsOfArea(db: Kysely<Database>, scope: { districtId?: string; streetId?: string }) {
  let q = db.selectFrom('org_units').select(['id', 'name']).where('level', '=', 'street');
  if (scope.streetId) q = q.where('id', '=', scope.streetId);
  else q = q.where('parent_id', '=', scope.districtId ?? '');
  return q.orderBy('id').execute();
}

export async function coloursIn(db: Kysely<Database>, streetIds: string[]) {
  if (streetIds.length === 0) return [];
  return db.selectFrom('risk_colours as r')
    .innerJoin('org_units as s', 's.id', 'r.street_id')
    .leftJoin('enterprises as e', (j) => j.onRef('e.id', '=', 'r.unit_id').on('r.unit_type', '=', 'enterprise'))
    .select(['r.unit_type', 'r.unit_id', 'r.street_id', 's.name as street_name', 'e.name as enterprise_name', 'r.colour', 'r.complaints', 'r.computed_at', 'r.changed_at'])
    .where('r.street_id', 'in', streetIds)
    .execute();
}

export async function openFollowUpsIn(db: Kysely<Database>, streetIds: string[]) {
  if (streetIds.length === 0) return [];
  return db.selectFrom('risk_followups as f')
    .innerJoin('org_units as s', 's.id', 'f.street_id')
    .select(['f.followup_id', 'f.unit_type', 'f.unit_id', 'f.street_id', 's.name as street_name', 'f.colour', 'f.action', 'f.title', 'f.assignee_role',
      'f.department', 'f.changed_on', 'f.due_at', 'f.opened_at', 'f.escalation_level'])
    .where('f.street_id', 'in', streetIds).where('f.status', '=', 'open')
    .orderBy('f.due_at').execute();
}

export async function followUpById(db: Kysely<Database>, followupId: string) {
  return db.selectFrom('risk_followups').selectAll().where('followup_id', '=', followupId).executeTakeFirst();
}

/** Complaints (cases of every kind) per street and calendar month (Asia/Shanghai), from `since` on. */
export async function complaintsByMonth(db: Kysely<Database>, streetIds: string[], since: Date) {
  if (streetIds.length === 0) return [];
  const { rows } = await sql<{ street_id: string; month: string; complaints: number }>`
    select street_id, to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as complaints
      from cases where street_id in (${sql.join(streetIds)}) and created_at >= ${since}
     group by 1, 2`.execute(db);
  return rows;
}
