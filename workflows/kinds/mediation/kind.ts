/** The mediation → arbitration handoff as the registry knows it: number MA…, the generic messages, its rules. */
import { caseActUpdate, caseNoteSignal, caseViewQuery } from '../../shared/definitions';
import type { CaseKindSpec } from '../kind-spec';
import { MEDIATION_ACTION_LABELS, MEDIATION_OUTCOME_LABELS, MEDIATION_STAGE_LABELS, type MediationCommand, type MediationView } from './model';
import { allowedMediationActions, assertMediationCommandAllowed } from './rules';

export const mediationKind: CaseKindSpec<MediationView, MediationCommand> = {
  kind: 'mediation',
  label: '劳动争议调解',
  prefix: 'MA',
  workflowType: 'mediationArbitration',
  view: caseViewQuery as CaseKindSpec<MediationView, MediationCommand>['view'],
  act: caseActUpdate as unknown as CaseKindSpec<MediationView, MediationCommand>['act'],
  note: { signal: caseNoteSignal, args: (note) => [note] },
  actionLabels: MEDIATION_ACTION_LABELS,
  stageLabels: MEDIATION_STAGE_LABELS,
  outcomeLabels: MEDIATION_OUTCOME_LABELS,
  levelLabel: () => '劳动争议调解站',
  tellsEnterprise: false,
  assertCommandAllowed: assertMediationCommandAllowed,
  allowedActions: allowedMediationActions,
};
