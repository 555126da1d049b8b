import { describe, expect, it } from 'vitest';
import { checkLimitation } from '../../workflows/kinds/mediation/limitation';

const DAY = 86_400_000;
const at = (d: string) => Date.parse(`${d}T10:00:00+08:00`);
const endOf = (d: string) => Date.parse(`${d}T23:59:59.999+08:00`);

describe('the one-year limitation on transfer (劳动争议调解仲裁法 Art. 27)', () => {
  it('runs a year again from the application that interrupted it, and says how much is left', () => {
    const c = checkLimitation('2026-03-01', at('2026-11-20'), endOf('2027-03-01'), endOf('2027-11-22'), at('2026-12-06'), 60);
    expect(c).toMatchObject({ endsAt: endOf('2027-11-22'), daysLeft: 351, warn: false });
    expect(c.summary).toContain('自2026-11-20起重新计算一年，至2027-11-22届满，尚余351日');
  });

  it('warns when it had run out before the application, naming the wage exception', () => {
    const c = checkLimitation('2025-09-01', at('2026-11-20'), endOf('2026-09-01'), endOf('2027-11-22'), at('2026-12-06'), 60);
    expect(c).toMatchObject({ endsAt: null, daysLeft: null, warn: true });
    expect(c.summary).toContain('申请调解时已超过一年仲裁时效');
    expect(c.summary).toContain('拖欠劳动报酬');
  });

  it('warns when fewer days than the threshold are left', () => {
    const c = checkLimitation('2026-01-10', at('2026-01-12'), endOf('2027-01-11'), endOf('2027-01-12'), at('2027-01-12') - 30 * DAY, 60);
    expect(c.warn).toBe(true);
    expect(c.daysLeft).toBe(30);
  });
});
