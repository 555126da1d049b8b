/**
 * Small numbers in Chinese numerals as legal documents write them in running text: 一, 十, 十一, 二十, 四十三, 一百零五
 * (party numbers 申请人四十三, installment numbers 第三期, months and days of dates). Not for money: amounts use the
 * capital digits of money-words.ts, which must not be altered after writing.
 */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0 … 9999. A leading 一十 is written 十 (十一, 十五日), as dates and ordinals read; 一百一十 keeps its 一 inside. */
export function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`cnNumber: ${n} is not an integer from 0 to 9999`);
  if (n === 0) return DIGITS[0];
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    const d = digits[i];
    if (d === 0) {
      if (out) zero = true; // one 零 for a run of zeros between digits (一百零五), none at the end (一百)
      continue;
    }
    if (zero) out += DIGITS[0];
    zero = false;
    out += DIGITS[d] + units[i];
  }
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** The digits of a year one by one, with 〇 for zero: 2026 → 二〇二六. */
export function cnYear(year: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`cnYear: ${year} is not a four-digit year`);
  return String(year).split('').map((c) => (c === '0' ? '〇' : DIGITS[Number(c)])).join('');
}
