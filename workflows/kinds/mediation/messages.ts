/** The mediation's messages and rules: what its workflow runs on (kind-spec.ts KindMessages), and the registry spreads. */
import { caseActUpdate, caseNoteSignal, caseViewQuery } from '../../shared/definitions';
import type { KindMessages } from '../kind-spec';
import type { MediationCommand, MediationView } from './model';
import { assertMediationCommandAllowed } from './rules';

type Messages = KindMessages<MediationView, MediationCommand>;

export const mediationMessages: Messages = {
  view: caseViewQuery as Messages['view'],
  act: caseActUpdate as unknown as Messages['act'],
  note: { signal: caseNoteSignal, args: (note) => [note] },
  assertCommandAllowed: assertMediationCommandAllowed,
};
