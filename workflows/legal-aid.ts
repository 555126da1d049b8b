/**
 * The legal-aid case of DOMAIN §4 (Jiangbei, Beijing, Lin'an, Jinzhai): an application screened and decided within 7
 * days, a lawyer assigned within 3 (法律援助法 Art. 43) who accepts the 指派函, then the representation through
 * arbitration and the courts with their clocks, until the outcome and the amount recovered are recorded and the
 * worker rates the case. A court-delegated case is mediated and reported back to the court instead. A long case
 * continues as new between steps, carrying its state.
 */
import { allHandlersFinished, condition, continueAsNew, workflowInfo } from '@temporalio/workflow';
import { activities, CaseHost, nowIso } from './shared/case-host';
import { runCase } from './shared/case-runner';
import { StatutoryClock } from './shared/statutory-clock';
import type { Actor } from './shared/roles';
import type { LegalAidCommand, LegalAidInput, LegalAidOutcome, LegalAidView } from './kinds/legal-aid/model';
import { LEGAL_AID_OUTCOME_LABELS, LEGAL_AID_SOURCE_LABELS } from './kinds/legal-aid/model';
import { legalAidMessages } from './kinds/legal-aid/messages';
import {
  applyLegalAidCommand, claimedTotal, debtorFacts, initialLegalAidState, lawyerOf, recoveredTotal, workerFacts, yuan, type LegalAidState,
} from './kinds/legal-aid/state';
import { assign, screen } from './legal-aid/assignment';
import { ClockKeeper } from './legal-aid/clocks';
import { mediateForCourt } from './legal-aid/delegated';
import { LegalAidNotices } from './legal-aid/notices';
import { LegalAidPaperwork } from './legal-aid/paperwork';
import { represent } from './legal-aid/representation';

export interface LegalAidResult {
  caseNo: string;
  outcome: LegalAidOutcome;
  recoveredFen: number;
}

/** Commands after which the answer waits for the flow to react (a task opened, the case closed). */
const MOVES_THE_FLOW: ReadonlySet<string> = new Set([
  'grantAid', 'refuseAid', 'assignLawyer', 'acceptAssignment', 'declineAssignment', 'requestSupport', 'decideSupport', 'fileProceeding',
  'recordAcceptance', 'recordResult', 'acceptResult', 'recordDelegatedResult', 'closeCase', 'rateCase',
]);

export async function legalAid(input: LegalAidInput): Promise<LegalAidResult> {
  const { caseNo, intake, policy, carried } = input;
  const host = new CaseHost(caseNo, { districtId: intake.districtId, streetId: intake.streetId }, input.patchGeneration);
  if (carried) host.resume(carried);
  const s: LegalAidState = carried ? (carried.state as LegalAidState) : initialLegalAidState(input);
  const runs = carried?.runs ?? 0;
  const clock = new StatutoryClock(host);
  const notices = new LegalAidNotices(host, intake, s);
  const paperwork = new LegalAidPaperwork(host, intake, s);
  const keeper = new ClockKeeper(host, clock, s, notices, () => lawyerOf(s), policy.clockWarning);

  const view = (): LegalAidView => ({
    kind: 'legal_aid', caseNo, stage: s.stage, status: s.stage === 'closed' ? 'closed' : 'open', source: intake.source,
    parentCaseNo: intake.parentCaseNo, courtRef: intake.courtRef ?? null, outcome: s.outcome, appliedAt: intake.appliedAt,
    dispute: intake.dispute, facts: intake.facts, workers: s.workers, debtors: s.debtors, centreUnitId: intake.centreUnitId,
    places: { arbitrationUnitId: intake.arbitrationUnitId, courtUnitId: intake.courtUnitId, procuratorateUnitId: intake.procuratorateUnitId },
    meansTest: s.meansTest, decision: s.decision, decideBy: s.decideBy, assignBy: s.assignBy, assignments: s.assignments,
    lawyer: lawyerOf(s), evidence: s.evidence, settlement: s.settlement, support: s.support, proceedings: s.proceedings,
    clocks: s.clocks, plan: s.plan, payments: s.payments, resultAccepted: s.resultAccepted, recoveredFen: recoveredTotal(s), delegated: s.delegated,
    documents: s.documents, rating: s.rating, closingNote: s.closingNote, runs,
    openTasks: [...host.openTasks.values()], districtId: intake.districtId, streetId: intake.streetId, asOf: nowIso(),
  });

  const theCase = runCase({
    kind: legalAidMessages, host, state: s, view,
    apply: (cmd: LegalAidCommand) => applyLegalAidCommand(s, cmd, nowIso()),
    persist: (cmd) => ({
      casePatch: { outcome: s.outcome, recoveredFen: recoveredTotal(s), rating: s.rating, ratingComment: s.ratingComment },
      ...(cmd.action === 'completeWorker' ? { parties: s.workers.filter((w) => w.partyNo === cmd.payload.partyNo).map(workerFacts) } : {}),
    }),
    awaitsFlow: (cmd) => MOVES_THE_FLOW.has(cmd.action) || (cmd.action === 'recordSettlement' && s.settlement?.result === 'settled'),
    noteEvent: ({ text, actor }: { text: string; actor: Actor }) => host.event('party_note', actor, `${actor.name}补充说明：${text}`, { text }),
  });

  if (!carried) {
    const total = claimedTotal(s);
    await theCase.create({
      createCase: {
        kind: 'legal_aid', workflowId: host.workflowId, districtId: intake.districtId, streetId: intake.streetId,
        enterpriseId: intake.debtors[0]?.enterpriseId ?? null, enterpriseName: intake.debtors.map((d) => d.name).join('、'), category: 'legal_aid',
        complainantName: intake.workers.length > 1 ? `${intake.workers[0].name}等${intake.workers.length}人` : intake.workers[0].name,
        complainantPhone: intake.workers[0].phone, description: intake.facts, claimedFen: total, workerCount: intake.workers.length,
        createdAt: nowIso(), stage: s.stage, level: 'centre', parentCaseNo: intake.parentCaseNo,
      },
      parties: [...intake.workers.map(workerFacts), ...intake.debtors.map(debtorFacts)],
      events: [host.event('legal_aid_applied', intake.filedBy, `法律援助申请（${LEGAL_AID_SOURCE_LABELS[intake.source]}${intake.courtRef ? ` ${intake.courtRef}` : intake.parentCaseNo ? ` ${intake.parentCaseNo}` : ''}）：${intake.workers.length}名职工因${intake.dispute}请求${intake.debtors.map((d) => d.name).join('、')}支付${yuan(total)}`, { source: intake.source, parentCaseNo: intake.parentCaseNo, workerCount: intake.workers.length, claimedFen: total })],
    });
    notices.tellWorkers('received', intake.source === 'court_delegated'
      ? '法院委派的诉前调解已由工会法律援助工作站受理。' : `您的法律援助申请已受理，工作站将在${policy.decideDays}日内作出决定。`);
  } else {
    await keeper.resume();
  }
  let watching = true;
  const clocks = keeper.run(() => !watching);

  let stepsThisRun = 0;
  const betweenSteps = async () => {
    // Never twice in a row: the new run first takes one step of its own. Never while an e-mail or SMS is still being
    // retried (a mail server down for a day): the case goes on, and continues as new at a later step.
    if (stepsThisRun++ === 0 || workflowInfo().historyLength < policy.historyLimit || host.busyInBackground) return;
    watching = false;
    await clocks;
    // A rest point: a command waiting for the flow is answered now, with the view as this run leaves it.
    await host.persistRestPoint({
      caseNo, at: nowIso(),
      events: [host.systemEvent('case_continued', `案件办理时间较长，历史记录已达${workflowInfo().historyLength}条，转入新的运行继续办理（第${runs + 2}段）`, { runs: runs + 1 })],
    });
    await host.drainBackground();
    host.finish();
    await condition(allHandlersFinished);
    await continueAsNew<typeof legalAid>({ ...input, carried: { state: s, ...host.counters(), runs: runs + 1 } });
  };

  const parts = { host, intake, policy, s, clock, notices, paperwork };
  if (!carried && intake.source !== 'court_delegated' && !(await screen(parts))) {
    s.outcome = 'refused';
  } else if (intake.source === 'court_delegated') {
    const lawyer = lawyerOf(s) ?? await assign(parts);
    notices.tellWorkers('lawyer', `${lawyer.firm}的${lawyer.name}（电话${lawyer.phone}）将主持诉前调解。`);
    if (s.outcome === null) await mediateForCourt({ ...parts, lawyer });
  } else {
    let lawyer = lawyerOf(s);
    if (!lawyer) {
      lawyer = await assign(parts);
      notices.tellWorkers('lawyer', `工作站已指派${lawyer.firm}的${lawyer.name}（电话${lawyer.phone}）为您代理。`);
    }
    await represent({ ...parts, keeper, lawyer, betweenSteps });
  }

  if (s.outcome !== 'refused') {
    notices.tellWorkers('closing', `案件已结案：${LEGAL_AID_OUTCOME_LABELS[s.outcome!]}，累计回款${yuan(recoveredTotal(s))}。请在“法律援助进度查询”页面为本次服务评价。`);
    s.stage = 'rating';
    await host.persistRestPoint({ caseNo, at: nowIso(), casePatch: { stage: 'rating', outcome: s.outcome, recoveredFen: recoveredTotal(s) } });
    if (!(await condition(() => s.rating !== null, policy.ratingWindow))) {
      await activities.persistTransition({ caseNo, at: nowIso(), events: [host.systemEvent('rating_expired', '职工未在评价期限内评价')] });
    }
  }
  s.stage = 'closed';
  watching = false;
  await host.persistRestPoint({
    caseNo, at: nowIso(), casePatch: { stage: 'closed', status: 'closed', outcome: s.outcome, recoveredFen: recoveredTotal(s) },
    events: [host.systemEvent('closed', `法律援助案件办结：${LEGAL_AID_OUTCOME_LABELS[s.outcome!]}，累计回款${yuan(recoveredTotal(s))}`, { outcome: s.outcome, recoveredFen: recoveredTotal(s) })],
  });
  await theCase.drain([clocks]);
  return { caseNo, outcome: s.outcome!, recoveredFen: recoveredTotal(s) };
}
