import { describe, expect, it } from 'vitest';
import { centreStaff, lawyerConflicted, lawyerHe, lawyerWu } from '../helpers/legal-aid-fixtures';
import { useLegalAidCases } from '../helpers/legal-aid-cases';
import { eventually } from '../helpers/time-skipping';

const MINUTE = 60_000;
const taskQueue = 'legal-aid-reassignment';
const { ctx, start } = useLegalAidCases(taskQueue);

describe('legal aid: screening and assignment (time skipping)', () => {
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
