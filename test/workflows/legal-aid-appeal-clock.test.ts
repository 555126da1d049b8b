import { describe, expect, it } from 'vitest';
import { periodDeadline, shanghaiDate } from '../../workflows/shared/deadlines';
import { judged, represented, suing, useLegalAidCases } from '../helpers/legal-aid-cases';
import { eventTimeMs, EventType, historyEvents } from '../helpers/history-events';
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
    // As the period ends the decide step and the clock keeper wake within milliseconds, in either order. When the step
    // is first, its workflow task (the decision written, held open 1 s here) starts the enforcement clocks while the
    // keeper's own timer fires: a keeper that cancelled that timer then had the Java test server refuse the cancel and
    // never give the case another task (sdk-java#3088), and this test timed out in CI.
    ctx.rec.persistDelay = (t) => (t.events?.some((e) => e.type === 'decision_effective') ? 1_000 : 0);
    const c = await start();
    await represented(c);
    await suing(c, await today());
    await ctx.env.sleep(friday - (await ctx.env.currentTimeMs()));
    const decided = await judged(c, served);
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
    const history = await historyEvents(c.handle);
    expect(history.filter((e) => e.eventType === EventType.EVENT_TYPE_TIMER_CANCELED && eventTimeMs(e) >= due - MINUTE)).toEqual([]);
    ctx.rec.calendar.delete(monday);
  });
});
