import { describe, expect, it } from 'vitest';
import { caseActUpdate, caseViewQuery } from '../../workflows/shared/definitions';
import { statutoryDeadline } from '../../workflows/shared/deadlines';
import { chinaHolidayCalendar } from '../../workflows/shared/holiday-calendar';
import type { LegalAidView } from '../../workflows/kinds/legal-aid/model';
import { centreStaff, courtClerkLA, lawyerWu, legalAidInput } from '../helpers/legal-aid-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const MINUTE = 60_000;
const taskQueue = 'legal-aid-delegated';
const ctx = useRecordingWorker(taskQueue);

async function delegated() {
  const input = legalAidInput({ source: 'court_delegated', appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString() });
  const handle = await ctx.env.client.workflow.start('legalAid', { taskQueue, workflowId: `legal_aid-${input.caseNo}`, args: [input] });
  await eventually(() => ctx.rec.eventsOf(input.caseNo).some((e) => e.type === 'task_opened'));
  const act = (action: string, actor: object, payload: object = {}) =>
    handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<LegalAidView>;
  const view = () => handle.query(caseViewQuery) as Promise<LegalAidView>;
  const report = () => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'pre-litigation-report');
  return { input, handle, act, view, report };
}

describe('a case the court delegates for pre-litigation mediation (time skipping)', () => {
  it('goes straight to assignment, and an agreement goes back to the court as a report the clerk receives', async () => {
    const c = await delegated();
    const first = await c.view();
    expect(first.stage).toBe('assigning');
    expect(first.meansTest).toBeNull();
    await expect(c.act('recordMeansTest', centreStaff, { ground: 'migrant_worker_pay' })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/不能执行/) } });
    await c.act('assignLawyer', centreStaff, { lawyerUserId: lawyerWu.userId });
    const accepted = await c.act('acceptAssignment', lawyerWu);
    expect(accepted.stage).toBe('delegated');
    expect(accepted.openTasks.map((t) => t.kind)).toEqual(['delegated']);
    await expect(c.act('recordDelegatedResult', lawyerWu, { result: 'agreed' })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/调解协议金额/) } });
    const agreed = await c.act('recordDelegatedResult', lawyerWu, { result: 'agreed', totalFen: 3_000_000, payment: '2027年1月31日前一次性支付' });
    expect(agreed.stage).toBe('reporting');
    const report = await eventually(c.report);
    expect(report.req.data).toMatchObject({ courtRef: c.input.intake.courtRef, result: { kind: 'agreed', totalFen: 3_000_000 }, mediator: { name: '吴律师' } });
    const doc = (await c.view()).documents.find((d) => d.kind === 'pre-litigation-report')!;
    expect(doc.addressedTo).toBe('i-court');
    await c.act('confirmReceipt', courtClerkLA, { documentId: doc.id });
    await eventually(async () => (await c.view()).stage === 'rating');
    await c.act('rateCase', { role: 'worker', name: '工人1' }, { rating: 4 });
    expect(await c.handle.result()).toMatchObject({ outcome: 'delegated_agreed' });
  });

  it('returns the case to the court with the reasons when the 30 days end without agreement, not a minute before', async () => {
    const c = await delegated();
    await c.act('assignLawyer', centreStaff, { lawyerUserId: lawyerWu.userId });
    await c.act('acceptAssignment', lawyerWu);
    const end = statutoryDeadline(Date.parse(c.input.intake.appliedAt), 30, chinaHolidayCalendar);
    await ctx.env.sleep(end - (await ctx.env.currentTimeMs()) - MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect((await c.view()).stage).toBe('delegated');
    expect(c.report()).toBeUndefined();
    await ctx.env.sleep(2 * MINUTE);
    const report = await eventually(c.report);
    expect(report.req.data).toMatchObject({ result: { kind: 'failed', reasons: [expect.stringContaining('30日内未达成调解协议')] } });
    const told = ctx.rec.smsOf(c.input.caseNo, 'legal-aid-notice').map((m) => String(m.vars.message));
    await eventually(() => ctx.rec.smsOf(c.input.caseNo, 'legal-aid-notice').some((m) => String(m.vars.message).includes('退回法院')));
    expect(told.length).toBeGreaterThan(0);
  });
});
