import { afterEach, describe, expect, it } from 'vitest';
import { caseActUpdate, caseViewQuery } from '../../workflows/shared/definitions';
import { statutoryDeadline } from '../../workflows/shared/deadlines';
import type { LegalAidView } from '../../workflows/kinds/legal-aid/model';
import { centreStaff, lawyerConflicted, lawyerHe, lawyerWu, legalAidInput } from '../helpers/legal-aid-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';
import { toHolidayCalendar } from '../../workflows/shared/statutory-clock';

const MINUTE = 60_000;
const taskQueue = 'legal-aid-timers';
const ctx = useRecordingWorker(taskQueue);

/** Each test's cases end with it: none is left waiting on the shared test server for the next test to skip time past. */
const started: string[] = [];
afterEach(async () => {
  for (const id of started.splice(0)) await ctx.env.client.workflow.getHandle(id).terminate('test done').catch(() => undefined);
});

async function start(given?: ReturnType<typeof legalAidInput>) {
  const input = given ?? legalAidInput({ appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString() });
  const handle = await ctx.env.client.workflow.start('legalAid', { taskQueue, workflowId: `legal_aid-${input.caseNo}`, args: [input] });
  started.push(handle.workflowId);
  await eventually(() => ctx.rec.eventsOf(input.caseNo).some((e) => e.type === 'task_opened'));
  const act = (action: string, actor: object, payload: object = {}) =>
    handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<LegalAidView>;
  const view = () => handle.query(caseViewQuery) as Promise<LegalAidView>;
  const events = (type: string) => ctx.rec.eventsOf(input.caseNo).filter((e) => e.type === type);
  return { input, handle, act, view, events };
}

const calendar = () => toHolidayCalendar({ version: 't', holidays: [...ctx.rec.calendar].filter(([, h]) => h).map(([d]) => d), makeUpWorkdays: [...ctx.rec.calendar].filter(([, h]) => !h).map(([d]) => d) });


describe('legal aid: screening and assignment (time skipping)', () => {
  it('decides within 7 days and assigns within 3 of deciding, on the calendar: escalated after each end, not before', async () => {
    const c = await start();
    const applied = Date.parse(c.input.intake.appliedAt);
    const decideBy = statutoryDeadline(applied, 7, calendar());
    expect(Date.parse((await c.view()).decideBy!)).toBe(decideBy);
    await ctx.env.sleep(decideBy - (await ctx.env.currentTimeMs()) - MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect(c.events('task_escalated')).toHaveLength(0);
    await ctx.env.sleep(2 * MINUTE);
    await eventually(() => c.events('task_escalated').some((e) => String(e.data.taskId).includes('/screen/')));

    await c.act('recordMeansTest', centreStaff, { ground: 'means_tested', passed: false });
    await expect(c.act('grantAid', centreStaff)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/说明理由/) } });
    const granted = await c.act('grantAid', centreStaff, { overrideReason: '申请人患病无收入，经主任批准' });
    expect(granted.stage).toBe('assigning');
    const assignBy = statutoryDeadline(Date.parse(granted.decision!.at), 3, calendar());
    expect(Date.parse(granted.assignBy!)).toBe(assignBy);
    expect(granted.openTasks.find((t) => t.kind === 'assign')?.dueAt).toBe(new Date(assignBy).toISOString());
    await eventually(() => ctx.rec.smsOf(c.input.caseNo, 'legal-aid-notice').some((m) => String(m.vars.message).includes('决定为您提供法律援助')));
  });

  it('refuses with the reason and how to object, and closes', async () => {
    const c = await start();
    await c.act('recordMeansTest', centreStaff, { ground: 'means_tested', passed: false });
    await c.act('refuseAid', centreStaff, { reason: '申请人家庭收入高于当地经济困难标准' });
    await eventually(async () => (await c.handle.describe()).status.name === 'COMPLETED');
    const told = ctx.rec.smsOf(c.input.caseNo, 'legal-aid-notice').map((m) => String(m.vars.message)).find((m) => m.includes('不予法律援助'));
    expect(told).toContain('高于当地经济困难标准');
    expect(told).toContain('第四十九条');
    expect(await c.handle.result()).toMatchObject({ outcome: 'refused' });
  });

  it('holds back a lawyer with a conflict unless a reason is given; one who does not accept in time loses the case to another', async () => {
    const c = await start();
    await c.act('recordMeansTest', centreStaff, { ground: 'migrant_worker_pay' });
    await c.act('grantAid', centreStaff);
    const held = await c.act('assignLawyer', centreStaff, { lawyerUserId: lawyerConflicted.userId });
    expect(held.stage).toBe('assigning');
    expect(held.assignments[0]).toMatchObject({ status: 'conflict', conflicts: [expect.objectContaining({ source: 'declared_relative' })] });
    expect(c.events('conflict_found')).toHaveLength(1);

    const unknown = await c.act('assignLawyer', centreStaff, { lawyerUserId: 999 });
    expect(unknown.assignments[1].status).toBe('unknown_lawyer');

    const assigned = await c.act('assignLawyer', centreStaff, { lawyerUserId: lawyerWu.userId });
    expect(assigned.stage).toBe('accepting');
    const letter = [...ctx.rec.documents.values()].find((d) => d.req.caseNo === c.input.caseNo && d.req.kind === 'legal-aid-assignment');
    expect(letter?.req.data).toMatchObject({ lawyer: { name: '吴律师' }, meansTest: expect.stringContaining('第四十二条') });
    await eventually(() => ctx.rec.smsOf(c.input.caseNo, 'legal-aid-assigned').length === 1);
    await expect(c.act('acceptAssignment', lawyerHe)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/被指派的律师本人/) } });

    await ctx.env.sleep(c.input.policy.acceptDue + MINUTE);
    await eventually(() => c.events('assignment_ended').length === 1);
    const lapsed = await c.view();
    expect(lapsed.stage).toBe('assigning');
    expect(lapsed.assignments[2].status).toBe('lapsed');
    expect(ctx.rec.revoked.get(c.input.caseNo)).toEqual([lawyerWu.userId]);
    await expect(c.act('assignLawyer', centreStaff, { lawyerUserId: lawyerWu.userId })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/其他律师/) } });

    await c.act('assignLawyer', centreStaff, { lawyerUserId: lawyerHe.userId });
    const accepted = await c.act('acceptAssignment', lawyerHe);
    expect(accepted.lawyer?.name).toBe('何律师');
    expect(accepted.stage).toBe('preparing');
  });

});
