/**
 * What a wage round's command writes besides its event: the case row's stage and the round's own rows (the dates the
 * negotiation index reads, each offer, each post and its removal). Pure: the runner hands it to persistTransition.
 */
import type { TransitionFacts } from '../../shared/case-runner';
import type { WageCommand } from './model';
import type { WageState } from './state';

export function wagePersist(s: WageState, cmd: WageCommand, now: string): TransitionFacts {
  const p = cmd.payload ?? {};
  const casePatch = { stage: s.stage, ...(s.outcome ? { outcome: s.outcome } : {}) };
  switch (cmd.action) {
    case 'requestNegotiation': return { casePatch, wage: { dates: { requested_at: now } } };
    case 'recordAnswer': return { casePatch, wage: p.agreed ? { dates: { answered_at: now } } : {} };
    case 'makeOffer': {
      const o = s.offers.at(-1)!;
      return { wage: { offer: { offerNo: o.offerNo, side: o.side, clauses: o.clauses, note: o.note, madeAt: o.at } } };
    }
    case 'reachAgreement': return { casePatch, wage: { dates: { agreed_at: now } } };
    case 'recordCongressVote': return { casePatch, wage: s.stage === 'negotiating' ? { dates: { agreed_at: null } } : {} };
    case 'recordSigning': return { casePatch, wage: { dates: { signed_at: now } } };
    case 'fileWithHr': return { casePatch, wage: { dates: { filed_at: now } } };
    case 'recordHrObjection': return { casePatch, wage: { dates: { agreed_at: null, signed_at: null, filed_at: null } } };
    case 'postSuggestion':
      return { wage: { post: { postNo: s.postKinds.length, kind: p.kind, text: p.text, phoneMasked: p.phoneMasked, postedAt: now } } };
    case 'moderatePost': return { wage: { removePost: { postNo: p.postNo, by: cmd.actor.name, reason: p.reason } } };
    case 'claimTask':
      // The mentor who took the order stays attached to the round: a grant of their own, beyond the task's life.
      return cmd.actor.role === 'negotiation_mentor' && cmd.actor.userId !== undefined
        ? { grantAccess: [{ unitId: cmd.actor.unitId ?? '', role: 'negotiation_mentor', reason: 'assigned', userId: cmd.actor.userId }] } : {};
    case 'closeRound': return { casePatch };
    default: return {};
  }
}
