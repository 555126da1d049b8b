import { describe, expect, it } from 'vitest';
import { periodDeadline, shanghaiDate } from '../../workflows/shared/deadlines';
import { lawyerWu } from '../helpers/legal-aid-fixtures';
import { represented, useLegalAidCases } from '../helpers/legal-aid-cases';
import { eventually } from '../helpers/time-skipping';

const MINUTE = 60_000;
const DAY = 86_400_000;
const taskQueue = 'legal-aid-appeal-clock';
const { ctx, start, calendar, today } = useLegalAidCases(taskQueue);

describe('legal aid: procedural clocks (time skipping)', () => {
  it('warns before the appeal period of a judgment served on a Friday before a holiday runs out, and records its expiry on the first working day after', async () => {
    // The Friday after next; the Monday after the 15th day (a Saturday) is declared a holiday, so the period runs to Tuesday.
    let friday = Date.parse(`${await today()}T12:00:00+08:00`) + 7 * DAY;
    while (new Date(friday + 8 * 3_600_000).getUTCDay() !== 5) friday += DAY;
    const served = shanghaiDate(friday);
    const monday = shanghaiDate(friday + 17 * DAY);
    ctx.rec.calendar.set(monday, true);
    const c = await start();
    await represented(c);
    await c.act('fileProceeding', lawyerWu, { type: 'first_instance', institution: '测试区人民法院', filedOn: await today(), claimedFen: 4_000_000, requests: ['判令被告支付工资40000元'], facts: '被告拖欠工资。' });
    await c.act('recordAcceptance', lawyerWu, { externalNo: '（2026）浙0185民初100号', acceptedOn: await today() });
    await ctx.env.sleep(friday - (await ctx.env.currentTimeMs()));
    const decided = await c.act('recordResult', lawyerWu, { kind: 'judgment', decidedOn: served, servedOn: served, awardedFen: 1_000_000, summary: '部分支持' });
    expect(decided.stage).toBe('deciding');
    const due = periodDeadline(Date.parse(`${served}T12:00:00+08:00`), { days: 15 }, calendar());
    expect(shanghaiDate(due)).toBe(shanghaiDate(friday + 18 * DAY));
    const appeal = decided.clocks.find((k) => k.id.startsWith('appeal-'))!;
    expect(Date.parse(appeal.dueAt)).toBe(due);

    await ctx.env.sleep(due - c.input.policy.clockWarning - (await ctx.env.currentTimeMs()) - MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect(c.events('clock_warning')).toHaveLength(0);
    await ctx.env.sleep(2 * MINUTE);
    await eventually(() => c.events('clock_warning').length === 1);
    const warned = ctx.rec.smsOf(c.input.caseNo, 'legal-aid-clock');
    expect(warned.map((m) => m.to.role).sort()).toEqual(['district_staff', 'legal_aid_lawyer']);

    await ctx.env.sleep(due - (await ctx.env.currentTimeMs()) - MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect(c.events('clock_expired')).toHaveLength(0);
    await ctx.env.sleep(2 * MINUTE);
    await eventually(() => c.events('clock_expired').length === 1 && c.events('decision_effective').length === 1);
    expect((await c.view()).stage).toBe('performing');
    ctx.rec.calendar.delete(monday);
  });
});
