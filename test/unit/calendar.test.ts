/** The holiday calendar as data (issue 16): the pure parts. */
import { describe, expect, it } from 'vitest';
import { calendarValidationMessage } from '../../api/schemas/calendar';
import { checkDay, editableRange } from '../../api/services/calendar';
import { calendarVersion } from '../../db/queries/calendar';
import { SEED_2026 } from '../../db/migrations/009_calendar';
import { statutoryDeadline } from '../../workflows/shared/deadlines';
import { chinaHolidayCalendar } from '../../workflows/shared/holiday-calendar';
import { movedDeadlines, recomputedSummary, toHolidayCalendar, type TrackedDeadline } from '../../workflows/shared/statutory-clock';

const at = (iso: string) => Date.parse(iso);
const endOf = (day: string) => at(`${day}T23:59:59.999+08:00`);
const cal = (holidays: string[] = [], makeUpWorkdays: string[] = []) => toHolidayCalendar({ holidays, makeUpWorkdays, version: 'x' });

describe('the seeded calendar', () => {
  it('holds exactly the 2026 days that were compiled into workflows', () => {
    expect(new Set(SEED_2026.filter((d) => d.rest).map((d) => d.day))).toEqual(chinaHolidayCalendar.holidays);
    expect(new Set(SEED_2026.filter((d) => !d.rest).map((d) => d.day))).toEqual(chinaHolidayCalendar.makeUpWorkdays);
    expect(new Set(SEED_2026.map((d) => d.day)).size).toBe(SEED_2026.length);
  });
});

describe('calendar version', () => {
  const days = [{ day: '2026-10-01', rest: true }, { day: '2026-10-10', rest: false }];
  it('depends on the days and whether they are rest, not on their order', () => {
    expect(calendarVersion(days)).toBe(calendarVersion([...days].reverse()));
    expect(calendarVersion(days)).not.toBe(calendarVersion([days[0], { ...days[1], rest: true }]));
    expect(calendarVersion(days)).not.toBe(calendarVersion(days.slice(0, 1)));
    expect(calendarVersion(days)).toMatch(/^[0-9a-f]{16}$/);
  });
  it('comes back when a change is undone', () => {
    expect(calendarVersion([...days, { day: '2026-12-01', rest: true }])).not.toBe(calendarVersion(days));
    expect(calendarVersion(days.map((d) => ({ ...d, note: '改了说明' })))).toBe(calendarVersion(days));
  });
});

describe('deadlines moved by a new calendar', () => {
  // Monday 2026-11-02 + 15 days = Tuesday 2026-11-17
  const start = at('2026-11-02T10:00:00+08:00');
  const tracked = (): TrackedDeadline => ({ label: '15日调解期限', startMs: start, period: { days: 15 }, at: statutoryDeadline(start, 15, cal()) });

  it('moves a deadline not yet passed whose last day became a holiday to the next working day', () => {
    const d = tracked();
    expect(d.at).toBe(endOf('2026-11-17'));
    expect(movedDeadlines([d], cal(['2026-11-17']), at('2026-11-10T00:00:00+08:00'))).toEqual([{ deadline: d, to: endOf('2026-11-18') }]);
    // several holidays and a weekend in a row
    expect(movedDeadlines([d], cal(['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']), start)[0].to).toBe(endOf('2026-11-23'));
  });

  it('moves nothing when the change concerns a day after the deadline, or before it', () => {
    expect(movedDeadlines([tracked()], cal(['2026-11-18', '2026-11-20']), start)).toEqual([]);
    expect(movedDeadlines([tracked()], cal(['2026-11-16']), start)).toEqual([]);
  });

  it('leaves a deadline that has already passed where it was', () => {
    expect(movedDeadlines([tracked()], cal(['2026-11-17']), endOf('2026-11-17') + 1)).toEqual([]);
    expect(movedDeadlines([tracked()], cal(['2026-11-17']), endOf('2026-11-17') - 1)).toHaveLength(1);
  });

  it('brings a deadline back when a holiday is cleared, and a make-up working Saturday ends a period on it', () => {
    const d = { ...tracked(), at: endOf('2026-11-18') };
    expect(movedDeadlines([d], cal(), start)[0].to).toBe(endOf('2026-11-17'));
    // Friday 2026-11-06 + 15 = Saturday 2026-11-21, normally → Monday 11-23; a make-up working Saturday ends it there
    const fri = at('2026-11-06T09:00:00+08:00');
    const sat = { label: 'x', startMs: fri, period: { days: 15 }, at: endOf('2026-11-23') };
    expect(movedDeadlines([sat], cal([], ['2026-11-21']), fri)[0].to).toBe(endOf('2026-11-21'));
  });

  it('says in zh-CN which way it moved', () => {
    expect(recomputedSummary('15日调解期限', endOf('2026-11-17'), endOf('2026-11-18'))).toBe('节假日安排调整：“15日调解期限”的期限由 2026-11-17 顺延至 2026-11-18');
    expect(recomputedSummary('15日调解期限', endOf('2026-11-18'), endOf('2026-11-17'))).toBe('节假日安排调整：“15日调解期限”的期限由 2026-11-18 提前至 2026-11-17');
  });
});

describe('days staff may set', () => {
  const now = at('2026-11-25T12:00:00+08:00');
  it('are real days from the start of last year to the end of the year after next', () => {
    expect(editableRange(now)).toEqual({ from: '2025-01-01', to: '2028-12-31' });
    expect(checkDay('2027-02-11', now)).toBe('2027-02-11');
    expect(checkDay('2028-02-29', now)).toBe('2028-02-29');
  });
  it('refuses an impossible or far-off day in zh-CN', () => {
    expect(() => checkDay('2027-02-29', now)).toThrow('日期不存在：“2027-02-29”');
    expect(() => checkDay('2027-13-01', now)).toThrow('日期不存在');
    expect(() => checkDay('2024-12-31', now)).toThrow('只能设置 2025-01-01 至 2028-12-31 之间的日期');
    expect(() => checkDay('9999-01-01', now)).toThrow('只能设置');
  });
  it('names the calendar\'s fields in the refusal', () => {
    expect(calendarValidationMessage([{ keyword: 'enum', instancePath: '/rest', schemaPath: '', params: {}, message: '' }])).toContain('放假还是调休上班');
    expect(calendarValidationMessage([{ keyword: 'required', instancePath: '', schemaPath: '', params: { missingProperty: 'rest' }, message: '' }])).toContain('放假还是调休上班');
    expect(calendarValidationMessage([{ keyword: 'pattern', instancePath: '/day', schemaPath: '', params: {}, message: '' }])).toContain('日期格式不正确');
    expect(calendarValidationMessage([{ keyword: 'maxLength', instancePath: '/note', schemaPath: '', params: { limit: 100 }, message: '' }])).toBe('说明不能超过100个字');
  });
});
