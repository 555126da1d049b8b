/**
 * The running system's cases, phones and tokens that valid requests need. Recipes are written before the system
 * starts, so they say {A}, {B}, {phoneA} and {W} (a wage round's 协商码); fillDeep puts the real values in when a request is built.
 */

/** Filled in beforeAll (setup.ts): the cases, phones and tokens the valid requests need. */
export const live = {
  caseA: '', phoneA: '', caseB: '', workerToken: '', wageCode: '', staff: {} as Record<string, string>, csrf: { secret: '', token: '' },
};

const fill = (v: string) => v.replaceAll('{A}', live.caseA).replaceAll('{B}', live.caseB).replaceAll('{phoneA}', live.phoneA).replaceAll('{W}', live.wageCode);
export function fillDeep<T>(v: T): T {
  if (typeof v === 'string') return fill(v) as T;
  if (Array.isArray(v)) return v.map(fillDeep) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fillDeep(x)])) as T;
  return v;
}
