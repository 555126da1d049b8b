/** The wage round's messages and rules: what its workflow runs on (kind-spec.ts KindMessages), and the registry spreads. */
import { caseActUpdate, caseNoteSignal, caseViewQuery } from '../../shared/definitions';
import type { KindMessages } from '../kind-spec';
import type { WageCommand, WageRoundView } from './model';
import { assertWageCommandAllowed } from './rules';

type Messages = KindMessages<WageRoundView, WageCommand>;

export const wageMessages: Messages = {
  view: caseViewQuery as Messages['view'],
  act: caseActUpdate as unknown as Messages['act'],
  note: { signal: caseNoteSignal, args: (note) => [note] },
  assertCommandAllowed: assertWageCommandAllowed,
};
