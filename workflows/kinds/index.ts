/** Every case kind, registered once. The API, pages and inbox find a case's kind from its number and dispatch on this. */
import { defaultGrievancePolicy } from '../../temporal.config';
import { grievanceKind } from './grievance/kind';
import { legalAidKind } from './legal-aid/kind';
import { mediationKind } from './mediation/kind';
import { wageNegotiationKind } from './wage-negotiation/kind';
import type { CaseKindSpec, KindLabels } from './kind-spec';

export type { CaseKindSpec, KindLabels };

/**
 * The kinds as the API, pages and access policy see them. Each kind's entry (kind.ts) is also read by its workflow,
 * so what comes from temporal.config (it reads the environment, which the workflow sandbox has not) is added here.
 */
export const CASE_KINDS: readonly CaseKindSpec<any, any>[] = [
  { ...grievanceKind, policyDefaults: defaultGrievancePolicy as unknown as Record<string, unknown> },
  mediationKind,
  legalAidKind,
  wageNegotiationKind,
];

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

/** Every staff action of every kind, once: what the one action route takes before the case's kind decides. */
export const ALL_ACTIONS: readonly string[] = [...new Set(CASE_KINDS.flatMap((k) => Object.keys(k.actions)))];

/** An action's zh-CN name: the case's kind's word for it, else any kind's (names are unique across kinds). */
export function actionLabel(name: string, caseNo?: string): string {
  const kinds = caseNo ? [kindOfCaseNo(caseNo), ...CASE_KINDS] : CASE_KINDS;
  for (const k of kinds) if (k && Object.hasOwn(k.actions, name)) return k.actions[name].label;
  return name;
}
