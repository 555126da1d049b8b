/** Every case kind, registered once. The API finds a case's kind from its number and dispatches on this. */
import { grievanceKind } from './grievance/kind';
import { mediationKind } from './mediation/kind';
import type { CaseKindSpec } from './kind-spec';

export type { CaseKindSpec };

export const CASE_KINDS: readonly CaseKindSpec<any, any>[] = [grievanceKind, mediationKind];

/** Case numbers: the kind's two-letter prefix and ten Crockford base32 characters. */
export const CASE_NO_PATTERN = `^(${CASE_KINDS.map((k) => k.prefix).join('|')})[0-9A-Z]{10}$`;

export function kindOfCaseNo(caseNo: string): CaseKindSpec<any, any> | undefined {
  return CASE_KINDS.find((k) => caseNo.startsWith(k.prefix));
}

export function kindNamed(kind: string): CaseKindSpec<any, any> | undefined {
  return CASE_KINDS.find((k) => k.kind === kind);
}

/** `<kind>-<caseNo>`: stable and meaningful, so Temporal itself refuses a second workflow for one case. */
export function workflowIdOf(caseNo: string): string {
  const kind = kindOfCaseNo(caseNo);
  if (!kind) throw new RangeError(`not a case number: ${caseNo}`);
  return `${kind.kind}-${caseNo}`;
}
