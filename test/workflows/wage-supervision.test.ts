import { describe, expect, it } from 'vitest';
import { chair, cityStaff, enforcement, useWageRounds, wageInput } from '../helpers/wage-rounds';
import { eventually } from '../helpers/time-skipping';

const MINUTE = 60_000;
const DAY = 86_400_000;
const { ctx, start, inDays } = useWageRounds('wage-supervision');

describe('wage round: an enterprise that never starts (time skipping)', () => {
  it('reminds the chair 7 days before the planned start, and opens "4+X" supervision when the start passes without a request', async () => {
    const plannedStart = await inDays(10);
    const c = await start(wageInput(plannedStart));
    const startMs = Date.parse(`${plannedStart}T00:00:00+08:00`);
    expect(c.tasks('request')[0].dueAt).toBe(new Date(startMs).toISOString());

    // a minute before the reminder is due: nothing sent; a minute after: the chair is reminded, once
    await ctx.env.sleep(startMs - 7 * DAY - (await ctx.env.currentTimeMs()) - MINUTE);
    expect(c.events('start_reminded')).toHaveLength(0);
    await ctx.env.sleep(2 * MINUTE);
    await eventually(() => c.events('start_reminded').length === 1);
    expect(ctx.rec.smsOf(c.input.caseNo, 'wage-reminder').map((m) => m.to.role)).toEqual(['enterprise_chair']);
    expect(c.events('supervision_opened')).toHaveLength(0);

    // the planned start passes without a request: supervision for the city union, three departments and the street
    await ctx.env.sleep(startMs - (await ctx.env.currentTimeMs()) + MINUTE);
    await eventually(() => c.events('supervision_opened').length === 1 && c.tasks('supervision').length === 5);
    const view = await c.view();
    expect(view.stage).toBe('supervision');
    expect(view.supervision.map((t) => t.party).sort()).toEqual(['city_union', 'street', '人社局', '发改局', '综合执法局'].sort());
    expect(c.tasks('request').map((t) => t.status)).toEqual(['overdue', 'open']);
    await eventually(() => ctx.rec.smsOf(c.input.caseNo, 'wage-supervision').length === 5);
    // e-mail to those who gave an address (the city union's staff in the test directory)
    await eventually(() => [...ctx.rec.emails.values()].some((m) => m.caseNo === c.input.caseNo && m.to.address === 'quanbao@union.test'));
    expect(ctx.rec.smsOf(c.input.caseNo, 'wage-reminder')).toHaveLength(1);

    // each supervisor records its own part; another department may not record it
    const byDept = view.supervision.find((t) => t.party === '综合执法局')!;
    const city = view.supervision.find((t) => t.party === 'city_union')!;
    await expect(c.act('recordSupervision', enforcement, { taskId: city.taskId, note: '已督促' })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/市总工会/) } });
    const after = await c.act('recordSupervision', enforcement, { taskId: byDept.taskId, note: '已上门督促企业于本周内发出要约' });
    expect(after.supervision.find((t) => t.party === '综合执法局')!.note).toMatch(/上门督促/);
    await c.act('recordSupervision', cityStaff, { taskId: city.taskId, note: '约谈企业负责人' });

    // the request ends supervision: the open supervision tasks close, recorded ones stay done
    const requested = await c.act('requestNegotiation', chair, { from: 'union', sentOn: await inDays(0) });
    expect(requested.stage).toBe('requested');
    await eventually(() => c.tasks('supervision').filter((t) => t.status === 'open').length === 0);
    expect(c.tasks('supervision').map((t) => t.status).sort()).toEqual(['cancelled', 'cancelled', 'cancelled', 'done', 'done']);
    expect(c.tasks('answer').map((t) => t.status)).toEqual(['open']);
  });
});
