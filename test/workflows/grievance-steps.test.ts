import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import type { ActionCommand } from '../../workflows/kinds/grievance/model';
import { caseworker, districtStaff, grievanceInput, streetChair, toOutcomeStep, worker as complainant } from '../helpers/grievance-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const DAY = 86_400_000;
const taskQueue = 'grievance-steps';
const ctx = useRecordingWorker(taskQueue);

async function start(policy = {}) {
  const input = grievanceInput(policy);
  const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
  const act = (cmd: ActionCommand) => handle.executeUpdate(grievanceActUpdate, { args: [cmd] });
  return { input, handle, act };
}

describe('grievance steps (time skipping)', () => {
  it('rejects a command in the wrong stage with a typed failure and changes nothing', async () => {
    const { input, handle, act } = await start();
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    const err = await act({ action: 'recordFollowUp', actor: caseworker, payload: { note: '回访' } }).catch((e) => e);
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(err.cause).toBeInstanceOf(ApplicationFailure);
    expect(err.cause.type).toBe('ActionNotAllowed');
    expect((await handle.query(grievanceViewQuery)).stage).toBe('contact');
    expect(ctx.rec.eventsOf(input.caseNo).map((e) => e.type)).not.toContain('follow_up_done');
  });

  it('hands the case up to the district (代访代办) and reassigns the open task there', async () => {
    const { input, handle, act } = await start();
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    const view = await act({ action: 'handUp', actor: caseworker, payload: { reason: '涉及多家企业，超出街道权限' } });
    expect(view.level).toBe('district');
    expect(view.openTasks).toHaveLength(1);
    expect(view.openTasks[0]).toMatchObject({ kind: 'contact', role: 'district_staff', unitId: 'd-1' });
    const statuses = [...ctx.rec.tasks.entries()].filter(([id]) => id.includes(input.caseNo)).map(([, t]) => `${t.role}:${t.status}`);
    expect(statuses).toEqual(['street_caseworker:reassigned', 'district_staff:open']);

    const refused = await act({ action: 'contactComplainant', actor: caseworker, payload: { note: '已联系' } }).catch((e) => e);
    expect(refused.cause.type).toBe('RoleNotPermitted');
    expect((await act({ action: 'contactComplainant', actor: districtStaff, payload: { note: '区里已联系' } })).stage).toBe('verify');

    // Each answer waited for the flow without a timer of its own ('act-answer-without-timer'): a timer started as the
    // handler's activity happened to complete could not be replayed in the same order as the flow's commands.
    const { events } = await handle.fetchHistory();
    expect(events!.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch').length).toBeGreaterThan(0);
    expect(events!.filter((e) => e.timerStartedEventAttributes && Number(e.timerStartedEventAttributes.startToFireTimeout?.seconds) === 10)).toEqual([]);
  });

  it('runs a coordination task for a partner department beside the main steps', async () => {
    const { input, handle, act } = await start();
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    const opened = await act({ action: 'openCoordination', actor: caseworker, payload: { department: '人社局', note: '请协查社保缴纳记录' } });
    expect(opened.openCoordination).toHaveLength(1);
    const taskId = opened.openCoordination[0].taskId;
    expect(opened.openTasks.map((t) => t.kind).sort()).toEqual(['contact', 'coordination']);

    const wrongDept = await act({ action: 'completeCoordination', actor: { role: 'partner_department', name: '执法局', department: '综合执法局', unitId: 'd-1' }, payload: { taskId, note: 'x' } }).catch((e) => e);
    expect(wrongDept.cause.type).toBe('RoleNotPermitted');
    const done = await act({ action: 'completeCoordination', actor: { role: 'partner_department', name: '人社局', department: '人社局', unitId: 'd-1' }, payload: { taskId, note: '已补缴' } });
    expect(done.openCoordination).toHaveLength(0);
    expect(done.openTasks.map((t) => t.kind)).toEqual(['contact']);
    expect(ctx.rec.tasks.get(taskId)?.status).toBe('done');
    expect(ctx.rec.eventsOf(input.caseNo).map((e) => e.type)).toEqual(expect.arrayContaining(['coordination_opened', 'coordination_done']));
  });

  it('gives the outcome step the 15-day statutory mediation limit and closes unrated after the rating window', async () => {
    const { input, handle, act } = await start({ ratingWindow: 3 * DAY, escalation: [] });
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    await act({ action: 'contactComplainant', actor: caseworker, payload: { note: '1' } });
    await act({ action: 'notifyEnterpriseNow', actor: caseworker, payload: { reason: '职工同意，企业已知情' } });
    await act({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '2' } });
    const atOutcome = await act({ action: 'urgeMediation', actor: caseworker, payload: { note: '3' } });
    const due = Date.parse(atOutcome.openTasks[0].dueAt);
    const now = Date.parse(new Date(await ctx.env.currentTimeMs()).toISOString());
    expect(due - now).toBeGreaterThan(15 * DAY - DAY);
    expect(due - now).toBeLessThan(15 * DAY + 5 * DAY);

    await act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'unfounded', explanation: '工资已足额发放' } });
    const result = await handle.result();
    expect(result).toMatchObject({ outcome: 'unfounded', rating: null });
    expect(ctx.rec.eventsOf(input.caseNo).map((e) => e.type).slice(-2)).toEqual(['rating_expired', 'closed']);
    // The worker heard three times besides the receipt: who took the case, the outcome with what next, the rating ask.
    const toWorker = ctx.rec.smsOf(input.caseNo).filter((m) => m.to.role === 'worker');
    expect(toWorker.map((m) => m.template)).toEqual(['intake-receipt', 'worker-taken', 'worker-outcome', 'worker-rate']);
    expect(toWorker.every((m) => m.secret === 'worker-link')).toBe(true);
    expect(toWorker[1].vars.handler).toBe(caseworker.name);
    expect(toWorker[2].vars).toMatchObject({ outcome: '诉求不成立（已向职工解释）', next: expect.stringContaining('补充说明') });
    expect(toWorker[3].vars.days).toBe(3);
    const refused = await act({ action: 'rate', actor: complainant, payload: { score: 5 } }).catch((e) => e);
    expect(refused).toBeInstanceOf(Error);
  });

  it('turns a low rating into a review task for the street chair, which the chair closes with a note', async () => {
    const { input, handle, act } = await start({ escalation: [] });
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    await toOutcomeStep(act);
    await act({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'unfounded', explanation: '工资已足额发放' } });
    const rated = await act({ action: 'rate', actor: complainant, payload: { score: 2, comment: '没人理我' } });
    expect(rated.stage).toBe('ratingReview');
    expect(rated.openTasks).toEqual([expect.objectContaining({ kind: 'ratingReview', title: '复核职工差评（2分）', role: 'street_chair', unitId: 's-1' })]);
    const byCaseworker = await act({ action: 'reviewRating', actor: caseworker, payload: { note: '我来写' } }).catch((e) => e);
    expect(byCaseworker.cause.type).toBe('RoleNotPermitted');
    await act({ action: 'reviewRating', actor: streetChair, payload: { note: '已约谈社工并回访职工，职工表示理解' } });
    expect(await handle.result()).toMatchObject({ outcome: 'unfounded', rating: 2 });
    expect(ctx.rec.eventsOf(input.caseNo).map((e) => e.type).slice(-4)).toEqual(['rated', 'task_opened', 'rating_reviewed', 'closed']);
  });
});
