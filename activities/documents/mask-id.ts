/**
 * Resident identity numbers in documents are masked the way courts publish them: the first six digits (the place of
 * registration) and the last four kept, the birth date and sequence hidden: 330106********1234. Anything that is not
 * an 18-character number (17 digits and a digit or X) is printed as *** rather than guessed at, so that a typo or a
 * passport number never appears in full.
 */
export function maskIdNumber(value: unknown): string {
  const s = String(value ?? '').replace(/\s+/g, '').toUpperCase();
  return /^\d{17}[\dX]$/.test(s) ? `${s.slice(0, 6)}********${s.slice(-4)}` : '***';
}
