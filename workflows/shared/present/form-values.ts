/** Turning form fields (all text) into the commands' shapes; pure, shared by every kind's form parser and the pages. */

/** A posted form: text fields, and lists for repeated fields (ticked boxes). */
export type FormBody = Record<string, string | string[] | undefined>;

/**
 * A form that cannot be read: the page shows the zh-CN message inside the form, with what was typed (HTTP 400). Thrown
 * by the kinds' pure form parsers, which must not import api/.
 */
export class FormError extends Error {
  readonly statusCode = 400;
  readonly code = 'BAD_REQUEST';
}
export const formError = (message: string) => new FormError(message);

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

/** One text field of a form, trimmed; blank is "not given"; a field sent twice is refused (zh-CN, naming it). */
export function oneField(f: FormBody, name: string): string | undefined {
  const v = f[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw formError(`字段“${name}”只能填写一项`);
  return v.trim() === '' ? undefined : v.trim();
}
