/**
 * A mainland resident ID number (居民身份证号码, GB 11643-1999): 17 digits and a check character, a birth date that
 * exists. It is printed (masked) in the documents for the court, so a typo must be caught when the worker is
 * registered, not by the clerk. Pure.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function validIdNumber(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{17}[\dX]$/.test(value)) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const at = Date.parse(`${birth}T00:00:00Z`);
  if (Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== birth || value.slice(6, 8) < '19') return false;
  const sum = [...value.slice(0, 17)].reduce((t, d, i) => t + Number(d) * WEIGHTS[i], 0);
  return CHECK[sum % 11] === value[17];
}

/** The ID number with its check character, from the 17 digits before it (for demo data, fixtures and the bench). */
export function withCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((t, d, i) => t + Number(d) * WEIGHTS[i], 0);
  return first17 + CHECK[sum % 11];
}
