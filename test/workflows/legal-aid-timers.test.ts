import { describe, expect, it } from 'vitest';
import { statutoryDeadline } from '../../workflows/shared/deadlines';
import { centreStaff, lawyerConflicted, lawyerHe, lawyerWu } from '../helpers/legal-aid-fixtures';
import { useLegalAidCases } from '../helpers/legal-aid-cases';
import { eventually } from '../helpers/time-skipping';

const MINUTE = 60_000;
const taskQueue = 'legal-aid-timers';
const { ctx, start, calendar } = useLegalAidCases(taskQueue);

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
