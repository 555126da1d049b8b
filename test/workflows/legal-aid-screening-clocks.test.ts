import { describe, expect, it } from 'vitest';
import { statutoryDeadline } from '../../workflows/shared/deadlines';
import { centreStaff } from '../helpers/legal-aid-fixtures';
import { useLegalAidCases } from '../helpers/legal-aid-cases';
import { eventually } from '../helpers/time-skipping';

const MINUTE = 60_000;
const taskQueue = 'legal-aid-screening-clocks';
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
});
