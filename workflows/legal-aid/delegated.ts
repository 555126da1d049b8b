/**
 * A case the court delegates for pre-litigation mediation (法院委派诉前调解, Jinzhai's "court + union" centre): the
 * assigned lawyer mediates within the period; an agreement goes back to the court as a report with its terms, a
 * failure returns the case to the court with the reasons, for it to register and try. The court's clerk confirms
 * receipt of the report.
 */
import type { LegalAidPolicy } from '../../temporal.config';
import { nowMs, type CaseHost } from '../shared/case-host';
import { humanStep } from '../shared/human-step';
import type { StatutoryClock } from '../shared/statutory-clock';
import type { Lawyer, LegalAidIntake } from '../kinds/legal-aid/model';
import { yuan, type LegalAidState } from '../kinds/legal-aid/state';
import type { LegalAidNotices } from './notices';
import type { LegalAidPaperwork } from './paperwork';

export async function mediateForCourt(
  p: { host: CaseHost; intake: LegalAidIntake; policy: LegalAidPolicy; s: LegalAidState; clock: StatutoryClock; notices: LegalAidNotices; paperwork: LegalAidPaperwork; lawyer: Lawyer },
): Promise<void> {
  const { host, intake, policy, s, clock, notices, paperwork, lawyer } = p;
  s.stage = 'delegated';
  notices.tellWorkers('delegated', `法院委派的诉前调解由${lawyer.name}主持，请保持电话畅通。`);
  const until = await clock.deadline(`诉前调解期限（${policy.delegatedMediationDays}日）`, Date.parse(intake.appliedAt), policy.delegatedMediationDays);
  const end = await humanStep(host, {
    kind: 'delegated', title: `组织诉前调解并登记结果（${policy.delegatedMediationDays}日内）`, dueAt: until, whenOverdue: 'end',
    assignee: () => ({ role: 'legal_aid_lawyer', unitId: lawyer.unitId, department: null, userId: lawyer.userId }),
    done: () => s.delegated !== null, abandoned: () => false, casePatch: { stage: 'delegated' },
  }, policy);
  clock.release(until);
  if (end === 'overdue') {
    s.delegated = { result: 'failed', totalFen: 0, payment: null, reasons: [`自法院委派之日起${policy.delegatedMediationDays}日内未达成调解协议`], at: new Date(nowMs()).toISOString() };
  }
  s.stage = 'reporting';
  await paperwork.reportToCourt(lawyer.name);
  const agreed = s.delegated!.result === 'agreed';
  notices.tellWorkers('delegated-result', agreed
    ? `诉前调解达成协议（${yuan(s.delegated!.totalFen)}），协议已送交法院。`
    : '诉前调解未能达成协议，案件已退回法院依法立案审理。');
  await humanStep(host, {
    kind: 'courtReceipt', title: '接收诉前调解情况报告', dueAt: nowMs() + policy.followUpDue,
    assignee: () => ({ role: 'court_clerk', unitId: intake.courtUnitId!, department: null }),
    done: () => paperwork.allReceived(intake.courtUnitId), abandoned: () => false, casePatch: { stage: 'reporting' },
  }, policy);
  s.outcome = agreed ? 'delegated_agreed' : 'delegated_failed';
}
