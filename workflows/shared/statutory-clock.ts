/**
 * Statutory deadlines that follow the holiday calendar while a case waits, for any case kind (issue 16). The calendar
 * is data (calendar_days, loaded by a local activity), not code: a period's end is computed from the calendar as it is
 * when the period starts, and when district staff change the calendar (calendarChanged) every deadline not yet passed
 * is computed again. One that moved is recorded as an event; a human step given the deadline as a function follows it
 * (rescheduling its task, recorded as task_rescheduled).
 */
import { inTurns } from './local-turns';
import { proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { CalendarData, CaseActivities } from '../../activities/types';
import { activities, nowIso, nowMs, type CaseHost } from './case-host';
import { calendarChangedSignal } from './calendar-signals';
import { periodDeadline, shanghaiDate, type Period } from './deadlines';
import type { HolidayCalendar } from './holiday-calendar';

/** A Postgres read: a local activity like the other lookups (see case-host.ts), retried until the database answers. */
const { loadCalendar } = inTurns(proxyLocalActivities<Pick<CaseActivities, 'loadCalendar'>>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
}));

export interface TrackedDeadline {
  label: string;
  startMs: number;
  /** in days, months or years (an appeal's 15 days, enforcement's 2 years) */
  period: Period;
  /** the end as last computed */
  at: number;
}

export function toHolidayCalendar(data: CalendarData): HolidayCalendar {
  return { holidays: new Set(data.holidays), makeUpWorkdays: new Set(data.makeUpWorkdays) };
}

/**
 * The deadlines a new calendar moves. One already passed at `now` stays where it was: what was late stays late, and a
 * step that has already escalated is not un-escalated by a holiday declared afterwards.
 */
export function movedDeadlines(tracked: readonly TrackedDeadline[], cal: HolidayCalendar, now: number): { deadline: TrackedDeadline; to: number }[] {
  return tracked
    .filter((d) => d.at > now)
    .map((deadline) => ({ deadline, to: periodDeadline(deadline.startMs, deadline.period, cal) }))
    .filter((m) => m.to !== m.deadline.at);
}

export function recomputedSummary(label: string, from: number, to: number): string {
  const way = to > from ? '顺延至' : '提前至';
  return `节假日安排调整：“${label}”的期限由 ${shanghaiDate(from)} ${way} ${shanghaiDate(to)}`;
}

export class StatutoryClock {
  private readonly tracked: TrackedDeadline[] = [];
  private readonly owners = new Map<() => number, TrackedDeadline>();
  /** the version of the calendar last read, recorded with each move */
  private version: string | null = null;
  private cal: HolidayCalendar | null = null;
  /** loads run one after another, so the calendar last applied is the one last read */
  private queue: Promise<unknown> = Promise.resolve();
  /** set once the case counts a statutory period; before that a calendar change concerns it not at all */
  private active = false;

  /** Create it once, at the start of a workflow: it answers calendarChanged for the whole case. */
  constructor(private readonly host: CaseHost) {
    setHandler(calendarChangedSignal, () => (this.active ? this.serial(() => this.refresh()) : undefined));
  }

  /**
   * The end of a period from `startMs`, in days (a number) or in days, months or years (民事诉讼法 Art. 85: a last day
   * on a rest day runs to the next working day), as a function: it answers the current end, which a calendar change
   * may move until it has passed.
   */
  async deadline(label: string, startMs: number, length: number | Period): Promise<() => number> {
    const period: Period = typeof length === 'number' ? { days: length } : length;
    // Active before the load: a change that lands while the calendar is being read is handled after it.
    this.active = true;
    await this.serial(() => this.refresh());
    const d: TrackedDeadline = { label, startMs, period, at: periodDeadline(startMs, period, this.cal!) };
    this.tracked.push(d);
    const due = () => d.at;
    this.owners.set(due, d);
    return due;
  }

  /** The step the deadline belonged to is over: later calendar changes need not move it, nor record that they did. */
  release(due: () => number): void {
    const d = this.owners.get(due);
    if (d && this.tracked.includes(d)) this.tracked.splice(this.tracked.indexOf(d), 1);
    this.owners.delete(due);
  }

  /**
   * The parties agreed to a later end (an extension by consent): the deadline is `at` from now on, and a calendar
   * change no longer moves it (the day was agreed, not counted). False when the deadline is not this clock's.
   */
  extendTo(due: () => number, at: number): boolean {
    const d = this.owners.get(due);
    if (!d) return false;
    if (this.tracked.includes(d)) this.tracked.splice(this.tracked.indexOf(d), 1);
    d.at = at;
    return true;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads the calendar and moves every deadline it changes. Each deadline is compared with the calendar itself, not
   * only when the version differs from the last one read: a later period's load may have seen a change first.
   */
  private async refresh(): Promise<void> {
    const data = await loadCalendar();
    this.version = data.version;
    this.cal = toHolidayCalendar(data);
    const moved = movedDeadlines(this.tracked, this.cal!, nowMs());
    if (moved.length === 0) return;
    const events = moved.map(({ deadline: d, to }) => this.host.systemEvent('deadlines_recomputed', recomputedSummary(d.label, d.at, to), {
      label: d.label, from: new Date(d.at).toISOString(), to: new Date(to).toISOString(), fromDay: shanghaiDate(d.at), toDay: shanghaiDate(to),
      calendarVersion: this.version,
    }));
    await activities.persistTransition({ caseNo: this.host.caseNo, at: nowIso(), events });
    // Only now: a step following the deadline then reschedules its task after the reason is on record.
    for (const { deadline, to } of moved) deadline.at = to;
  }
}
