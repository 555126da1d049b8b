import { describe, expect, it } from 'vitest';
import { caseNumberFor } from '../../api/services/case-number';
import { yuanToFen } from '../../workflows/shared/present/form-values';
import { maskName, maskPhone, yuan } from '../../workflows/shared/present/format';

describe('case numbers', () => {
  it('are stable for one idempotency key and distinct across keys', () => {
    expect(caseNumberFor('abc12345')).toBe(caseNumberFor('abc12345'));
    const many = new Set(Array.from({ length: 5000 }, (_, i) => caseNumberFor(`k-${i}`)));
    expect(many.size).toBe(5000);
    for (const n of many) expect(n).toMatch(/^GQ[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
  });

  it('are random without a key', () => {
    expect(caseNumberFor()).not.toBe(caseNumberFor());
  });
});

describe('money and masking', () => {
  it('reads yuan with at most two decimals into fen, exactly', () => {
    expect(yuanToFen('12000')).toBe(1_200_000);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('3620000.05')).toBe(362_000_005);
    for (const bad of ['', 'abc', '1.234', '-5', '1e3', ' ']) expect(yuanToFen(bad)).toBeUndefined();
  });

  it('formats fen as yuan and masks personal data', () => {
    expect(yuan(860_000)).toBe('8600.00');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('王小明')).toBe('王**');
  });
});
