/**
 * What a mediation command means beyond the state it changes (kinds/mediation/state.ts): whether the main flow moves
 * on it, so that its answer waits for the flow, and what the case row's summary of the group becomes.
 */
import type { MediationCommand } from '../kinds/mediation/model';
import { agreementReached, type MediationState } from '../kinds/mediation/state';
import { allWorkersLeft } from '../kinds/mediation/party-changes';
import type { MediationPaperwork } from './paperwork';

/** Most commands leave the flow where it is, and are answered at once. */
export function movesTheFlow(s: MediationState, paperwork: MediationPaperwork, cmd: MediationCommand): boolean {
  switch (cmd.action) {
    case 'confirmAgreement': return agreementReached(s);
    case 'withdrawWorker': case 'splitOffWorker': return agreementReached(s) || allWorkersLeft(s);
    case 'refuse': case 'submitForReview': case 'confirmReview': case 'rejectReview': case 'claimTask': case 'takeOver': return true;
    case 'acceptReview': case 'declineReview': case 'performWithoutReview': case 'recordPaymentOrder': return true;
    case 'confirmReceipt': {
      const unit = s.documents.find((d) => d.id === cmd.payload.documentId)?.addressedTo;
      return (s.stage === 'transferring' || s.stage === 'enforcing') && !!unit && paperwork.allReceived(unit);
    }
    default: return false;
  }
}

/** The case row's summary of the group follows a new list of workers (lists and the inbox read it). */
export function groupPatch(s: MediationState, cmd: MediationCommand) {
  // a worker who left no longer counts; a case every worker left keeps the row it had
  const leaving = (cmd.action === 'withdrawWorker' || cmd.action === 'splitOffWorker') && s.workers.length > 0;
  return cmd.action === 'setWorkers' || leaving ? {
    complainantName: s.workers.length > 1 ? `${s.workers[0].name}等${s.workers.length}人` : s.workers[0].name,
    workerCount: s.workers.length, claimedFen: s.workers.reduce((t, w) => t + w.claimedFen, 0),
  } : {};
}
