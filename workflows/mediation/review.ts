/**
 * The review at the arbitration commission since 'review-acceptance': acceptance first (Art. 75: the commission decides
 * whether to accept, and says why when it does not), then the decision within five working days of accepting, ten once
 * extended with approval (Art. 76, 五日 being working days by Art. 81), on the holiday calendar. A decline transfers the
 * case to arbitration; the caller goes on with the decision's outcome as before.
 */
import type { MediationPolicy } from '../../temporal.config';
import { nowMs, type CaseHost } from '../shared/case-host';
import { humanStep, type Assignee } from '../shared/human-step';
import type { StatutoryClock } from '../shared/statutory-clock';
import type { MediationState } from '../kinds/mediation/state';
import { declinedTransferReason, REVIEW_DAYS, REVIEW_EXTENDED_DAYS, reviewPhase } from '../kinds/mediation/review-acceptance';

export interface ReviewParts {
  host: CaseHost;
  policy: MediationPolicy;
  s: MediationState;
  clerk: () => Assignee;
  clock: StatutoryClock;
  /** the decision's due time as it stands, for the case's view */
  showDue: (due: (() => number) | null) => void;
}

/** Runs acceptance and the decision; answers the transfer reason when the commission did not accept the application. */
export async function reviewAfterAcceptance({ host, policy, s, clerk, clock, showDue }: ReviewParts): Promise<string | null> {
  const acceptance = { required: true, acceptedAt: null, noticeNo: null, declined: null, extension: null };
  s.reviewAcceptance = acceptance;
  await humanStep(host, {
    // the clerk's own ladder (policy.ladders.review): nobody above an institute's clerk is told
    kind: 'acceptReview', title: '决定是否受理仲裁审查申请', dueAt: nowMs() + policy.reviewDue, assignee: clerk, ladder: policy.ladders?.review,
    done: () => reviewPhase(s.reviewAcceptance) !== 'accept', abandoned: () => false, casePatch: { stage: 'review' },
  }, policy);
  if (s.reviewAcceptance.declined) return declinedTransferReason(s.reviewAcceptance.declined);

  const accepted = Date.parse(s.reviewAcceptance.acceptedAt!);
  const within = await clock.deadline('仲裁审查期限（受理之日起五个工作日）', accepted, REVIEW_DAYS);
  const extended = await clock.deadline('延长后的仲裁审查期限（受理之日起十个工作日）', accepted, REVIEW_EXTENDED_DAYS);
  const due = () => (s.reviewAcceptance?.extension ? extended() : within());
  showDue(due);
  await humanStep(host, {
    kind: 'review', title: '审查确认调解协议（受理之日起五个工作日内，第七十六条）', dueAt: due, assignee: clerk,
    done: () => s.review !== null || s.rejection !== null, abandoned: () => false, casePatch: { stage: 'review' },
  }, policy);
  clock.release(within);
  clock.release(extended);
  showDue(null);
  return null;
}
