/**
 * The demo's wage round in progress: 杭州迅达快递's row of next year's plan opened at once (as "立即开启" does), the
 * union's written request answered, and the first two offers on the parcel-reward clause of DOMAIN §5, so the demo shows
 * the 协商码 page with offers to comment on and a round the mentor can be asked into. Idempotent: the same row opens the
 * same case, and the commands are sent only to a round that has not got that far.
 */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { actOnCase } from '../api/services/cases';
import { openPlanNow } from '../api/services/wage-plan';
import type { WageRoundView } from '../workflows/kinds/wage-negotiation/model';
import { shanghaiDate } from '../workflows/shared/deadlines';
import type { Database } from '../db/schema';

export async function openDemoWageRound(db: Kysely<Database>, temporal: Client): Promise<string> {
  const plan = await db.selectFrom('wage_plans').select(['id']).where('enterprise_id', '=', 'e-kuaidi').orderBy('year', 'desc').executeTakeFirstOrThrow();
  const staff = await db.selectFrom('staff_users').select(['id', 'display_name', 'org_unit_id']).where('username', '=', 'xihu.qb').executeTakeFirstOrThrow();
  const chairRow = await db.selectFrom('staff_users').select(['id', 'display_name', 'org_unit_id']).where('username', '=', 'kuaidi.zx').executeTakeFirstOrThrow();
  const { caseNo } = await openPlanNow(db, temporal, 'd-xihu', plan.id, { role: 'district_staff', name: staff.display_name, userId: staff.id, unitId: staff.org_unit_id });
  const chair = { role: 'enterprise_chair' as const, name: chairRow.display_name, userId: chairRow.id, unitId: chairRow.org_unit_id };
  const act = (action: string, payload: object) => actOnCase<WageRoundView>(temporal, caseNo, { action, actor: chair, payload });
  const today = shanghaiDate(Date.now());
  const row = await db.selectFrom('cases').select('stage').where('case_no', '=', caseNo).executeTakeFirstOrThrow();
  if (row.stage === 'planned') await act('requestNegotiation', { from: 'union', sentOn: today, note: '就计件单价、签收率奖励和年度工资增长进行协商' });
  if ((await db.selectFrom('cases').select('stage').where('case_no', '=', caseNo).executeTakeFirstOrThrow()).stage === 'requested') {
    await act('recordAnswer', { agreed: true, answeredOn: today, note: '公司同意于下周二开始协商' });
    await act('makeOffer', { side: 'union', clauses: [
      { item: '计件奖励', terms: '当月签收率≥96%时，每件奖励0.15元' }, { item: '工资增长', terms: '一线快递员月基本工资增长6%' }, { item: '高温津贴', terms: '6—9月每人每月300元' },
    ], note: '职工方协商方案（已征集职工建议）' });
    await act('makeOffer', { side: 'employer', clauses: [
      { item: '计件奖励', terms: '当月签收率≥98%时，每件奖励0.10元' }, { item: '工资增长', terms: '月基本工资增长3%' }, { item: '高温津贴', terms: '按本市标准执行' },
    ], note: '企业方回应' });
  }
  return caseNo;
}
