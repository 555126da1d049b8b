/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of the code's alphabet (digits and
 * capitals without I, O, S, V, Z), the last a check character over the first 17. The employer's code is printed in the
 * documents for the institute and the court, so a typo must be caught at intake, not by the clerk. Pure.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters, or null when they are not 17 of the code's alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) return null;
  const sum = [...first17].reduce((t, c, i) => t + ALPHABET.indexOf(c) * WEIGHTS[i], 0);
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function validCreditCode(value: unknown): value is string {
  return typeof value === 'string' && value.length === 18 && creditCodeCheckCharacter(value.slice(0, 17)) === value[17];
}

/** The code with its check character, from the 17 characters before it (for demo data, fixtures and the bench). */
export function withCreditCheck(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === null) throw new Error(`not 17 characters of a credit code: ${first17}`);
  return first17 + check;
}
