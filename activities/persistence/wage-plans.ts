/**
 * The plan rows the daily schedule opens (workflows/wage-plan-opener.ts): not yet opened, starting within so many days
 * (or already past: a row added late opens at once, and its round goes straight to supervision). With each, what its
 * round starts from: the enterprise's union, street and district, and the district's HR & social security unit.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { defaultWageNegotiationPolicy } from '../../temporal.config';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import type { DueWagePlan } from '../types';

export function createWagePlanLookup(db: Kysely<Database>) {
  return {
    async dueWagePlans({ today, aheadDays }: { today: string; aheadDays: number }) {
      const until = shanghaiDate(Date.parse(today) + aheadDays * 86_400_000);
      const rows = await db.selectFrom('wage_plans as p')
        .innerJoin('enterprises as e', 'e.id', 'p.enterprise_id')
        .innerJoin('org_units as s', 's.id', 'e.street_id')
        .leftJoin('institutions as hr', (j) => j.onRef('hr.district_id', '=', 's.parent_id').on('hr.kind', '=', 'hr_bureau'))
        .select(['p.id', 'p.year', sql<string>`to_char(p.planned_start, 'YYYY-MM-DD')`.as('planned_start'), 'e.id as enterprise_id', 'e.name as enterprise_name',
          'e.union_unit_id', 's.id as street_id', 's.parent_id as district_id', 'hr.unit_id as hr_unit_id'])
        .where('p.case_no', 'is', null).where('p.planned_start', '<=', until).where('e.union_unit_id', 'is not', null)
        .orderBy('p.planned_start').orderBy('p.id')
        .execute();
      const plans: DueWagePlan[] = rows.map((r) => ({
        planId: r.id, year: r.year, plannedStart: r.planned_start, enterpriseId: r.enterprise_id, enterpriseName: r.enterprise_name,
        unionUnitId: r.union_unit_id!, districtId: r.district_id ?? '', streetId: r.street_id, hrUnitId: r.hr_unit_id ?? null,
      }));
      return { plans, policy: defaultWageNegotiationPolicy };
    },
  };
}
