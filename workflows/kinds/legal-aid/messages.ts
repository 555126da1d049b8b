/** The legal-aid case's messages and rules: what its workflow runs on (kind-spec.ts KindMessages), and the registry spreads. */
import { caseActUpdate, caseNoteSignal, caseViewQuery } from '../../shared/definitions';
import type { KindMessages } from '../kind-spec';
import type { LegalAidCommand, LegalAidView } from './model';
import { assertLegalAidCommandAllowed } from './rules';

type Messages = KindMessages<LegalAidView, LegalAidCommand>;

export const legalAidMessages: Messages = {
  view: caseViewQuery as Messages['view'],
  act: caseActUpdate as unknown as Messages['act'],
  note: { signal: caseNoteSignal, args: (note) => [note] },
  assertCommandAllowed: assertLegalAidCommandAllowed,
};
