/**
 * The demo's wage negotiation (DOMAIN §5, Yongkang): the district's HR & social security bureau as the institution
 * filed contracts go to (its 劳动关系科 clerk xihu.rsj), e-mail addresses for the "4+X" supervisors, and the city union's
 * plan for the coming year. Needs migration 016; idempotent.
 */
import type { Transaction } from 'kysely';
import { hashPassword } from '../passwords';
import type { Database } from '../schema';
import { DEMO_PASSWORD } from './demo-organisation';

export const DEMO_HR_UNIT = { id: 'i-xihu-hrss', name: '杭州市西湖区人力资源和社会保障局', level: 'institution' as const, parent_id: null };

/** Where each demo supervisor's e-mail goes (the SMTP fake keeps them all). */
const EMAILS: Record<string, string> = {
  'xihu.qb': 'quanbao@xihu-union.example', 'beishan.zx': 'beishan@xihu-union.example', 'xixi.zx': 'xixi@xihu-union.example',
  'cuiyuan.zx': 'cuiyuan@xihu-union.example', 'xihu.rs': 'renshe@xihu-gov.example', 'xihu.zf': 'zhifa@xihu-gov.example',
  'xihu.fg2': 'fagai@xihu-gov.example', 'kuaidi.zx': 'kuaidi-union@xunda.example',
};

const NEW_STAFF = [
  { username: 'xihu.rsj', display_name: '人社局劳动关系科孙科长', role: 'partner_department', org_unit_id: DEMO_HR_UNIT.id, phone: '13600000014', department: '人社局' },
  { username: 'xihu.fg2', display_name: '发改局联络员', role: 'partner_department', org_unit_id: 'd-xihu', phone: '13600000015', department: '发改局' },
  { username: 'xihu.ds2', display_name: '协商导师林导师（某物流公司工会主席）', role: 'negotiation_mentor', org_unit_id: 'd-xihu', phone: '13600000016', department: null },
];

/** The coming year's plan: planned starts spread over the spring, as a city union schedules them. */
export function demoWagePlan(year: number) {
  return [
    { enterprise_id: 'e-kuaidi', planned_start: `${year}-01-10`, note: '快递行业：计件单价与签收率挂钩' },
    { enterprise_id: 'e-jingmi', planned_start: `${year}-03-01`, note: '' },
    { enterprise_id: 'e-fangzhi', planned_start: `${year}-03-15`, note: '纺织行业工资指导线' },
    { enterprise_id: 'e-canyin', planned_start: `${year}-04-01`, note: '' },
    { enterprise_id: 'e-jianzhu', planned_start: `${year}-05-01`, note: '建筑行业：农民工工资专用账户' },
  ];
}

export async function seedDemoWage(trx: Transaction<Database>, year: number): Promise<void> {
  await trx.insertInto('org_units').values(DEMO_HR_UNIT).onConflict((oc) => oc.column('id').doNothing()).execute();
  await trx.insertInto('institutions').values({ unit_id: DEMO_HR_UNIT.id, kind: 'hr_bureau', name: DEMO_HR_UNIT.name, email: 'ldgx@xihu-hrss.example', district_id: 'd-xihu' })
    .onConflict((oc) => oc.column('unit_id').doNothing()).execute();
  const existing = new Set((await trx.selectFrom('staff_users').select('username').execute()).map((r) => r.username));
  const missing = NEW_STAFF.filter((s) => !existing.has(s.username));
  if (missing.length) {
    const hash = await hashPassword(DEMO_PASSWORD);
    await trx.insertInto('staff_users').values(missing.map((s) => ({ ...s, password_hash: hash }))).execute();
  }
  for (const [username, email] of Object.entries(EMAILS)) {
    await trx.updateTable('staff_users').set({ email }).where('username', '=', username).where('email', 'is', null).execute();
  }
  for (const row of demoWagePlan(year)) {
    await trx.insertInto('wage_plans').values({ ...row, year }).onConflict((oc) => oc.columns(['enterprise_id', 'year']).doNothing()).execute();
  }
}
