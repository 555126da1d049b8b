/**
 * Amounts of money in figures and in capitals (大写), the way a bank, an arbitration institute or a court reads them.
 * Capitals follow the rules of the 支付结算办法 annex: 壹拾 (never a bare 拾), one 零 for a run of zeros, 整 after 元
 * when there are no 角 or 分 (none after 角 or 分), 零 between 元 and 分 when 角 is zero, and no 零元 before an amount
 * under one yuan (人民币柒分). Money is in fen, an integer, everywhere (DESIGN, conventions).
 */
const CAPS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['仟', '佰', '拾', ''];
const GROUPS = ['', '万', '亿', '万亿'];

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`an amount in fen must be a non-negative integer, got ${fen}`);
}

/** A group of four digits (1 … 9999) with its units; zeros inside collapse to one 零, trailing zeros vanish. */
function groupCaps(n: number): string {
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  for (let i = 0; i < 4; i++) {
    if (digits[i] === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += CAPS[0];
    zero = false;
    out += CAPS[digits[i]] + IN_GROUP[i];
  }
  return out;
}

/** Whole yuan in capitals (without 元): 100020 → 壹拾万零贰拾. */
function yuanCaps(yuan: number): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let needZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      if (out) needZero = true; // 壹亿零壹元: an empty group between two others is read as one 零
      continue;
    }
    // A lower group under a thousand after a higher one is read with 零 before it: 壹万零伍佰.
    if (out && (needZero || g < 1000)) out += CAPS[0];
    needZero = false;
    out += groupCaps(g) + GROUPS[i];
  }
  return out;
}

/** 1234567 → 人民币壹万贰仟叁佰肆拾伍元陆角柒分; 0 → 人民币零元整; 7 → 人民币柒分; 1000 → 人民币壹拾元整. */
export function amountInCapitals(fen: number): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (fen === 0) return '人民币零元整';
  let out = yuan > 0 ? `${yuanCaps(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `人民币${out}整`;
  if (jiao > 0) out += `${CAPS[jiao]}角`;
  else if (yuan > 0) out += CAPS[0]; // 壹万陆仟肆佰零玖元零贰分: the empty 角 is read as 零
  if (cents > 0) out += `${CAPS[cents]}分`;
  return `人民币${out}`;
}

/** 362000000 → 3,620,000.00: yuan with thousands separators and two decimals, as amounts are written in figures. */
export function amountInFigures(fen: number): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}

/** 人民币12,345.67元（大写：人民币壹万贰仟叁佰肆拾伍元陆角柒分）: the one way an amount is stated in a document. */
export function amountStated(fen: number): string {
  return `人民币${amountInFigures(fen)}元（大写：${amountInCapitals(fen)}）`;
}
