/**
 * An agreement the parties perform without the commission's review (劳动争议调解仲裁法 Arts. 15, 16): when an
 * installment is still unpaid after the grace, an agreement on wages, injury medical costs, compensation or damages
 * goes to the court as a 支付令 application, and the court's clerk records its answer; anything but an order issued,
 * or an agreement on other matters, goes on to arbitration (Art. 15) by the transfer path.
 */
import type { MediationPolicy } from '../../temporal.config';
import { nowMs, type CaseHost } from '../shared/case-host';
import { humanStep } from '../shared/human-step';
import { notPerformedReason } from '../kinds/mediation/after-agreement';
import type { MediationIntake } from '../kinds/mediation/model';
import type { MediationState } from '../kinds/mediation/state';
import type { MediationPaperwork } from './paperwork';

/** One patch for the behaviour: the submit step may end in performing without review, then this path. */
export const DIRECT_PERFORMANCE_PATCH = 'mediation-direct-performance';

/** Null when the court issued the order (the case ends there); else why the case transfers to arbitration. */
export async function afterMissedWithoutReview(
  host: CaseHost, intake: MediationIntake, s: MediationState, policy: MediationPolicy, paperwork: MediationPaperwork,
  missed: { dueDate: string; paidFen: number },
): Promise<string | null> {
  if (!s.directPerformance!.paymentClaim) return notPerformedReason(missed.dueDate, null);
  s.stage = 'payment_order';
  await paperwork.applyForPaymentOrder(missed);
  await humanStep(host, {
    kind: 'paymentOrder', title: '登记法院对支付令申请的处理结果', dueAt: nowMs() + policy.reviewDue,
    assignee: () => ({ role: 'court_clerk', unitId: intake.courtUnitId, department: null }),
    // a court is outside the union's line: its clerk is reminded, nobody above them (as with the enforcement's receipt)
    ladder: policy.ladders?.receiveEnforcement,
    done: () => !!s.paymentOrder, abandoned: () => false, casePatch: { stage: 'payment_order' },
  }, policy);
  return s.paymentOrder!.result === 'issued' ? null : notPerformedReason(missed.dueDate, s.paymentOrder);
}
