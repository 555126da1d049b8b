/**
 * Screening and assignment (法律援助法 Arts. 41–43): the centre decides within 7 days of the application (a means test,
 * or the ground that exempts the worker), then assigns a named lawyer within 3 days of deciding, on the holiday
 * calendar. Each proposed lawyer is checked for conflicts (declared relatives and former clients, and counsel on record
 * in earlier cases); one that conflicts is assigned only with a recorded reason. The lawyer gets the 指派函 and accepts
 * within a due time; one who declines or lets it lapse loses sight of the case and the centre assigns again.
 */
import { inTurns } from '../shared/local-turns';
import { proxyLocalActivities } from '@temporalio/workflow';
import type { LegalAidPolicy } from '../../temporal.config';
import type { CaseActivities } from '../../activities/types';
import { activities, nowIso, nowMs, type CaseHost } from '../shared/case-host';
import { shanghaiDate, shanghaiMinute } from '../shared/deadlines';
import { humanStep, type Assignee } from '../shared/human-step';
import type { StatutoryClock } from '../shared/statutory-clock';
import type { Lawyer, LegalAidIntake } from '../kinds/legal-aid/model';
import { checkingAssignment, type LegalAidState } from '../kinds/legal-aid/state';
import type { LegalAidNotices } from './notices';
import type { LegalAidPaperwork } from './paperwork';

const lookups = inTurns(proxyLocalActivities<Pick<CaseActivities, 'findLawyer' | 'checkConflicts'>>({
  startToCloseTimeout: '10 seconds', retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
}));

export interface AssignmentParts {
  host: CaseHost;
  intake: LegalAidIntake;
  policy: LegalAidPolicy;
  s: LegalAidState;
  clock: StatutoryClock;
  notices: LegalAidNotices;
  paperwork: LegalAidPaperwork;
}

const centre = (intake: LegalAidIntake) => (): Assignee => ({ role: 'district_staff', unitId: intake.centreUnitId, department: null });

/** The decision on the application; true when legal aid is given. */
export async function screen({ host, intake, policy, s, clock, notices }: AssignmentParts): Promise<boolean> {
  s.stage = 'screening';
  const decideBy = await clock.deadline(`法律援助申请审查（${policy.decideDays}日内作出决定）`, Date.parse(intake.appliedAt), policy.decideDays);
  s.decideBy = new Date(decideBy()).toISOString();
  await humanStep(host, {
    kind: 'screen', title: `审查法律援助申请并作出决定（《法律援助法》第四十三条，${policy.decideDays}日内）`, dueAt: decideBy,
    assignee: centre(intake), done: () => s.decision !== null, abandoned: () => false, casePatch: { stage: 'screening' },
  }, policy);
  clock.release(decideBy);
  const d = s.decision!;
  if (d.granted) {
    notices.tellWorkers('granted', '工会法律援助工作站已决定为您提供法律援助，将在3日内为您指派律师。');
  } else {
    notices.tellWorkers('refused', `工会法律援助工作站决定不予法律援助，理由：${d.reason}。如有异议，可自收到本通知之日起15日内向设立该法律援助机构的司法行政部门提出（《法律援助法》第四十九条）。`);
  }
  return d.granted;
}

/** Assigns until a lawyer accepts; returns that lawyer. The 3 days count from the decision (or the court's delegation). */
export async function assign({ host, intake, policy, s, clock, notices, paperwork }: AssignmentParts): Promise<Lawyer> {
  let from = Date.parse(s.decision?.at ?? intake.appliedAt);
  for (;;) {
    s.stage = 'assigning';
    const assignBy = await clock.deadline(`指派律师（${policy.assignDays}日内）`, from, policy.assignDays);
    s.assignBy = new Date(assignBy()).toISOString();
    await humanStep(host, {
      kind: 'assign', title: `指派法律援助律师（${policy.assignDays}日内）`, dueAt: assignBy, assignee: centre(intake),
      done: () => checkingAssignment(s) !== undefined, abandoned: () => false, casePatch: { stage: 'assigning' },
    }, policy);
    clock.release(assignBy);
    const a = checkingAssignment(s)!;
    const lawyer = await lookups.findLawyer({ userId: a.lawyerUserId });
    if (!lawyer) {
      a.status = 'unknown_lawyer';
      await host.persistRestPoint({ caseNo: host.caseNo, at: nowIso(), events: [host.systemEvent('assignment_refused', '所选人员不是在册的法律援助律师，请重新指派', { assignmentNo: a.no })] });
      continue;
    }
    const parties = [
      ...s.workers.map((w) => ({ name: w.name, enterpriseId: null, side: 'worker' as const })),
      ...s.debtors.map((d) => ({ name: d.name, enterpriseId: d.enterpriseId, side: 'employer' as const })),
    ];
    a.conflicts = await lookups.checkConflicts({ caseNo: host.caseNo, lawyerUserId: a.lawyerUserId, parties });
    if (a.conflicts.length > 0 && !a.overrideReason) {
      a.status = 'conflict';
      await host.persistRestPoint({
        caseNo: host.caseNo, at: nowIso(),
        events: [host.systemEvent('conflict_found', `利益冲突审查：${lawyer.name}存在${a.conflicts.length}项可能的利益冲突（${a.conflicts.map((c) => c.detail).join('；')}）。请改派其他律师，或说明理由后仍指派`, { assignmentNo: a.no, conflicts: a.conflicts.length })],
      });
      continue;
    }
    a.status = 'assigned';
    a.lawyer = { userId: lawyer.userId, name: lawyer.name, unitId: lawyer.unitId, firm: lawyer.firm, phone: lawyer.phone };
    const acceptBy = nowMs() + policy.acceptDue;
    a.acceptBy = new Date(acceptBy).toISOString();
    const checked = a.conflicts.length > 0
      ? `存在${a.conflicts.length}项可能的利益冲突，经说明理由仍予指派：${a.overrideReason}`
      : '利益冲突审查未发现冲突';
    await activities.persistTransition({
      caseNo: host.caseNo, at: nowIso(),
      grantAccess: [{ unitId: lawyer.unitId, role: 'legal_aid_lawyer', reason: 'assigned', userId: lawyer.userId }],
      recordCounsel: s.workers.map((w) => ({ partyName: w.name, enterpriseId: null, side: 'worker' as const, lawyerName: lawyer.name, firm: lawyer.firm, lawyerUserId: lawyer.userId })),
      events: [host.systemEvent('lawyer_assigned', `指派${lawyer.firm}的${lawyer.name}承办（${checked}），请于${shanghaiMinute(acceptBy)}前接受指派`, { assignmentNo: a.no, lawyerUserId: lawyer.userId, conflicts: a.conflicts.length })],
    });
    await paperwork.assignmentLetter(`assignment-${a.no}`, a.lawyer, acceptBy);
    notices.tellLawyer(`assignment-${a.no}`, a.lawyer, acceptBy);
    s.stage = 'accepting';
    const end = await humanStep(host, {
      kind: 'accept', title: `接受法律援助指派（${shanghaiDate(acceptBy)}前）`, dueAt: acceptBy, whenOverdue: 'end',
      assignee: () => ({ role: 'legal_aid_lawyer', unitId: lawyer.unitId, department: null, userId: lawyer.userId }),
      done: () => a.status === 'accepted', abandoned: () => a.status === 'declined', casePatch: { stage: 'accepting' },
    }, policy);
    if (end === 'done') return a.lawyer;
    if (end === 'overdue') a.status = 'lapsed';
    // Only the lawyer who represents the workers sees the case: one who declined or let it lapse no longer does.
    await host.persistRestPoint({
      caseNo: host.caseNo, at: nowIso(), revokeAccess: [{ userId: lawyer.userId }],
      events: [host.systemEvent('assignment_ended', a.status === 'lapsed'
        ? `${lawyer.name}未在${shanghaiMinute(acceptBy)}前接受指派，请重新指派`
        : `${lawyer.name}拒绝指派（${a.reason}），请重新指派`, { assignmentNo: a.no })],
    });
    from = nowMs();
  }
}

