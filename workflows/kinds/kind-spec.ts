/** What a case kind registers once (DESIGN "One core, four kinds"): the API, pages and inbox dispatch on it. Pure. */
import type { QueryDefinition, SignalDefinition, UpdateDefinition } from '@temporalio/common';
import type { CaseViewBase } from '../shared/case-view';
import type { KindCommand } from '../shared/definitions';
import type { Actor } from '../shared/roles';

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
  actionLabels: Record<string, string>;
  stageLabels: Record<string, string>;
  outcomeLabels: Record<string, string>;
  /** who runs the case, as the supervisors' account names it */
  levelLabel(level: string): string;
  /** whether the enterprise union chair is told of the case (the grievance's 12-hour notice) */
  tellsEnterprise: boolean;
  /** throws the typed zh-CN domain error the update validator throws */
  assertCommandAllowed(cmd: C, view: V): void;
  allowedActions(view: V, actor: Actor): string[];
}
