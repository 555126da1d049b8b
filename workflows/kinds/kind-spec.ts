/**
 * What a case kind registers once (DESIGN "One core, four kinds"): the API, the pages, the inbox, the supervisors'
 * account and the access policy dispatch on it and never name a kind. Pure: no I/O, no api/ imports.
 */
import type { QueryDefinition, SignalDefinition, UpdateDefinition } from '@temporalio/common';
import type { CaseViewBase } from '../shared/case-view';
import type { KindCommand } from '../shared/definitions';
import type { FormBody } from '../shared/present/form-values';
import type { Actor, StaffRole } from '../shared/roles';
import type { KindAccount } from './account-spec';

/** How the kind's words read in zh-CN: every table complete for every value the kind's workflow can produce. */
export interface KindLabels {
  stages: Record<string, string>;
  outcomes: Record<string, string>;
  /** what a case row's `category` column holds for this kind */
  categories: Record<string, string>;
  /** SMS templates the kind's workflow sends (the SMS page's filter, the supervisors' account) */
  sms: Record<string, string>;
  /** who runs the case, as the supervisors' account names it */
  level(level: string): string;
}

/** How the page shows an action's form: the process's next steps first, the irreversible ones apart, behind a confirm. */
export type ActionGroup = 'main' | 'other' | 'irreversible';

export interface KindAction<P = unknown> {
  label: string;
  /** the payload's JSON schema (properties, required): validation and the OpenAPI document alike */
  body: { required?: readonly string[]; properties: Record<string, unknown> };
  /** the page's form (all text) → the payload; throws FormError with a zh-CN message */
  form(body: FormBody): P;
  group: ActionGroup;
  /** the permission an actor's role needs beyond 'case.act' (none: the kind's rules alone decide) */
  permission?: string;
}

/** What Postgres kept of a case, for a view rebuilt once the workflow has left the engine's retention. */
export interface ArchivedCase<T> {
  row: {
    case_no: string; stage: string; level: string; status: string; outcome: string | null; recovered_fen: number | null;
    rating: number | null; district_id: string; street_id: string; enterprise_id: string | null; enterprise_name: string;
    enterprise_notified_at: Date | null; created_at: Date | string;
  };
  openTasks: T[];
  parties: { party_no: number; side: string; name: string; phone: string | null; id_number: string | null; enterprise_id: string | null; claimed_fen: number }[];
}

/** What the staff page of a case needs beyond the view: loaded by the core for every kind. */
export interface PageContext<V> {
  view: V;
  /** the actions valid now for this person */
  actions: string[];
  /** an action refused: its form shows the message and what was typed */
  failed?: { action: string; message: string; values: FormBody };
  /** who reads the page: an Actor, so the core's rules (claimable tasks) read it as they read a command's sender */
  staff: Actor;
  /** names of the units documents were addressed to */
  unitNames: Map<string, string>;
  /** the courts a case may be sent to (a mediation's enforcement where the property is); absent where none is offered */
  courts?: { unitId: string; name: string }[];
  now: number;
}

export interface KindPermission {
  label: string;
  roles: readonly StaffRole[];
}

export interface CaseKindSpec<V extends CaseViewBase = CaseViewBase, C extends KindCommand = KindCommand> {
  /** stored in cases.kind */
  kind: string;
  /** how people call it, zh-CN */
  label: string;
  /** the case number's first two letters: any page or API call tells the kind from the number */
  prefix: string;
  /** the workflow function's name; the workflow id is `<kind>-<caseNo>` */
  workflowType: string;
  view: QueryDefinition<V>;
  act: UpdateDefinition<V, [C]>;
  /** how a party's note reaches the workflow */
  note: { signal: SignalDefinition<any[]>; args: (note: { text: string; actor: Actor }) => unknown[] };
  labels: KindLabels;
  /** every command staff send, by name; an action a worker or party sends through their own page is not listed */
  actions: Record<string, KindAction>;
  /** the staff page: its template (templates/pages) and the model it is drawn from */
  page: { template: string; title: string; model(ctx: PageContext<V>): Record<string, unknown> };
  /** the view of a case past retention, from what Postgres kept (no more commands are taken on it) */
  archivedView(kept: ArchivedCase<V['openTasks'][number]>): V;
  /** where staff open a new case of this kind (the menu shows it to roles with the permission) */
  intake?: { path: string; label: string; permission: string };
  /** permissions the kind adds to the access policy, with the roles that hold them */
  permissions: Record<string, KindPermission>;
  /** whether this staff member runs the case (sees its parties unmasked) though their role is outside the union's line */
  runsCase(staff: { role: string; unitId: string }, view: V): boolean;
  /** the policy an older case's input lacks, filled in when its account is told */
  policyDefaults: Record<string, unknown>;
  /** whether the enterprise union chair is told of the case (the grievance's 12-hour notice) */
  tellsEnterprise: boolean;
  /** throws the typed zh-CN domain error the update validator throws */
  assertCommandAllowed(cmd: C, view: V): void;
  allowedActions(view: V, actor: Actor): string[];
  /** the supervisors' account in the kind's own words: its timers, SMS titles, events (account-spec.ts) */
  account?: KindAccount;
}

/**
 * The part of a kind's entry its workflow runs on (workflows/shared/case-runner.ts): its messages and its rules. Kept
 * apart from the rest of the entry (schemas, forms, page models, account words), because the workflow sandbox evaluates
 * every module a workflow imports anew for each workflow run, and the rest is the API's, not the workflow's.
 */
export type KindMessages<V extends CaseViewBase = CaseViewBase, C extends KindCommand = KindCommand> =
  Pick<CaseKindSpec<V, C>, 'view' | 'act' | 'note' | 'assertCommandAllowed'>;

/** A kind's table of actions, one entry a name. */
export function actionsOf<N extends string>(names: readonly N[], make: (name: N) => KindAction): Record<N, KindAction> {
  const out = {} as Record<N, KindAction>;
  for (const name of names) out[name] = make(name);
  return out;
}
