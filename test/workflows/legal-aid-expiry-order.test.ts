/**
 * The wedge behind a CI timeout of the appeal test, forced: the decide step wakes a moment before the clock keeper as
 * an appeal period ends, and the step's workflow task (its enforcement clocks) is still open when the keeper's timer
 * fires. A keeper that then cancelled that fired timer had the Java test server refuse the cancel and never give the
 * case another task (sdk-java#3088); the keeper keeps a timer whose moment has not moved.
 */
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { calendarChangedSignal } from '../../workflows/shared/calendar-signals';
import { judged, represented, suing, useLegalAidCases } from '../helpers/legal-aid-cases';
import { eventTimeMs, EventType, historyEvents } from '../helpers/history-events';
import { eventually } from '../helpers/time-skipping';

const MINUTE = 60_000;
const taskQueue = 'legal-aid-expiry-order';
const { ctx, start, today } = useLegalAidCases(taskQueue);

describe('legal aid: an appeal period ending (time skipping)', () => {
  it('lets the decision take effect when the decide step wakes before the clock keeper, whose timer fired meanwhile', async () => {
    const c = await start();
    await represented(c);
    await suing(c, await today());
    const decided = await judged(c, await today());
    const first = Date.parse(decided.clocks.find((k) => k.id.startsWith('appeal-'))!.dueAt);
    await ctx.env.sleep(first - c.input.policy.clockWarning - (await ctx.env.currentTimeMs()) + MINUTE);
    await eventually(() => c.events('clock_warning').length === 1);

    // The period's last day becomes a holiday: the keeper sets its timer for the new end at once, the step only after
    // writing its new due time, held 0.6 s. Both timers are started as that task completes, so the keeper's fires
    // ~0.6 s after its moment and the step's goes first. The step's task, writing the decision (held 2 s), is still
    // open when the keeper's fires.
    ctx.rec.persistDelay = (t) => (t.events?.some((e) => e.type === 'task_rescheduled') ? 600 : t.events?.some((e) => e.type === 'decision_effective') ? 2_000 : 0);
    const lastDay = shanghaiDate(first - 1);
    ctx.rec.calendar.set(lastDay, true);
    await c.handle.signal(calendarChangedSignal, { version: 'expiry-order' });
    await eventually(() => c.events('task_rescheduled').length === 1);
    const due = Date.parse((await c.view()).clocks.find((k) => k.id.startsWith('appeal-'))!.dueAt);
    expect(due).toBeGreaterThan(first);

    await ctx.env.sleep(due - (await ctx.env.currentTimeMs()) + MINUTE);
    await eventually(() => c.events('clock_expired').length === 1 && c.events('decision_effective').length === 1);
    expect((await c.view()).stage).toBe('performing');

    const history = await historyEvents(c.handle);
    // The order forced: of the two timers fired as the period ended, the later-started (the step's) fired first.
    const fired = history.filter((e) => e.eventType === EventType.EVENT_TYPE_TIMER_FIRED && eventTimeMs(e) >= due - MINUTE).map((e) => Number(e.timerFiredEventAttributes!.startedEventId));
    expect(fired).toHaveLength(2);
    expect(fired[0]).toBeGreaterThan(fired[1]);
    expect(history.filter((e) => e.eventType === EventType.EVENT_TYPE_TIMER_CANCELED && eventTimeMs(e) >= due - MINUTE)).toEqual([]);
    ctx.rec.calendar.delete(lastDay);
  });
});
