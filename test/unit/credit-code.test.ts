import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, validCreditCode, withCreditCheck } from '../../workflows/kinds/mediation/credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts a code whose last character is the check character of the first 17', () => {
    // 91350100M000100Y43 is a code of a Fuzhou enterprise, as published.
    expect(validCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckCharacter('91350200MA2Y8K3L4')).toBe('W');
    expect(creditCodeCheckCharacter('91330106MA2H4K7Q3')).toBe('D');
    expect(validCreditCode('91350200MA2Y8K3L4W')).toBe(true);
    expect(validCreditCode('91330106MA2H4K7Q3D')).toBe(true);
  });

  it('refuses the demo codes as they were, a wrong length, and letters outside the code alphabet (I, O, S, V, Z)', () => {
    expect(validCreditCode('91350200MA2Y8K3L4Q')).toBe(false);
    expect(validCreditCode('91330106MA2H4K7Q3X')).toBe(false);
    expect(validCreditCode('91350200MA2Y8K3L4')).toBe(false);
    expect(validCreditCode('91350200MA2Y8K3L4WW')).toBe(false);
    expect(validCreditCode('91350200MA2Y8K3LOW')).toBe(false);
    expect(validCreditCode('91350100m000100y43')).toBe(false);
    expect(validCreditCode(913501001)).toBe(false);
    expect(creditCodeCheckCharacter('91350200MA2Y8K3LS')).toBeNull();
  });

  it('computes the check character for demo data, including the one that comes out as 0', () => {
    expect(withCreditCheck('91350200MA2Y8K3L4')).toBe('91350200MA2Y8K3L4W');
    const zero = Array.from({ length: 31 }, (_, i) => `9135020000000000${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}`).map(withCreditCheck).find((c) => c.endsWith('0'));
    expect(zero && validCreditCode(zero)).toBe(true);
    expect(() => withCreditCheck('91350200MA2Y8K3L')).toThrow();
  });
});
