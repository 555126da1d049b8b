/** The outcome as the worker's SMS says it, with what happens next for them. Pure. */
import { OUTCOME_LABELS, type Outcome } from './model';

const NEXT: Record<Outcome, string> = {
  mediated: '工会将回访您，确认款项是否到位。',
  arbitration: '工会将回访您，并可为您申请法律援助。',
  court: '工会法律援助工作站将审查并为您指派律师。',
  legal_aid: '工会法律援助工作站将审查并为您指派律师。',
  station: '调解站将与您和单位联系，组织调解。',
  unfounded: '如您仍有疑问，可在进度页补充说明。',
  withdrawn: '',
};

export function workerOutcome(outcome: Outcome, recoveredFen: number | null): { outcome: string; next: string } {
  const money = outcome === 'mediated' && recoveredFen ? `，追回${(recoveredFen / 100).toFixed(2)}元` : '';
  return { outcome: `${OUTCOME_LABELS[outcome]}${money}`, next: NEXT[outcome] };
}
