/** Pure deadline arithmetic for statutory periods (DESIGN: deadlines are computed from facts and config, never ad hoc). */
import type { HolidayCalendar } from './holiday-calendar';

const DAY = 86_400_000;
/** Mainland China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET = 8 * 3_600_000;

export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** "2026-11-24 09:30", Shanghai time: for texts a person reads (event summaries), not for arithmetic. */
export function shanghaiMinute(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 16).replace('T', ' ');
}

export function isRestDay(date: string, cal: HolidayCalendar): boolean {
  if (cal.holidays.has(date)) return true;
  if (cal.makeUpWorkdays.has(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * End (last millisecond, Shanghai time) of a period of `days` days starting at `startMs`. The start day is not counted;
 * a last day on a rest day runs to the first working day after it (民事诉讼法 Art. 85).
 */
export function statutoryDeadline(startMs: number, days: number, cal: HolidayCalendar): number {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`period must be a positive whole number of days: ${days}`);
  const startDay = Date.parse(`${shanghaiDate(startMs)}T00:00:00Z`);
  let last = startDay + days * DAY;
  while (isRestDay(new Date(last).toISOString().slice(0, 10), cal)) last += DAY;
  return last + DAY - SHANGHAI_OFFSET - 1;
}

/** A statutory period as a statute states it: in days, months or years. */
export type Period = { days: number } | { months: number } | { years: number } | { workingDays: number };

/** The n-th working day after `startDay` (the start day not counted): the rules' 三日、五日、十日 (办案规则 Art. 81). */
function nthWorkingDayAfter(startDay: string, n: number, cal: HolidayCalendar): number {
  let day = Date.parse(`${startDay}T00:00:00Z`);
  for (let left = n; left > 0;) {
    day += DAY;
    if (!isRestDay(new Date(day).toISOString().slice(0, 10), cal)) left -= 1;
  }
  return day;
}

/** The period's last calendar day before the rest-day rule: the start day not counted; months and years end on the
 * corresponding day of the last month, or that month's last day when it has none (民法典 Art. 202). */
function lastDayOf(startDay: string, period: Exclude<Period, { workingDays: number }>): string {
  if ('days' in period) return new Date(Date.parse(`${startDay}T00:00:00Z`) + period.days * DAY).toISOString().slice(0, 10);
  const months = 'months' in period ? period.months : period.years * 12;
  const [y, m, d] = startDay.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const monthLength = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, monthLength));
  return target.toISOString().slice(0, 10);
}

/**
 * End (last millisecond, Shanghai time) of a period in days, months or years starting at `startMs` (an appeal's 15
 * days, an award's 45, enforcement's 2 years). A last day on a rest day runs to the first working day after it
 * (民事诉讼法 Art. 85). For days this is statutoryDeadline.
 */
export function periodDeadline(startMs: number, period: Period, cal: HolidayCalendar): number {
  const n = 'days' in period ? period.days : 'months' in period ? period.months : 'years' in period ? period.years : period.workingDays;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`period must be a positive whole number: ${JSON.stringify(period)}`);
  if ('workingDays' in period) return nthWorkingDayAfter(shanghaiDate(startMs), n, cal) + DAY - SHANGHAI_OFFSET - 1;
  let last = Date.parse(`${lastDayOf(shanghaiDate(startMs), period)}T00:00:00Z`);
  while (isRestDay(new Date(last).toISOString().slice(0, 10), cal)) last += DAY;
  return last + DAY - SHANGHAI_OFFSET - 1;
}

/** How a period reads in a deadline's label: 15日, 6个月, 2年. */
export function periodText(period: Period): string {
  if ('workingDays' in period) return `${period.workingDays}个工作日`;
  return 'days' in period ? `${period.days}日` : 'months' in period ? `${period.months}个月` : `${period.years}年`;
}
