/** The grievance's messages and rules: what its workflow runs on (kind-spec.ts KindMessages), and the registry spreads. */
import { complainantNoteSignal, grievanceActUpdate, grievanceViewQuery } from '../../shared/definitions';
import type { KindMessages } from '../kind-spec';
import type { ActionCommand, GrievanceView } from './model';
import { assertCommandAllowed } from './rules';

export const grievanceMessages: KindMessages<GrievanceView, ActionCommand> = {
  view: grievanceViewQuery,
  act: grievanceActUpdate,
  note: { signal: complainantNoteSignal, args: ({ text }) => [{ text }] },
  assertCommandAllowed,
};
