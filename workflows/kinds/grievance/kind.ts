/** The grievance as the registry knows it: its number, workflow, messages and rules. */
import { complainantNoteSignal, grievanceActUpdate, grievanceViewQuery } from '../../shared/definitions';
import type { CaseKindSpec } from '../kind-spec';
import { ACTION_LABELS, OUTCOME_LABELS, STAGE_LABELS, type ActionCommand, type GrievanceView } from './model';
import { allowedActions, assertCommandAllowed } from './rules';

export const grievanceKind: CaseKindSpec<GrievanceView, ActionCommand> = {
  kind: 'grievance',
  label: '工情诉求',
  prefix: 'GQ',
  workflowType: 'grievance',
  view: grievanceViewQuery,
  act: grievanceActUpdate,
  note: { signal: complainantNoteSignal, args: ({ text }) => [{ text }] },
  actionLabels: ACTION_LABELS,
  stageLabels: STAGE_LABELS,
  outcomeLabels: OUTCOME_LABELS,
  levelLabel: (level) => (level === 'district' ? '区总工会（代访代办）' : '街道工会'),
  tellsEnterprise: true,
  assertCommandAllowed,
  allowedActions,
};
