/**
 * A round's number from its plan row: WN, the year and the row's id (six digits), so the plan row alone decides the
 * workflow id and a round cannot be opened twice. Ten characters after the prefix, as every case number has.
 */
export function wageRoundCaseNo(year: number, planId: number): string {
  if (!Number.isInteger(planId) || planId < 1 || planId > 999_999) throw new RangeError(`plan id out of range: ${planId}`);
  return `WN${year}${String(planId).padStart(6, '0')}`;
}
