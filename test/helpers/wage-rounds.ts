/**
 * Wage rounds on a time-skipping server for one test file (a file, and so a server, each: see legal-aid-cases.ts):
 * the test district's units and people, a round's input from a planned start, and acting on a started round.
 */
import { defaultWageNegotiationPolicy } from '../../temporal.config';
import { caseActUpdate, caseViewQuery } from '../../workflows/shared/definitions';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import type { WageRoundInput, WageRoundView } from '../../workflows/kinds/wage-negotiation/model';
import { eventually, useRecordingWorker } from './time-skipping';

export const chair = { role: 'enterprise_chair', name: '企业工会赵主席', unitId: 'u-1', userId: 31 } as const;
export const cityStaff = { role: 'district_staff', name: '市总工会王干事', unitId: 'd-1', userId: 3 } as const;
export const hrClerk = { role: 'partner_department', name: '人社局劳动关系科', unitId: 'i-hr', userId: 61, department: '人社局' } as const;
export const enforcement = { role: 'partner_department', name: '综合执法局联络员', unitId: 'd-1', userId: 62, department: '综合执法局' } as const;
export const mentor = { role: 'negotiation_mentor', name: '冯导师', unitId: 'd-1', userId: 51 } as const;
export const streetChair = { role: 'street_chair', name: '街道主席', unitId: 's-1', userId: 2 } as const;

let next = 0;
export function wageInput(plannedStart: string, over: Partial<WageRoundInput['intake']> = {}): WageRoundInput {
  next += 1;
  return {
    caseNo: `WN2027${String(900_000 + next).padStart(6, '0')}`,
    policy: { ...defaultWageNegotiationPolicy, quietHours: null },
    intake: {
      enterpriseId: 'e-1', enterpriseName: '测试快递有限公司', unionUnitId: 'u-1', year: 2027, plannedStart, planId: null,
      districtId: 'd-1', streetId: 's-1', hrUnitId: 'i-hr', openedBy: { role: 'district_staff', name: '市总工会王干事' }, ...over,
    },
  };
}

export function useWageRounds(taskQueue: string) {
  const ctx = useRecordingWorker(taskQueue);
  const today = async () => shanghaiDate(await ctx.env.currentTimeMs());
  /** a date `days` from today, Shanghai */
  const inDays = async (days: number) => shanghaiDate((await ctx.env.currentTimeMs()) + days * 86_400_000);

  async function start(input: WageRoundInput) {
    const handle = await ctx.env.client.workflow.start('wageNegotiation', { taskQueue, workflowId: `wage_negotiation-${input.caseNo}`, args: [input] });
    await eventually(() => ctx.rec.eventsOf(input.caseNo).some((e) => e.type === 'task_opened'));
    const act = (action: string, actor: object, payload: object = {}) =>
      handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<WageRoundView>;
    const view = () => handle.query(caseViewQuery) as Promise<WageRoundView>;
    const events = (type: string) => ctx.rec.eventsOf(input.caseNo).filter((e) => e.type === type);
    const tasks = (kind: string) => [...ctx.rec.tasks.entries()].filter(([id, t]) => id.includes(input.caseNo) && t.kind === kind).map(([id, t]) => ({ id, ...t }));
    return { input, handle, act, view, events, tasks };
  }
  return { ctx, start, today, inDays };
}

/** From the request to an agreed draft: the union's proposal, the employer's answer and the union's second offer. */
export async function toAgreement(c: { act(action: string, actor: object, payload?: object): Promise<WageRoundView> }, on: string) {
  await c.act('requestNegotiation', chair, { from: 'union', sentOn: on });
  await c.act('recordAnswer', chair, { agreed: true, answeredOn: on });
  await c.act('makeOffer', chair, { side: 'union', clauses: [{ item: '计件奖励', terms: '签收率≥96%时每件奖励0.15元' }, { item: '工资增长', terms: '月工资增长6%' }] });
  await c.act('makeOffer', chair, { side: 'employer', clauses: [{ item: '计件奖励', terms: '签收率≥98%时每件奖励0.10元' }, { item: '工资增长', terms: '月工资增长3%' }] });
  await c.act('makeOffer', chair, { side: 'union', clauses: [{ item: '计件奖励', terms: '签收率≥96%时每件奖励0.10–0.15元' }, { item: '工资增长', terms: '月工资增长5%' }] });
  return c.act('reachAgreement', chair, { offerNo: 3 });
}
