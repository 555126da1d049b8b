import { describe, expect, it } from 'vitest';
import { isRestDay, shanghaiDate, statutoryDeadline } from '../../workflows/shared/deadlines';
import { chinaHolidayCalendar as cal } from '../../workflows/shared/holiday-calendar';

const at = (iso: string) => Date.parse(iso);
const endOfShanghaiDay = (date: string) => at(`${date}T23:59:59.999+08:00`);

describe('statutory deadlines', () => {
  it('does not count the start day and ends at the end of the last day, Shanghai time', () => {
    // Monday 2026-11-02 10:00 Shanghai + 15 days = Tuesday 2026-11-17
    expect(statutoryDeadline(at('2026-11-02T10:00:00+08:00'), 15, cal)).toBe(endOfShanghaiDay('2026-11-17'));
  });

  it('uses the Shanghai calendar day even when UTC is still on the previous day', () => {
    // 2026-11-02 01:00 Shanghai is 2026-11-01 17:00 UTC
    expect(shanghaiDate(at('2026-11-01T17:00:00Z'))).toBe('2026-11-02');
    expect(statutoryDeadline(at('2026-11-01T17:00:00Z'), 15, cal)).toBe(endOfShanghaiDay('2026-11-17'));
  });

  it('runs a last day on a weekend to the next working day', () => {
    // 2026-11-06 (Fri) + 15 = 2026-11-21 (Sat) → Monday 2026-11-23
    expect(statutoryDeadline(at('2026-11-06T09:00:00+08:00'), 15, cal)).toBe(endOfShanghaiDay('2026-11-23'));
  });

  it('runs a last day in the National Day holiday to the first working day after it', () => {
    // 2026-09-20 + 15 = 2026-10-05, inside 10-01..10-07 → 2026-10-08
    expect(statutoryDeadline(at('2026-09-20T09:00:00+08:00'), 15, cal)).toBe(endOfShanghaiDay('2026-10-08'));
  });

  it('treats a make-up working Saturday as a working day', () => {
    expect(isRestDay('2026-10-10', cal)).toBe(false);
    expect(isRestDay('2026-10-11', cal)).toBe(true);
    expect(isRestDay('2026-10-12', cal)).toBe(false);
  });

  it('rejects a period that is not a positive whole number of days', () => {
    expect(() => statutoryDeadline(Date.now(), 0, cal)).toThrow(RangeError);
    expect(() => statutoryDeadline(Date.now(), 1.5, cal)).toThrow(RangeError);
  });
});
