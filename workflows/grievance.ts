/**
 * The grievance loop of DOMAIN §1 (工情码 / 我有事办): receive → contact → urge → follow-up, then the worker's rating.
 * Five people hear of it at once, the enterprise union chair 12 hours later; every step has someone in charge, a time
 * limit and an escalation ladder (四有).
 */
import { condition } from '@temporalio/workflow';
import type { Contact, Transition } from '../activities/types';
import { activities, CaseHost, nowIso, nowMs } from './shared/case-host';
import { statutoryDeadline } from './shared/deadlines';
import type { GrievanceInput, GrievanceView, Outcome, Stage } from './kinds/grievance/model';
import { grievanceMessages } from './kinds/grievance/messages';
import { applyCommand, initialState, intakeSummary, type GrievanceState } from './kinds/grievance/state';
import { chinaHolidayCalendar } from './shared/holiday-calendar';
import { assigneeAfterTakeOver } from './shared/core-features/take-over';
import { humanStep, type Assignee, type StepEnd } from './shared/human-step';
import { runCase } from './shared/case-runner';
import { StatutoryClock } from './shared/statutory-clock';
import { handOverToStation } from './station-handover';
import { awaitLegalAid } from './legal-aid-handover';
import { legalAidHandOver } from './kinds/grievance/legal-aid-handover';
import type { Role } from './shared/roles';
import { tellWorker } from './kinds/grievance/worker-notices';
import { workerOutcome } from './kinds/grievance/worker-outcome';
import { since } from './shared/patch-generation';

export interface GrievanceResult {
  caseNo: string;
  outcome: Outcome | null;
  rating: number | null;
}

/** DOMAIN §1: the street's social union worker, the street chair, the district staff member, the leader, the chair. */
const INTAKE_STREET_ROLES: Role[] = ['street_caseworker', 'street_chair'];
const INTAKE_DISTRICT_ROLES: Role[] = ['district_staff', 'supervising_leader', 'district_chair'];
/** After these outcomes the street visits the worker before the loop closes. */
const FOLLOW_UP_OUTCOMES: Outcome[] = ['mediated', 'arbitration', 'court', 'station', 'legal_aid'];
/** Since issue 16 these go to the district's mediation station as a case of their own (a child workflow). */
const STATION_OUTCOMES: Outcome[] = ['station', 'arbitration'];
/** Since issue 20 these go to the union's legal-aid centre as a case of their own (a child workflow). */
const LEGAL_AID_OUTCOMES: Outcome[] = ['legal_aid', 'court'];

export async function grievance(input: GrievanceInput): Promise<GrievanceResult> {
  const { caseNo, intake, policy } = input;
  const host = new CaseHost(caseNo, { districtId: intake.districtId, streetId: intake.streetId }, input.patchGeneration);
  // Since issue 16 the holiday calendar is data (loaded through an activity), and a change to it moves the mediation
  // period's end while the outcome step waits. Decided once, as the case starts: a case started before keeps the
  // calendar that was compiled in (holiday-calendar.ts, frozen) to its end, and ignores calendarChanged.
  const calendarAsData = since('calendar-as-data');
  const clock = new StatutoryClock(host);
  const s: GrievanceState = initialState(input);

  const view = (): GrievanceView => ({
    caseNo, stage: s.stage, level: s.level, status: s.stage === 'closed' ? 'closed' : 'open', outcome: s.outcome,
    recoveredFen: s.recoveredFen, rating: s.rating, enterpriseNotified: s.enterpriseNotified, enterpriseNotice: s.enterpriseNotice,
    earlyNotice: s.earlyNoticeAllowed, completed: { ...s.completed }, openTasks: [...host.openTasks.values()], openCoordination: [...s.openCoordination],
    districtId: intake.districtId, streetId: intake.streetId,
  });

  const theCase = runCase({
    kind: grievanceMessages, host, state: s, view,
    apply: (cmd) => applyCommand(s, cmd, () => host.nextTaskId('coordination')),
    persist: () => ({ casePatch: commandPatch(s) }),
    // Every grievance command is answered once the flow reacted (its histories hold the timer of each such wait).
    awaitsFlow: () => true,
    noteEvent: ({ text }: { text: string }) => host.event('complainant_note', { role: 'worker', name: intake.complainantName }, `职工补充说明：${text}`, { text }),
  });

  // Since issue 24 the case row is written together with the contact task, and the texts go out once both are.
  const opensWithFirstStep = since('case-opens-with-first-step');
  await theCase.create({
    createCase: { kind: 'grievance', workflowId: host.workflowId, ...intake, createdAt: nowIso(), stage: 'contact', level: 'street' },
    events: [host.event('filed', intake.filedBy, intakeSummary(input), { category: intake.category, claimedFen: intake.claimedFen, workerCount: intake.workerCount })],
  }, { withFirstRestPoint: opensWithFirstStep });

  const background = [notifyOnIntake(), notifyEnterpriseLater(), coordinate()];

  const handler = (): Assignee => assigneeAfterTakeOver(s.takeOver, s.stage, () => (s.level === 'street'
    ? { role: 'street_caseworker', unitId: intake.streetId, department: null }
    : { role: 'district_staff', unitId: intake.districtId, department: null }));
  const step = (stage: Stage, title: string, dueAt: number | (() => number)): Promise<StepEnd> => {
    s.stage = stage;
    return humanStep(host, {
      kind: stage, title, dueAt, assignee: handler,
      done: () => s.completed[stage] === true, abandoned: () => s.withdrawn,
      casePatch: { stage },
    }, policy);
  };

  let end = await step('contact', '联系职工，了解诉求', nowMs() + policy.contactDue);
  if (end === 'done') tellWorker(host, intake, 'taken', { handler: s.contactedBy ?? '街道工会' });
  if (end === 'done') end = await step('verify', '向企业工会主席核实情况', nowMs() + policy.verifyDue);
  if (end === 'done') end = await step('urge', '督促企业劳动争议调解委员会调查调解', nowMs() + policy.urgeDue);
  if (end === 'done') {
    const mediationEnds = calendarAsData
      ? await clock.deadline(`${policy.mediationDays}日调解期限`, nowMs(), policy.mediationDays)
      : statutoryDeadline(nowMs(), policy.mediationDays, chinaHolidayCalendar);
    end = await step('outcome', `登记调解结果（${policy.mediationDays}日调解期限）`, mediationEnds);
    if (typeof mediationEnds === 'function') clock.release(mediationEnds);
    if (end === 'done' && s.outcome) tellWorker(host, intake, 'outcome', workerOutcome(s.outcome, s.recoveredFen));
    // Cases that recorded such an outcome before this existed went straight to the follow-up, and still do.
    if (end === 'done' && s.outcome && STATION_OUTCOMES.includes(s.outcome) && since('station-handover')) {
      s.stage = 'station';
      const result = await handOverToStation(host, input, s, s.outcomePayload ?? {});
      if (result && result.paidFen > 0) s.recoveredFen = result.paidFen;
    }
    if (end === 'done' && s.outcome && LEGAL_AID_OUTCOMES.includes(s.outcome) && since('legal-aid-handover')) {
      s.stage = 'legalAid';
      const result = await awaitLegalAid(host, legalAidHandOver(input, s.outcomePayload ?? {}));
      if (result && result.recoveredFen > 0) s.recoveredFen = result.recoveredFen;
    }
  }
  if (end === 'done' && s.outcome && FOLLOW_UP_OUTCOMES.includes(s.outcome)) {
    end = await step('followUp', '回访职工', nowMs() + policy.followUpDue);
  }
  if (!s.withdrawn) {
    s.stage = 'rating';
    await host.persistRestPoint({ caseNo, at: nowIso(), casePatch: { stage: 'rating' } });
    tellWorker(host, intake, 'rate', { days: Math.round(policy.ratingWindow / 86_400_000) });
    const rated = await condition(() => s.rating !== null, policy.ratingWindow);
    if (!rated) {
      await activities.persistTransition({ caseNo, at: nowIso(), events: [host.systemEvent('rating_expired', '职工未在评价期限内评价')] });
    }
    // Since issue 23 a low rating is reviewed by the street's union chair before the case closes; cases rated before
    // that closed at once, and still do when replayed.
    if (rated && s.rating !== null && s.rating <= (policy.lowRating ?? 2) && since('low-rating-review')) await reviewLowRating();
  }
  s.stage = 'closed';
  s.openCoordination = [];
  await host.persistRestPoint({
    caseNo, at: nowIso(), casePatch: casePatch(s),
    events: [host.systemEvent('closed', s.withdrawn ? '职工撤回，案件办结' : '闭环办结')],
  });
  await theCase.drain(background);
  return { caseNo, outcome: s.outcome, rating: s.rating };

  async function reviewLowRating(): Promise<void> {
    s.stage = 'ratingReview';
    await humanStep(host, {
      kind: 'ratingReview', title: `复核职工差评（${s.rating}分）`, dueAt: nowMs() + (policy.ratingReviewDue ?? policy.followUpDue),
      assignee: () => ({ role: 'street_chair', unitId: intake.streetId, department: null }),
      done: () => s.completed.ratingReview === true, abandoned: () => false, casePatch: { stage: 'ratingReview' },
    }, policy);
  }

  async function notifyOnIntake(): Promise<void> {
    // Since issue 24 the texts go out from the local activity that writes the case row, right after it (CaseHost);
    // until then they waited for the row in a local activity of their own. Asked before the first await: the row's
    // write is held until the contact step opens, which happens within this same activation.
    const withCaseRow = opensWithFirstStep && since('intake-fan-out-with-case-row');
    if (opensWithFirstStep && !withCaseRow) await condition(() => s.created);
    const vars = { caseNo, enterprise: intake.enterpriseName, category: intake.category, workerCount: intake.workerCount, claimedFen: intake.claimedFen };
    const complainant: Contact = { role: 'worker', name: intake.complainantName, phone: intake.complainantPhone };
    const receipt = { key: `${host.workflowId}:receipt`, caseNo, template: 'intake-receipt', to: complainant, vars, secret: 'worker-link' as const };
    // Since issue 24 the contacts are looked up by the sending activity, tried first within the case's first task.
    if (since('intake-fan-out-in-first-task')) {
      const fanOut = {
        posts: [{ unitId: intake.streetId, roles: INTAKE_STREET_ROLES }, { unitId: intake.districtId, roles: INTAKE_DISTRICT_ROLES }],
        message: { keyPrefix: `${host.workflowId}:intake`, caseNo, template: 'intake-notice', vars },
        direct: [receipt],
      };
      await host.sendSms(() => (withCaseRow ? host.fanOutWithCreation(fanOut) : activities.sendSmsFanOut(fanOut)));
      return;
    }
    const [street, district] = await Promise.all([
      activities.findContacts({ unitId: intake.streetId, roles: INTAKE_STREET_ROLES }),
      activities.findContacts({ unitId: intake.districtId, roles: INTAKE_DISTRICT_ROLES }),
    ]);
    // The receipt carries the worker's personal link, which the activity fills in (it never enters the history).
    await host.sendSms(() => activities.sendSmsBatch([
      ...[...street, ...district].map((to) => ({ key: `${host.workflowId}:intake:${to.role}`, caseNo, template: 'intake-notice', to, vars })),
      receipt,
    ]));
  }

  async function notifyEnterpriseLater(): Promise<void> {
    // Since issue 14 a case closed before the 12 hours tells the enterprise nothing, and the caseworker may tell it
    // early for a recorded reason; cases whose history predates this keep the old rule.
    const v2 = since('enterprise-notice-v2');
    s.earlyNoticeAllowed = v2;
    const closed = () => v2 && s.stage === 'closed';
    await condition(() => s.withdrawn || closed() || (v2 && s.earlyNoticeReason !== null), policy.enterpriseNoticeDelay);
    if (s.withdrawn || closed()) {
      s.enterpriseNotice = 'cancelled';
      const why = s.withdrawn ? '职工已撤回' : '案件已办结';
      await activities.persistTransition({ caseNo, at: nowIso(), events: [host.systemEvent('enterprise_notice_cancelled', `${why}，不再通知企业工会主席`)] });
      return;
    }
    const chair = intake.enterpriseId ? await activities.findEnterpriseChair({ enterpriseId: intake.enterpriseId }) : null;
    if (chair) {
      await host.sendSms(() => activities.sendSms({ key: `${host.workflowId}:enterprise-notice`, caseNo, template: 'enterprise-notice', to: chair, vars: { caseNo, enterprise: intake.enterpriseName, category: intake.category } }));
      s.enterpriseNotified = true;
    }
    s.enterpriseNotice = chair ? 'notified' : 'no_chair';
    const summary = chair ? '已短信通知企业工会主席' : '该企业未登记工会主席，请社会化工会工作者核实企业工会';
    // Under v2 this is a rest point: a caseworker's early notice is answered once the chair was told.
    const persist = v2 ? (t: Transition) => host.persistRestPoint(t) : activities.persistTransition;
    await persist({
      caseNo, at: nowIso(), casePatch: chair ? { enterpriseNotifiedAt: nowIso() } : undefined,
      events: [host.systemEvent(chair ? 'enterprise_notified' : 'enterprise_chair_missing', summary)],
    });
  }

  async function coordinate(): Promise<void> {
    const running: Promise<StepEnd>[] = [];
    let started = 0;
    for (;;) {
      await condition(() => s.coordination.length > started || s.stage === 'closed');
      if (s.stage === 'closed') break;
      const req = s.coordination[started++];
      running.push(humanStep(host, {
        kind: 'coordination', taskId: req.taskId, title: `部门协调：${req.department}`, dueAt: nowMs() + policy.coordinationDue,
        assignee: () => ({ role: 'partner_department', unitId: intake.districtId, department: req.department }),
        done: () => req.done, abandoned: () => s.stage === 'closed', standalone: true,
      }, policy));
    }
    await Promise.all(running);
  }
}

/** What commands change; the stage is written only by the main flow, so a late command write never rolls it back. */
function commandPatch(s: GrievanceState) {
  return { level: s.level, outcome: s.outcome, recoveredFen: s.recoveredFen, rating: s.rating, ratingComment: s.ratingComment };
}

function casePatch(s: GrievanceState) {
  return { ...commandPatch(s), stage: s.stage, status: s.stage === 'closed' ? 'closed' : 'open' };
}
