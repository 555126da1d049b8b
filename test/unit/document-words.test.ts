import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, cnDate } from '../../activities/documents/chinese-date';
import { cnNumber, cnYear } from '../../activities/documents/chinese-number';
import { maskIdNumber } from '../../activities/documents/mask-id';
import { amountInCapitals, amountInFigures, amountStated } from '../../activities/documents/money-words';

describe('amounts in capitals (fen in, 人民币… out)', () => {
  it('writes the amounts the documents need, as a bank or a court reads them', () => {
    expect(amountInCapitals(0)).toBe('人民币零元整');
    expect(amountInCapitals(7)).toBe('人民币柒分'); // 0.07: no 零元 before an amount under one yuan
    expect(amountInCapitals(50)).toBe('人民币伍角');
    expect(amountInCapitals(1_000)).toBe('人民币壹拾元整'); // 10: never a bare 拾
    expect(amountInCapitals(1_000_000)).toBe('人民币壹万元整'); // 10,000
    expect(amountInCapitals(10_002_050)).toBe('人民币壹拾万零贰拾元伍角'); // 100,020.50
    expect(amountInCapitals(362_000_000)).toBe('人民币叁佰陆拾贰万元整'); // 3,620,000.00: the 43 workers' case
    expect(amountInCapitals(1_234_567)).toBe('人民币壹万贰仟叁佰肆拾伍元陆角柒分');
  });

  it('reads zeros the way the 支付结算办法 examples do', () => {
    expect(amountInCapitals(10_200)).toBe('人民币壹佰零贰元整'); // 102
    expect(amountInCapitals(1_640_902)).toBe('人民币壹万陆仟肆佰零玖元零贰分'); // 16,409.02: 零 for the empty 角
    expect(amountInCapitals(168_032)).toBe('人民币壹仟陆佰捌拾元叁角贰分'); // 1,680.32
    expect(amountInCapitals(10_700_053)).toBe('人民币壹拾万柒仟元伍角叁分'); // 107,000.53
    expect(amountInCapitals(1_050_000)).toBe('人民币壹万零伍佰元整'); // 10,500
    expect(amountInCapitals(10_000_000_100)).toBe('人民币壹亿零壹元整'); // an empty 万 group reads as one 零
    expect(amountInCapitals(10_001_000_000)).toBe('人民币壹亿零壹万元整');
    expect(amountInCapitals(100_000_000_000)).toBe('人民币壹拾亿元整');
    expect(amountInCapitals(1_100_000)).toBe('人民币壹万壹仟元整');
  });

  it('refuses what is not an amount in fen', () => {
    expect(() => amountInCapitals(-1)).toThrow(RangeError);
    expect(() => amountInCapitals(1.5)).toThrow(RangeError);
    expect(() => amountInCapitals(Number.NaN)).toThrow(RangeError);
  });

  it('writes figures with separators and states both', () => {
    expect(amountInFigures(0)).toBe('0.00');
    expect(amountInFigures(7)).toBe('0.07');
    expect(amountInFigures(10_002_050)).toBe('100,020.50');
    expect(amountInFigures(362_000_000)).toBe('3,620,000.00');
    expect(amountStated(1_234_567)).toBe('人民币12,345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）');
  });

  it('never writes two 零 in a row, a 零 before 元 or at the end (0 aside: 人民币零元整), or 拾 without a digit before it', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9_999_999_999_999 }), (fen) => {
      const caps = amountInCapitals(fen);
      expect(caps).not.toMatch(/零零|零元|零整|零$|零[万亿]/);
      expect(caps).not.toMatch(/(^人民币|[^壹贰叁肆伍陆柒捌玖])拾/);
      expect(caps.endsWith('整')).toBe(fen % 100 === 0);
    }));
  });
});

describe('dates in Chinese', () => {
  it('writes the year digit by digit and month and day as numbers', () => {
    expect(cnDate('2026-11-25')).toBe('二〇二六年十一月二十五日');
    expect(cnDate('2026-10-01')).toBe('二〇二六年十月一日');
    expect(cnDate('2030-01-10')).toBe('二〇三〇年一月十日');
    expect(cnDate('2027-02-28')).toBe('二〇二七年二月二十八日');
    expect(cnDate('2026-12-31')).toBe('二〇二六年十二月三十一日');
  });

  it('reads a time as the date it was in Shanghai', () => {
    expect(cnDate('2026-09-30T16:30:00Z')).toBe('二〇二六年十月一日');
    expect(calendarDate(new Date('2026-11-24T23:00:00Z'))).toBe('2026-11-25');
  });

  it('refuses what is not a date', () => {
    expect(() => cnDate('2026-02-30')).toThrow(RangeError);
    expect(() => cnDate('2026-13-01')).toThrow(RangeError);
    expect(() => cnDate('soon')).toThrow(RangeError);
  });

  it('counts in small Chinese numbers', () => {
    expect([1, 10, 11, 20, 21, 43, 100, 105, 110, 1001].map(cnNumber)).toEqual(
      ['一', '十', '十一', '二十', '二十一', '四十三', '一百', '一百零五', '一百一十', '一千零一']);
    expect(cnYear(2030)).toBe('二〇三〇');
  });
});

describe('identity numbers, masked as courts publish them', () => {
  it('keeps the first six and the last four characters of an 18-character number', () => {
    expect(maskIdNumber('330106199001011234')).toBe('330106********1234');
    expect(maskIdNumber('35020519920315432x')).toBe('350205********432X');
    expect(maskIdNumber(' 330106 19900101 1234 ')).toBe('330106********1234');
  });

  it('prints *** for anything else, never a guess', () => {
    for (const bad of ['33010619900101123', '3301061990010112345', '330106900101123', 'E12345678', '', null, undefined, '33010619900101123Y']) {
      expect(maskIdNumber(bad)).toBe('***');
    }
  });
});
