/**
 * Dates as Chinese legal documents print them: 二〇二六年十一月二十五日. Documents carry calendar dates (YYYY-MM-DD);
 * an ISO time is read as the date it was in Asia/Shanghai, where the documents are signed.
 */
import { cnNumber, cnYear } from './chinese-number';

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) of a date or ISO time; throws on anything that is not a real date (2026-02-30). */
export function calendarDate(value: string | Date): string {
  if (value instanceof Date || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${String(value)}`);
    return SHANGHAI_DATE.format(d);
  }
  const [y, m, d] = value.split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new RangeError(`not a date: ${value}`);
  return value;
}

/** 2026-11-25 → 二〇二六年十一月二十五日; 2026-10-01 → 二〇二六年十月一日. */
export function cnDate(value: string | Date): string {
  const [y, m, d] = calendarDate(value).split('-').map(Number);
  return `${cnYear(y)}年${cnNumber(m)}月${cnNumber(d)}日`;
}
