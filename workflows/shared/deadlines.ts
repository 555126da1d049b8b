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
