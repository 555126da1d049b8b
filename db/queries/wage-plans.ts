/**
 * The city union's yearly wage-negotiation plan (wage_plans): rows by district and year for its page, the rows the
 * daily schedule opens, one row's facts for opening it at once, and writing rows (an opened row is not changed).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

/** A plan row with what its round starts from: the enterprise's union, street and district, and the district's HR unit. */
export interface PlanFacts {
  planId: number;
  year: number;
  plannedStart: string;
  enterpriseId: string;
  enterpriseName: string;
  unionUnitId: string;
  districtId: string;
  streetId: string;
  hrUnitId: string | null;
}

function planRows(db: Kysely<Database>) {
  return db.selectFrom('wage_plans as p')
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .innerJoin('org_units as s', 's.id', 'e.street_id')
    .leftJoin('institutions as hr', (j) => j.onRef('hr.district_id', '=', 's.parent_id').on('hr.kind', '=', 'hr_bureau'))
    .select(['p.id', 'p.year', sql<string>`to_char(p.planned_start, 'YYYY-MM-DD')`.as('planned_start'), 'e.id as enterprise_id',
      'e.name as enterprise_name', 'e.union_unit_id', 's.id as street_id', 's.parent_id as district_id', 'hr.unit_id as hr_unit_id']);
}

type PlanRow = Awaited<ReturnType<ReturnType<typeof planRows>['execute']>>[number];
const factsOf = (r: PlanRow): PlanFacts => ({
  planId: r.id, year: r.year, plannedStart: r.planned_start, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name,
  unionUnitId: r.union_unit_id ?? '', districtId: r.district_id ?? '', streetId: r.street_id, hrUnitId: r.hr_unit_id ?? null,
});

/** Not yet opened, starting on or before `until` (YYYY-MM-DD); enterprises without a union have nobody to run a round. */
export async function duePlans(db: Kysely<Database>, until: string): Promise<PlanFacts[]> {
  const rows = await planRows(db).where('p.case_no', 'is', null).where('p.planned_start', '<=', until)
    .where('e.union_unit_id', 'is not', null).orderBy('p.planned_start').orderBy('p.id').execute();
  return rows.map(factsOf);
}

export async function planFacts(db: Kysely<Database>, planId: number): Promise<(PlanFacts & { caseNo: string | null }) | undefined> {
  const row = await planRows(db).select('p.case_no').where('p.id', '=', planId).executeTakeFirst();
  return row && { ...factsOf(row), caseNo: row.case_no };
}

/** The district's plan for a year, with each row's street and, once opened, its round's stage. */
export async function listPlans(db: Kysely<Database>, q: { districtId: string; year: number }) {
  return db.selectFrom('wage_plans as p')
    .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
    .innerJoin('org_units as s', 's.id', 'e.street_id')
    .leftJoin('cases as c', 'c.case_no', 'p.case_no')
    .select(['p.id', 'p.year', sql<string>`to_char(p.planned_start, 'YYYY-MM-DD')`.as('planned_start'), 'p.note', 'p.case_no', 'p.opened_at',
      'e.id as enterprise_id', 'e.name as enterprise_name', 's.name as street_name', 'c.stage', 'c.status', 'c.outcome'])
    .where('s.parent_id', '=', q.districtId).where('p.year', '=', q.year)
    .orderBy('p.planned_start').orderBy('e.name').execute();
}

/** The district's enterprises, for the plan page's choices and for matching the rows of an uploaded list. */
export async function enterprisesOfDistrict(db: Kysely<Database>, districtId: string) {
  return db.selectFrom('enterprises as e').innerJoin('org_units as s', 's.id', 'e.street_id')
    .select(['e.id', 'e.name', 'e.union_unit_id', 's.name as street_name'])
    .where('s.parent_id', '=', districtId).orderBy('s.name').orderBy('e.name').execute();
}

export interface PlanWrite {
  enterpriseId: string;
  year: number;
  plannedStart: string;
  note: string;
}

/**
 * Adds or changes rows; a row already opened is left as it is and reported, since its round runs on the start it was
 * opened with. All of one call in the caller's transaction.
 */
export async function writePlans(trx: Transaction<Database>, rows: PlanWrite[], userId: number): Promise<{ written: number; opened: string[] }> {
  const opened: string[] = [];
  let written = 0;
  for (const r of rows) {
    const done = await trx.insertInto('wage_plans')
      .values({ enterprise_id: r.enterpriseId, year: r.year, planned_start: r.plannedStart, note: r.note, updated_by: userId })
      .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doUpdateSet({ planned_start: r.plannedStart, note: r.note, updated_by: userId, updated_at: sql`now()` })
        .where('wage_plans.case_no', 'is', null))
      .returning('id').executeTakeFirst();
    if (done) written += 1;
    else opened.push(r.enterpriseId);
  }
  return { written, opened };
}
