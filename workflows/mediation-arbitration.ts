/**
 * The mediation → arbitration handoff of DOMAIN §3 (厦门调解站): the station mediates within the 15 days of
 * 劳动争议调解仲裁法 Art. 14; an agreement every party confirms goes to the arbitration institute for review (仲裁审查
 * 确认) and, once confirmed as a 调解书, is followed installment by installment; a missed installment leads, after a
 * grace period, to an application for enforcement at the court. No agreement in time, or a party refusing, transfers
 * the case into arbitration with a transfer letter (转仲裁函).
 */
import { condition } from '@temporalio/workflow';
import { CaseHost, nowIso, nowMs } from './shared/case-host';
import { shanghaiDate } from './shared/deadlines';
import { runCase } from './shared/case-runner';
import type { Actor } from './shared/roles';
import { humanStep, type Assignee } from './shared/human-step';
import { StatutoryClock } from './shared/statutory-clock';
import { MediationParties } from './mediation/parties';
import { endOfDueDay, followInstallments } from './mediation/installments';
import { splitCaseNo, startSplitCase } from './mediation/split-off';
import { reviewApplicationDeadline, watchReviewApplication } from './mediation/review-clock';
import { allWorkersLeft } from './kinds/mediation/party-changes';
import { MediationPaperwork } from './mediation/paperwork';
import { reviewAfterAcceptance } from './mediation/review';
import { recordLimitation } from './mediation/limitation-check';
import { EMPLOYMENT_DISPUTE_REASON } from './kinds/mediation/limitation';
import { rescheduleDueDuringReview, rescheduledEvents } from './mediation/installments-after-review';
import { startLegalAid } from './legal-aid-handover';
import { mediationHandOver } from './kinds/mediation/legal-aid-handover';
import { groupPatch, movesTheFlow } from './mediation/commands';
import { afterMissedWithoutReview, DIRECT_PERFORMANCE_PATCH } from './mediation/direct-performance';
import { ENFORCEMENT_COURT_PATCH, enforcementCourt } from './mediation/enforcement-court';
import type { MediationInput, MediationOutcome, MediationView } from './kinds/mediation/model';
import { mediationMessages } from './kinds/mediation/messages';
import { agreementReached, applyMediationCommand, employerFacts, initialMediationState, workerFacts } from './kinds/mediation/state';
import { since } from './shared/patch-generation';

/** Workers who withdraw or are split off, extensions by consent, corrections (issue 21). */
const PARTIES_PATCH = 'mediation-parties';

export interface MediationResult {
  caseNo: string;
  outcome: MediationOutcome;
  agreedFen: number;
  paidFen: number;
}

export async function mediationArbitration(input: MediationInput): Promise<MediationResult> {
  const { caseNo, intake, policy } = input;
  const host = new CaseHost(caseNo, { districtId: intake.districtId, streetId: intake.streetId }, input.patchGeneration);
  const s = initialMediationState(input);
  const clock = new StatutoryClock(host);
  let mediationDue: () => number = () => Number.MAX_SAFE_INTEGER;
  let reviewDue: (() => number) | null = null;
  // the deadline of a round after a rejected review (not the statute's, so not the clock's), moved by an extension
  let remediationUntil = 0;
  const extendDeadline = (at: number) => { if (!clock.extendTo(mediationDue, at)) remediationUntil = at; };
  // Who signs as the mediator: the one who drafted the agreement, else the last mediator who acted or opened the case.
  let mediatorName = intake.filedBy.role === 'union_mediator' ? intake.filedBy.name : '';

  const view = (): MediationView => ({
    kind: 'mediation', caseNo, stage: s.stage, status: s.stage === 'closed' ? 'closed' : 'open', source: intake.source,
    parentCaseNo: intake.parentCaseNo, outcome: s.outcome, appliedAt: intake.appliedAt,
    mediationDeadline: agreementReached(s) || s.stage === 'closed' ? null : new Date(mediationDue()).toISOString(),
    employer: s.employer, workers: s.workers, representatives: s.representatives ?? null, codeResends: s.codeResends ?? {}, sessions: s.sessions, agreement: s.agreement, review: s.review,
    reviewRejection: s.rejection?.reason ?? s.lastRejection ?? null, reviewAcceptance: s.reviewAcceptance ?? null,
    reviewDue: reviewDue ? new Date(reviewDue()).toISOString() : null,
    disputeArose: intake.disputeArose ?? null, employmentInDispute: intake.employmentInDispute ?? false, installments: s.installments, documents: s.documents,
    openTasks: [...host.openTasks.values()], districtId: intake.districtId, streetId: intake.streetId, asOf: nowIso(),
    places: { stationUnitId: intake.stationUnitId, arbitrationUnitId: intake.arbitrationUnitId, courtUnitId: intake.courtUnitId },
    claim: s.claim ? { userId: s.claim.userId, name: s.claim.name } : null, legalAid: s.legalAid ?? null,
    departed: s.departed ?? [], extensions: s.extensions ?? [],
    propertyLeads: s.propertyLeads ?? [], enforcementCourt: s.enforcementCourt ?? null, directPerformance: s.directPerformance ?? null, paymentOrder: s.paymentOrder ?? null,
  });
  const parties = new MediationParties(host, intake, s);
  const paperwork = new MediationPaperwork(host, intake, s, () => mediatorName);

  const theCase = runCase({
    kind: mediationMessages, host, state: s, view,
    apply: (cmd) => {
      if (cmd.actor.role === 'union_mediator' && (cmd.action === 'draftAgreement' || !s.agreement)) mediatorName = cmd.actor.name;
      return applyMediationCommand(s, cmd, nowIso(), cmd.action === 'splitOffWorker' ? splitCaseNo() : undefined, intake.courtUnitId);
    },
    persist: (cmd, applied) => ({
      parties: applied.parties, casePatch: { stage: s.stage, ...groupPatch(s, cmd) },
      // A code texted again comes with its phone's wrong tries forgotten, in the same transaction as the event saying so.
      ...(cmd.action === 'resendCode' ? { forgetCodeTries: { version: s.agreement!.version, phone: parties.phoneOf(cmd.payload.partyNo) } } : {}),
    }),
    afterPersist: (cmd, version) => {
      if (cmd.action === 'draftAgreement') parties.askToConfirm();
      // Once the extension is on record, as with a calendar change: the step's task is then rescheduled after it (and
      // its local activity never races the command's own, which would make the order differ on replay).
      if (cmd.action === 'extendMediation' && since(PARTIES_PATCH)) extendDeadline(endOfDueDay(cmd.payload.until));
      if (cmd.action === 'splitOffWorker' && since(PARTIES_PATCH)) host.inBackground(startSplitCase(input, s, cmd));
      if (cmd.action === 'resendCode') parties.askToConfirm({ partyNo: cmd.payload.partyNo, step: `agreement-v${s.agreement!.version}-resend-${version}` });
    },
    awaitsFlow: (cmd) => movesTheFlow(s, paperwork, cmd),
    noteEvent: ({ text, actor }: { text: string; actor: Actor }) => host.event('party_note', actor, `${actor.name}补充说明：${text}`, { text }),
  });

  const total = intake.workers.reduce((t, w) => t + w.claimedFen, 0);
  await theCase.create({
    createCase: {
      kind: 'mediation', workflowId: host.workflowId, districtId: intake.districtId, streetId: intake.streetId,
      enterpriseId: intake.employer.enterpriseId, enterpriseName: intake.employer.name, category: 'mediation',
      complainantName: intake.workers.length > 1 ? `${intake.workers[0].name}等${intake.workers.length}人` : intake.workers[0]?.name ?? '（待登记）',
      complainantPhone: intake.workers[0]?.phone ?? '', description: intake.dispute, claimedFen: total,
      workerCount: Math.max(1, intake.workers.length), createdAt: nowIso(), stage: 'mediating', level: 'station',
    },
    parties: [employerFacts(intake.employer), ...intake.workers.map((w) => workerFacts(w))],
    grantAccess: [{ unitId: intake.stationUnitId, role: 'union_mediator', reason: 'assigned' }],
    // appliedAt: the station's figures count days from the application, which may precede the case's registration.
    // Only an activity's input changes, so recorded histories replay as before.
    events: [host.event('mediation_applied', intake.filedBy, parties.intakeSummary(), { source: intake.source, parentCaseNo: intake.parentCaseNo, workerCount: intake.workers.length, claimedFen: total, appliedAt: intake.appliedAt })],
  });

  // the station's mediators as a pool, until one of them takes the case (then the step is reopened for them by name)
  const mediator = (): Assignee => ({ role: 'union_mediator', unitId: intake.stationUnitId, department: null, ...(s.claim ? { userId: s.claim.userId } : {}) });
  const clerk = (): Assignee => ({ role: 'arbitration_clerk', unitId: intake.arbitrationUnitId, department: null });
  mediationDue = await clock.deadline(`调解期限（${policy.mediationDays}日）`, Date.parse(intake.appliedAt), policy.mediationDays);

  /** The institution the documents went to confirms their receipt (its clerks' task, with their own ladder). */
  const untilReceived = (kind: string, title: string, who: Assignee) => humanStep(host, {
    kind, title, dueAt: nowMs() + policy.reviewDue, assignee: () => who,
    done: () => paperwork.allReceived(who.unitId), abandoned: () => false, casePatch: { stage: s.stage },
  }, policy);

  let transferReasons: string[] | null = intake.directToArbitration
    ? [intake.splitFrom ? `职工自调解案件${intake.parentCaseNo}分案，申请劳动仲裁：${intake.splitFrom.reason}` : `职工经工会协调申请劳动仲裁（工情诉求${intake.parentCaseNo ?? ''}转入）`] : null;
  let withdrawn = false;
  // the parties perform the agreement without review (Art. 15): no 调解书, the installments followed all the same
  let direct = false;
  for (let round = 1; !transferReasons; round++) {
    s.stage = s.agreement && !agreementReached(s) ? 'confirming' : 'mediating';
    const mediated = await humanStep(host, {
      kind: 'mediation', title: round === 1 ? `组织调解并达成调解协议（${policy.mediationDays}日内）` : '重新调解并达成调解协议',
      dueAt: mediationDue, assignee: mediator, done: () => agreementReached(s), abandoned: () => s.refusal !== null || allWorkersLeft(s),
      whenOverdue: 'end', casePatch: { stage: s.stage },
    }, policy);
    clock.release(mediationDue);
    if (mediated !== 'done') {
      // every worker withdrew or went on in a case of their own: nothing is left to mediate or to transfer
      if (allWorkersLeft(s) && since(PARTIES_PATCH)) {
        withdrawn = true;
        break;
      }
      const extended = s.extensions?.at(-1);
      transferReasons = mediated === 'overdue'
        ? [`自${shanghaiDate(Date.parse(intake.appliedAt))}收到调解申请之日起${policy.mediationDays}日内未达成调解协议${extended ? `，经双方同意延长至${extended.until}仍未达成` : ''}（《劳动争议调解仲裁法》第十四条）`]
        : [`${s.refusal!.side === 'worker' ? '职工一方' : '用人单位一方'}拒绝调解：${s.refusal!.reason}`];
      break;
    }
    // Art. 75: the commission does not review an agreement on whether an employment relationship exists.
    if (intake.employmentInDispute && since('employment-dispute-screen')) {
      transferReasons = [EMPLOYMENT_DISPUTE_REASON];
      break;
    }
    s.stage = 'submitting';
    if (since('mediation-review-clock')) {
      const art74 = await reviewApplicationDeadline(clock, s, policy);
      host.inBackground(watchReviewApplication(host, clock, s, policy, art74));
    }
    await humanStep(host, {
      kind: 'submitReview', title: '提交仲裁审查确认申请', dueAt: nowMs() + policy.submitDue, assignee: mediator,
      done: () => s.submitted || !!s.directPerformance, abandoned: () => false, casePatch: { stage: 'submitting' },
    }, policy);
    if (s.directPerformance && since(DIRECT_PERFORMANCE_PATCH)) {
      direct = true;
      break;
    }
    s.stage = 'review';
    await paperwork.askForReview(round);
    if (since('review-acceptance')) {
      const declined = await reviewAfterAcceptance({ host, policy, s, clerk, clock, showDue: (due) => { reviewDue = due; } });
      if (declined) {
        transferReasons = [declined];
        break;
      }
    } else {
      await humanStep(host, {
        kind: 'review', title: '审查确认调解协议', dueAt: nowMs() + policy.reviewDue, assignee: clerk,
        done: () => s.review !== null || s.rejection !== null, abandoned: () => false, casePatch: { stage: 'review' },
      }, policy);
    }
    if (s.review) break;
    if (s.rejection!.next === 'arbitration') {
      transferReasons = [`仲裁院不予确认调解协议：${s.rejection!.reason}`];
      break;
    }
    // Back to mediation for a while: a new draft, new confirmations, then review again.
    s.agreement = null;
    s.submitted = false;
    s.rejection = null;
    remediationUntil = nowMs() + policy.remediationDue;
    mediationDue = () => remediationUntil;
  }

  /** Into arbitration with the letter and the case file, and on to legal aid if the workers asked for a lawyer. */
  const transferToArbitration = async (transferReasons: string[]) => {
    s.stage = 'transferring';
    if (intake.disputeArose && since('limitation-on-transfer')) {
      await recordLimitation(host, clock, { ...intake, disputeArose: intake.disputeArose }, policy.limitationWarnDays ?? 60);
    }
    await paperwork.transfer(transferReasons);
    parties.tellTransferred(transferReasons[0]);
    // The workers asked for a union lawyer (before or while the transfer waits for the institute): legal aid starts.
    const lawyerAsked = () => !!s.legalAid && !s.legalAid.started;
    const toLegalAid = async () => {
      s.legalAid!.started = true;
      await startLegalAid(host, mediationHandOver(intake, s));
    };
    if (lawyerAsked()) await toLegalAid();
    const transferred = untilReceived('receiveTransfer', '接收转仲裁案件', clerk());
    if (since('legal-aid-on-transfer')) {
      let received = false;
      void transferred.then(() => { received = true; });
      while (!received) {
        await condition(() => received || lawyerAsked());
        if (lawyerAsked()) await toLegalAid();
      }
    }
    await transferred;
    s.outcome = 'arbitration';
  };

  if (withdrawn) {
    s.outcome = 'withdrawn';
  } else if (transferReasons) {
    await transferToArbitration(transferReasons);
  } else {
    s.stage = 'performing';
    s.installments = paperwork.installmentsOfAgreement();
    const rescheduled = direct ? [] : since('installments-after-review') ? rescheduleDueDuringReview(s.installments, s.agreement!, nowMs()) : [];
    await host.persistRestPoint({ caseNo, at: nowIso(), casePatch: { stage: 'performing' }, events: rescheduledEvents(host, rescheduled) });
    if (!direct) parties.tellReviewConfirmed();
    const missed = await followInstallments(host, intake, s, policy, parties);
    if (missed && direct) {
      const notIssued = await afterMissedWithoutReview(host, intake, s, policy, paperwork, missed);
      if (notIssued) await transferToArbitration([notIssued]);
      else s.outcome = 'payment_order';
    } else if (missed) {
      s.stage = 'enforcing';
      const court = since(ENFORCEMENT_COURT_PATCH) ? await enforcementCourt(host, intake, s) : undefined;
      await paperwork.applyForEnforcement(missed, court);
      parties.tellEnforcement(court?.name);
      await untilReceived('receiveEnforcement', '受理强制执行申请', { role: 'court_clerk', unitId: court?.unitId ?? intake.courtUnitId, department: null });
      s.outcome = 'enforcement';
    } else {
      s.outcome = 'performed';
    }
  }

  s.stage = 'closed';
  // what workers who withdrew had been paid in full counts as recovered too
  const installmentsPaid = s.installments.reduce((t, i) => t + i.paidFen, 0);
  const paidFen = installmentsPaid + (s.departed ?? []).reduce((t, d) => t + (d.recoveredFen ?? 0), 0);
  await host.persistRestPoint({
    caseNo, at: nowIso(), casePatch: { stage: 'closed', status: 'closed', outcome: s.outcome, recoveredFen: paidFen },
    events: [host.systemEvent('closed', parties.closingSummary(s.outcome === 'withdrawn' ? paidFen : installmentsPaid))],
  });
  await theCase.drain();
  return { caseNo, outcome: s.outcome!, agreedFen: s.agreement?.totalFen ?? 0, paidFen };
}
