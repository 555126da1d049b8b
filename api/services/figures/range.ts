/**
 * The figures' date ranges in Asia/Shanghai: whole days for the supervisors' figures, whole months for the station's.
 * A day or month that does not exist, a range that runs backwards or one longer than three years is refused in zh-CN.
 */
import { badRequest } from '../../errors';
import { shanghaiDay } from '../case-finder';

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
/** a report over more than this is refused: nobody reads it, and it costs the database */
export const MAX_RANGE_DAYS = 3 * 366;

/** today in Shanghai as YYYY-MM-DD */
export function shanghaiToday(now: number): string {
  return new Date(now + SHANGHAI_MS).toISOString().slice(0, 10);
}

export interface DayRange { from: string; to: string; start: Date; before: Date }

/** `from`..`to` inclusive; by default the year up to today. */
export function dayRange(from: string | undefined, to: string | undefined, now: number): DayRange {
  const toDay = to ?? shanghaiToday(now);
  const fromDay = from ?? new Date(shanghaiDay(toDay, '截止日期').getTime() - 364 * DAY_MS + SHANGHAI_MS).toISOString().slice(0, 10);
  const start = shanghaiDay(fromDay, '起始日期');
  const before = new Date(shanghaiDay(toDay, '截止日期').getTime() + DAY_MS);
  if (start >= before) throw badRequest('截止日期不能早于起始日期');
  if (before.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) throw badRequest('日期范围不能超过三年，请缩短范围');
  return { from: fromDay, to: toDay, start, before };
}

export interface MonthRange { months: string[]; start: Date; before: Date }

function monthStart(month: string, label: string): { y: number; m: number } {
  const [y, m] = month.split('-').map(Number);
  if (!(m >= 1 && m <= 12) || y < 2000 || y > 2100) throw badRequest(`${label}不是有效的月份`);
  return { y, m };
}

const atShanghai = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_MS);

/** `from`..`to` inclusive months; by default the twelve up to this one. */
export function monthRange(from: string | undefined, to: string | undefined, now: number): MonthRange {
  const toMonth = monthStart(to ?? shanghaiToday(now).slice(0, 7), '截止月份');
  const back = toMonth.y * 12 + toMonth.m - 1 - 11;
  const fromMonth = from ? monthStart(from, '起始月份') : { y: Math.floor(back / 12), m: (back % 12) + 1 };
  const count = (toMonth.y - fromMonth.y) * 12 + (toMonth.m - fromMonth.m) + 1;
  if (count < 1) throw badRequest('截止月份不能早于起始月份');
  if (count > 36) throw badRequest('月份范围不能超过36个月，请缩短范围');
  const months = Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(fromMonth.y, fromMonth.m - 1 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  return { months, start: atShanghai(fromMonth.y, fromMonth.m), before: atShanghai(toMonth.y, toMonth.m + 1) };
}
