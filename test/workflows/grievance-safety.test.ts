/**
 * Issue 14's promises inside the workflow (time skipping): only the assignee acts and a superior takes over on record;
 * concurrent commands cannot overwrite an outcome or withdraw after one; the enterprise hears nothing once the case
 * closed and is told early only for a reason; a reminder never holds up its step, even with the gateway down for an
 * hour; a refused number is recorded on the case; reminders wait out the night.
 */
import { describe, expect, it } from 'vitest';
import { grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import type { ActionCommand } from '../../workflows/kinds/grievance/model';
import { caseworker, districtStaff, grievanceInput, streetChair, worker as complainant } from '../helpers/grievance-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const taskQueue = 'grievance-safety';
const ctx = useRecordingWorker(taskQueue);

async function start(policy = {}) {
  const input = grievanceInput(policy);
  const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
  const act = (cmd: ActionCommand) => handle.executeUpdate(grievanceActUpdate, { args: [cmd] });
  await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
  return { input, handle, act };
}

const types = (caseNo: string) => ctx.rec.eventsOf(caseNo).map((e) => e.type);

describe('who acts on a step', () => {
  it('lets a superior take a step over only as a recorded command, after which only they act on it', async () => {
    const { input, act } = await start();
    const refused = await act({ action: 'contactComplainant', actor: districtStaff, payload: { note: '区里已联系' } }).catch((e) => e);
    expect(refused.cause.type).toBe('RoleNotPermitted');

    const view = await act({ action: 'takeOver', actor: streetChair, payload: { reason: '社工病假，主席接手' } });
    expect(view.openTasks).toHaveLength(1);
    expect(view.openTasks[0]).toMatchObject({ kind: 'contact', role: 'street_chair', userId: 2 });
    const taken = ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'task_taken_over')!;
    expect(taken).toMatchObject({ actor: '街道主席', actorRole: 'street_chair' });
    expect(taken.summary).toContain('社工病假，主席接手');

    expect((await act({ action: 'contactComplainant', actor: caseworker, payload: { note: 'x' } }).catch((e) => e)).cause.type).toBe('RoleNotPermitted');
    const next = await act({ action: 'contactComplainant', actor: streetChair, payload: { note: '主席已联系职工' } });
    // The take-over was for that step: the next one goes back to the street's caseworker.
    expect(next.openTasks[0]).toMatchObject({ kind: 'verify', role: 'street_caseworker' });
  });
});

describe('a take-over and a hand-up', () => {
  it('ends a street take-over when the case is handed up: the district staff act on it then', async () => {
    const { act } = await start();
    await act({ action: 'takeOver', actor: streetChair, payload: { reason: '社工休假' } });
    const up = await act({ action: 'handUp', actor: streetChair, payload: { reason: '超出街道权限' } });
    expect(up.openTasks[0]).toMatchObject({ kind: 'contact', role: 'district_staff', unitId: 'd-1' });
    expect((await act({ action: 'contactComplainant', actor: districtStaff, payload: { note: '区里已联系' } })).stage).toBe('verify');
  });
});

describe('concurrent commands', () => {
  it('applies exactly one of two outcomes and a withdrawal sent at the same moment', async () => {
    const { input, handle, act } = await start();
    await act({ action: 'contactComplainant', actor: caseworker, payload: { note: '1' } });
    await act({ action: 'notifyEnterpriseNow', actor: caseworker, payload: { reason: '职工同意提前核实' } });
    await act({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '2' } });
    await act({ action: 'urgeMediation', actor: caseworker, payload: { note: '3' } });

    const results = await Promise.allSettled([
      act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'mediated', recoveredFen: 500_000 } }),
      act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'court' } }),
      act({ action: 'withdraw', actor: complainant, payload: { reason: '不想再追究' } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const decided = types(input.caseNo).filter((t) => t === 'outcome_recorded' || t === 'withdrawn');
    expect(decided).toHaveLength(1);
    const view = await handle.query(grievanceViewQuery);
    expect(view.outcome).toBe(decided[0] === 'withdrawn' ? 'withdrawn' : (ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'outcome_recorded')!.data.outcome));
  });
});

describe('the enterprise notice', () => {
  it('refuses verification before the chair was told; an early notice texts the chair at once and is recorded with its reason', async () => {
    const { input, act } = await start();
    await act({ action: 'contactComplainant', actor: caseworker, payload: { note: '已联系' } });
    const early = await act({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '已核实' } }).catch((e) => e);
    expect(early.cause.type).toBe('ActionNotAllowed');
    expect(early.cause.message).toContain('提前通知企业工会主席');

    const view = await act({ action: 'notifyEnterpriseNow', actor: caseworker, payload: { reason: '职工要求尽快核实' } });
    expect(view.enterpriseNotice).toBe('notified');
    expect(ctx.rec.smsOf(input.caseNo, 'enterprise-notice')).toHaveLength(1);
    expect(ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'enterprise_notice_early')?.summary).toContain('职工要求尽快核实');
    expect((await act({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '已核实' } })).stage).toBe('urge');
    await ctx.env.sleep(13 * HOUR);
    expect(ctx.rec.smsOf(input.caseNo, 'enterprise-notice')).toHaveLength(1);
  });

  it('sends the enterprise nothing once the case closed before the 12 hours, and closes its coordination with it', async () => {
    const { input, handle, act } = await start({ escalation: [] });
    await act({ action: 'contactComplainant', actor: caseworker, payload: { note: '已联系' } });
    const asked = await act({ action: 'openCoordination', actor: caseworker, payload: { department: '人社局', note: '协查' } });
    expect(asked.openCoordination).toHaveLength(1);
    // Verification needs the notice, so before 12 hours a case closes only by the worker's withdrawal.
    const withdraw = await act({ action: 'withdraw', actor: complainant, payload: { reason: '误会，已解决' } });
    expect(withdraw.outcome).toBe('withdrawn');
    await handle.result();
    await ctx.env.sleep(13 * HOUR);
    expect(ctx.rec.smsOf(input.caseNo, 'enterprise-notice')).toHaveLength(0);
    expect(ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'enterprise_notice_cancelled')).toBeDefined();
    const view = await handle.query(grievanceViewQuery);
    expect(view.openCoordination).toEqual([]);
    expect(view.openTasks).toEqual([]);
    expect(view.enterpriseNotice).toBe('cancelled');
    expect(ctx.rec.tasks.get(asked.openCoordination[0].taskId)?.status).toBe('cancelled');
  });
});

describe('SMS under faults', () => {
  it('answers commands in their normal time while the gateway is down for an hour, and sends the reminder once it is back', async () => {
    const { input, act } = await start({ contactDue: HOUR, enterpriseNoticeDelay: 100 * HOUR });
    ctx.rec.gateway = (r) => (r.caseNo === input.caseNo && r.template === 'task-overdue' ? 'down' : 'ok');
    const refusedBefore = ctx.rec.smsAttemptsRefused;
    await ctx.env.sleep(HOUR + MINUTE);
    await eventually(() => types(input.caseNo).includes('task_escalated'));
    await ctx.env.sleep(HOUR);
    expect(ctx.rec.smsAttemptsRefused).toBeGreaterThan(refusedBefore);

    const t0 = Date.now();
    const view = await act({ action: 'contactComplainant', actor: caseworker, payload: { note: '已联系' } });
    const took = Date.now() - t0;
    console.log(`[faults] command answered in ${took} ms with the SMS gateway down for ${ctx.rec.smsAttemptsRefused - refusedBefore} attempts`);
    expect(took).toBeLessThan(5_000);
    expect(view.stage).toBe('verify');
    expect(ctx.rec.smsOf(input.caseNo, 'task-overdue')).toHaveLength(0);

    ctx.rec.gateway = () => 'ok';
    await ctx.env.sleep(2 * MINUTE);
    await eventually(() => ctx.rec.smsOf(input.caseNo, 'task-overdue').length === 1);
  });

  it('opens the first step with the gateway down at filing, and sends each intake text once when it is back (issue 24)', async () => {
    const input = grievanceInput({ enterpriseNoticeDelay: 100 * HOUR });
    ctx.rec.gateway = (r) => (r.caseNo === input.caseNo ? 'down' : 'ok');
    const refusedBefore = ctx.rec.smsAttemptsRefused;
    const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
    // The try within the first task failed; the ordinary activity keeps trying while the case waits on its first step.
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    await ctx.env.sleep(10 * MINUTE);
    expect(ctx.rec.smsAttemptsRefused - refusedBefore).toBeGreaterThanOrEqual(2);
    expect(ctx.rec.smsOf(input.caseNo)).toHaveLength(0);

    ctx.rec.gateway = () => 'ok';
    await ctx.env.sleep(2 * MINUTE);
    await eventually(() => ctx.rec.smsOf(input.caseNo).length === 6);
    expect(ctx.rec.smsOf(input.caseNo, 'intake-notice').map((m) => m.to.role).sort())
      .toEqual(['district_chair', 'district_staff', 'street_caseworker', 'street_chair', 'supervising_leader']);
    expect(ctx.rec.smsOf(input.caseNo, 'intake-receipt')).toHaveLength(1);
    expect((await handle.query(grievanceViewQuery)).openTasks).toHaveLength(1);
  });

  it('records a number the gateway refuses for good on the case and carries on', async () => {
    const input = grievanceInput();
    ctx.rec.gateway = (r) => (r.caseNo === input.caseNo && r.to.role === 'worker' ? 'reject' : 'ok');
    const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
    const rejected = await eventually(() => ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'sms_rejected'));
    expect(rejected.summary).toContain('职工');
    expect(rejected.summary).toContain('HTTP 400');
    expect((await handle.query(grievanceViewQuery)).openTasks).toHaveLength(1);
    expect(ctx.rec.smsOf(input.caseNo, 'intake-notice')).toHaveLength(5);
    ctx.rec.gateway = () => 'ok';
  });
});

describe('quiet hours', () => {
  it('records reminders due at 23:59 and 03:59 at once but texts them at 08:00 (Asia/Shanghai)', async () => {
    const now = await ctx.env.currentTimeMs();
    const shanghai = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(11, 19);
    // The next 23:59:30 Shanghai time, at least an hour away. The workflow counts its due time from its own start, a
    // moment after `now`, so the rung lands within that minute rather than on its last second.
    const dayStart = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
    let due = dayStart + DAY - 30_000;
    if (due - now < HOUR) due += DAY;
    const { input } = await start({ contactDue: due - now, enterpriseNoticeDelay: 100 * DAY, quietHours: { from: '22:00', to: '08:00' } });

    await ctx.env.sleep(due - (await ctx.env.currentTimeMs()) + MINUTE);
    await eventually(() => types(input.caseNo).filter((t) => t === 'task_escalated').length === 1);
    await ctx.env.sleep(4 * HOUR);
    await eventually(() => types(input.caseNo).filter((t) => t === 'task_escalated').length === 2);
    const rungs = ctx.rec.eventsOf(input.caseNo).filter((e) => e.type === 'task_escalated');
    expect(rungs.map((e) => shanghai(Date.parse(e.at)).slice(0, 5))).toEqual(['23:59', '03:59']);
    expect(rungs[0].summary).toContain('08:00 发送');
    expect(ctx.rec.smsOf(input.caseNo, 'task-overdue')).toHaveLength(0);

    // 04:00 → 07:59: still nobody texted; just past 08:00 both reminders go out.
    await ctx.env.sleep(4 * HOUR - 2 * MINUTE);
    expect(ctx.rec.smsOf(input.caseNo, 'task-overdue')).toHaveLength(0);
    await ctx.env.sleep(3 * MINUTE);
    await eventually(() => ctx.rec.smsOf(input.caseNo, 'task-overdue').length === 2);
    // Both wait for the same 08:00, so they go out together, in either order.
    expect(ctx.rec.smsOf(input.caseNo, 'task-overdue').map((m) => m.to.role).sort()).toEqual(['street_caseworker', 'street_chair']);
  });
});
