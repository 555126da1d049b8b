import { describe, expect, it } from 'vitest';
import { grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import { caseworker, grievanceInput, worker as complainant } from '../helpers/grievance-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const HOUR = 3_600_000;
const taskQueue = 'grievance-timers';
const ctx = useRecordingWorker(taskQueue);

async function start(policy = {}) {
  const input = grievanceInput(policy);
  const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
  await eventually(() => ctx.rec.smsOf(input.caseNo, 'intake-notice').length === 5);
  return { input, handle };
}

describe('grievance timers (time skipping)', () => {
  it('texts five people at once and the enterprise chair at 12 h, not at 11 h 59 min', async () => {
    const { input } = await start();
    expect(ctx.rec.smsOf(input.caseNo, 'intake-notice').map((m) => m.to.role).sort()).toEqual(
      ['district_chair', 'district_staff', 'street_caseworker', 'street_chair', 'supervising_leader'],
    );
    expect(ctx.rec.smsOf(input.caseNo, 'intake-receipt')).toHaveLength(1);

    await ctx.env.sleep(11 * HOUR + 59 * 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.rec.smsOf(input.caseNo, 'enterprise-notice')).toHaveLength(0);

    await ctx.env.sleep(60_000);
    const notices = await eventually(() => ctx.rec.smsOf(input.caseNo, 'enterprise-notice').length > 0 && ctx.rec.smsOf(input.caseNo, 'enterprise-notice'));
    expect(notices).toHaveLength(1);
    expect(notices[0].to.role).toBe('enterprise_chair');
  });

  it('sends no enterprise SMS when the worker withdraws first', async () => {
    const { input, handle } = await start();
    await ctx.env.sleep(2 * HOUR);
    const view = await handle.executeUpdate(grievanceActUpdate, { args: [{ action: 'withdraw', actor: complainant, payload: { reason: '已与单位自行协商解决' } }] });
    expect(view.outcome).toBe('withdrawn');
    const result = await handle.result();
    expect(result.outcome).toBe('withdrawn');
    expect(ctx.rec.smsOf(input.caseNo, 'enterprise-notice')).toHaveLength(0);
    expect(ctx.rec.eventsOf(input.caseNo).map((e) => e.type)).toContain('enterprise_notice_cancelled');
  });

  it('escalates a missed due time in order: assignee, street chair, district staff', async () => {
    const { input, handle } = await start({ contactDue: 2 * HOUR, enterpriseNoticeDelay: 100 * HOUR });
    await ctx.env.sleep(2 * HOUR - 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.rec.smsOf(input.caseNo, 'task-overdue')).toHaveLength(0);

    await ctx.env.sleep(60_000);
    await eventually(() => ctx.rec.smsOf(input.caseNo, 'task-overdue').length === 1);
    await ctx.env.sleep(4 * HOUR);
    await eventually(() => ctx.rec.smsOf(input.caseNo, 'task-overdue').length === 2);
    await ctx.env.sleep(8 * HOUR);
    await eventually(() => ctx.rec.smsOf(input.caseNo, 'task-overdue').length === 3);

    expect(ctx.rec.smsOf(input.caseNo, 'task-overdue').map((m) => m.to.role)).toEqual(['street_caseworker', 'street_chair', 'district_staff']);
    const escalations = ctx.rec.eventsOf(input.caseNo).filter((e) => e.type === 'task_escalated');
    expect(escalations.map((e) => e.data.level)).toEqual([1, 2, 3]);
    expect(escalations.map((e) => e.data.notify)).toEqual(['assignee', 'street_chair', 'district_staff']);

    // Acting late still works and stops the ladder for that step; the next step has its own due time and ladder.
    await handle.executeUpdate(grievanceActUpdate, { args: [{ action: 'contactComplainant', actor: caseworker, payload: { note: '已电话联系' } }] });
    const view = await handle.query(grievanceViewQuery);
    expect(view.stage).toBe('verify');
    expect(view.openTasks.map((t) => t.escalations)).toEqual([0]);
    await ctx.env.sleep(2 * 24 * HOUR + 60_000);
    await eventually(() => ctx.rec.smsOf(input.caseNo, 'task-overdue').length === 4);
    const verifyEscalation = ctx.rec.eventsOf(input.caseNo).filter((e) => e.type === 'task_escalated').at(-1)!;
    expect(verifyEscalation.data).toMatchObject({ level: 1, notify: 'assignee' });
    expect(String(verifyEscalation.data.taskId)).toContain('/verify/');
    expect(ctx.rec.smsOf(input.caseNo, 'task-overdue').at(-1)?.vars.title).toBe('向企业工会主席核实情况');
  });

  it('walks a ladder whose targets are data: any role at the case’s district, as the policy names it', async () => {
    const ladder = [{ notify: { role: 'district_chair', at: 'district' }, after: 0 }] as const;
    const { input } = await start({ contactDue: 2 * HOUR, enterpriseNoticeDelay: 100 * HOUR, escalation: ladder });
    await ctx.env.sleep(2 * HOUR);
    const sent = await eventually(() => ctx.rec.smsOf(input.caseNo, 'task-overdue').length === 1 && ctx.rec.smsOf(input.caseNo, 'task-overdue'));
    expect(sent.map((m) => m.to.role)).toEqual(['district_chair']);
    const escalation = ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'task_escalated')!;
    expect(escalation.data.notify).toEqual({ role: 'district_chair', at: 'district' });
    expect(escalation.summary).toContain('上报区的区总工会主席');
  });
});
