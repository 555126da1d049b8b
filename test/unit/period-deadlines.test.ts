/** Statutory periods in days, months and years (legal aid's clocks: an appeal's 15 days, enforcement's 2 years). */
import { describe, expect, it } from 'vitest';
import { periodDeadline, periodText, statutoryDeadline } from '../../workflows/shared/deadlines';
import { chinaHolidayCalendar as cal, type HolidayCalendar } from '../../workflows/shared/holiday-calendar';

const at = (iso: string) => Date.parse(iso);
const endOf = (date: string) => at(`${date}T23:59:59.999+08:00`);
const weekendsOnly: HolidayCalendar = { holidays: new Set(), makeUpWorkdays: new Set() };

describe('periods in days, months and years', () => {
  it('counts days exactly as the day-based deadline does', () => {
    for (const start of ['2026-11-02T10:00:00+08:00', '2026-09-18T16:00:00+08:00', '2026-12-31T23:30:00+08:00']) {
      expect(periodDeadline(at(start), { days: 15 }, cal)).toBe(statutoryDeadline(at(start), 15, cal));
    }
  });

  it('runs an appeal served on a Friday before National Day past the holiday week', () => {
    // served Friday 2026-09-18: the 15th day, 2026-10-03, falls in the 1–7 October holiday → Thursday 2026-10-08
    expect(periodDeadline(at('2026-09-18T15:00:00+08:00'), { days: 15 }, cal)).toBe(endOf('2026-10-08'));
  });

  it('ends a period in months on the corresponding day, or the month’s last day when it has none', () => {
    expect(periodDeadline(at('2026-03-16T09:00:00+08:00'), { months: 1 }, weekendsOnly)).toBe(endOf('2026-04-16'));
    // 31 January + 1 month: no 31 February → 28 February 2027, a Sunday → Monday 1 March
    expect(periodDeadline(at('2027-01-31T09:00:00+08:00'), { months: 1 }, weekendsOnly)).toBe(endOf('2027-03-01'));
  });

  it('ends a period in years on the corresponding day, a leap day on 28 February, a make-up workday counting as work', () => {
    // 29 Feb 2024 + 2 years → 28 Feb 2026, a Saturday: a rest day on a plain calendar, a make-up workday in China's 2026
    expect(periodDeadline(at('2024-02-29T10:00:00+08:00'), { years: 2 }, weekendsOnly)).toBe(endOf('2026-03-02'));
    expect(periodDeadline(at('2024-02-29T10:00:00+08:00'), { years: 2 }, cal)).toBe(endOf('2026-02-28'));
  });

  it('uses the Shanghai calendar day of the start and refuses a period that is not a positive whole number', () => {
    // 2026-03-15 20:00 UTC is already the 16th in Shanghai
    expect(periodDeadline(at('2026-03-15T20:00:00Z'), { months: 1 }, weekendsOnly)).toBe(endOf('2026-04-16'));
    expect(() => periodDeadline(0, { months: 0 }, cal)).toThrow(RangeError);
    expect(() => periodDeadline(0, { years: 1.5 }, cal)).toThrow(RangeError);
    expect([periodText({ days: 15 }), periodText({ months: 6 }), periodText({ years: 2 })]).toEqual(['15日', '6个月', '2年']);
  });
});
