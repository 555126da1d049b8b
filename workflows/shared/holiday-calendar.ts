/**
 * Public holidays and make-up working days (调休上班) of mainland China: the shape workflows compute deadlines with.
 * Dates are local (Asia/Shanghai) calendar days, YYYY-MM-DD; a day in neither set follows the weekday.
 *
 * Since issue 16 the calendar is data (table calendar_days, migration 009, kept by district staff on /staff/calendar,
 * loaded by the loadCalendar activity). Do not add years here.
 */
export interface HolidayCalendar {
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
}

function span(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

/**
 * FROZEN: the 2026 calendar as it was compiled into workflows before issue 16 (source: 国务院办公厅关于2026年部分节假日
 * 安排的通知, 2025-11-04). Only grievances whose history predates patch 'calendar-as-data' use it, so that on replay they
 * compute the deadline they recorded; migration 009 seeded calendar_days with exactly these days.
 */
export const chinaHolidayCalendar: HolidayCalendar = {
  holidays: new Set([
    ...span('2026-01-01', 3), // 元旦
    ...span('2026-02-15', 9), // 春节
    ...span('2026-04-04', 3), // 清明节
    ...span('2026-05-01', 5), // 劳动节
    ...span('2026-06-19', 3), // 端午节
    ...span('2026-09-25', 3), // 中秋节
    ...span('2026-10-01', 7), // 国庆节
  ]),
  makeUpWorkdays: new Set(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
};
