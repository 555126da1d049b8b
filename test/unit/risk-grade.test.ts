import { describe, expect, it } from 'vitest';
import { lastMonths } from '../../api/services/risk-warning/report';
import { riskWarningConfig } from '../../temporal.config';
import { colourFor, followUpId } from '../../workflows/risk-warning/grade';

describe('risk warning: grading', () => {
  it('a count earns the highest colour whose threshold it reaches', () => {
    const t = { blue: 3, yellow: 6, red: 10 };
    expect([0, 2, 3, 5, 6, 9, 10, 40].map((n) => colourFor(n, t))).toEqual(['none', 'none', 'blue', 'blue', 'yellow', 'yellow', 'red', 'red']);
  });

  it('the configured thresholds rise from blue to red', () => {
    for (const t of [riskWarningConfig.policy.street, riskWarningConfig.policy.enterprise]) expect(t.blue < t.yellow && t.yellow < t.red).toBe(true);
  });

  it('a follow-up key names unit, colour and day', () => {
    expect(followUpId('enterprise', 'e-jingmi', 'red', '2026-12-07')).toBe('risk-enterprise-e-jingmi-red-2026-12-07');
  });

  it('months of the trend are Shanghai calendar months, oldest first, across a year end', () => {
    // 2027-01-01 01:00 in Shanghai is still 2026-12-31 in UTC
    expect(lastMonths(Date.parse('2026-12-31T17:00:00Z'), 3)).toEqual(['2026-11', '2026-12', '2027-01']);
  });
});
