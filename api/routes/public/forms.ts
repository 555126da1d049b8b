/** Turning phone-form fields (all text) into the commands' shapes. */
export function yuanToFen(value: unknown): number | undefined {
  const s = String(value ?? '').trim();
  if (!/^[0-9]{1,10}(\.[0-9]{1,2})?$/.test(s)) return undefined;
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** Empty form fields mean "not given". */
export function blankToUndefined<T extends Record<string, unknown>>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body ?? {}).filter(([, v]) => !(typeof v === 'string' && v.trim() === ''))) as Partial<T>;
}
