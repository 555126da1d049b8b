/**
 * The wage-negotiation round of DOMAIN §5 (Yongkang's 薪协商一件事): opened from the city union's yearly plan, the
 * enterprise union is reminded and sends the written request by the planned start, or "4+X" supervision opens; the
 * other side answers within 20 days; offers go back and forth until agreement (an impasse brings the city union in);
 * the workers' congress votes, both sides sign, the contract is filed with HR & social security, and after 15 days
 * without objection it takes effect and is published on the 协商码 page. Alongside: the service menu (mentors, legal
 * aid, training) and the workers' suggestions.
 */
import { nowIso } from './shared/case-host';
import { CaseHost } from './shared/case-host';
import { runCase } from './shared/case-runner';
import { StatutoryClock } from './shared/statutory-clock';
import type { Actor } from './shared/roles';
import { WAGE_OUTCOME_LABELS, type WageCommand, type WageOutcome, type WageRoundInput, type WageRoundView } from './kinds/wage-negotiation/model';
import { wageMessages } from './kinds/wage-negotiation/messages';
import { applyWageCommand, initialWageState, postCounts } from './kinds/wage-negotiation/state';
import { wagePersist } from './kinds/wage-negotiation/persist';
import { file, review, takeEffect } from './wage-negotiation/agreement';
import { awaitAnswer, negotiate, putToCongress, sign } from './wage-negotiation/negotiation';
import { isOver, type RoundParts } from './wage-negotiation/parts';
import { prepare } from './wage-negotiation/preparation';
import { serveRequests } from './wage-negotiation/services';

export interface WageRoundResult {
  caseNo: string;
  outcome: WageOutcome;
}

/** Commands after which the answer waits for the flow to react (a task opened or closed, the case closed). */
/**
 * Commands after which the answer waits for the flow to react (the next step opened, the case closed). Side tasks'
 * commands (supervision, the service menu, 接单) answer at once: the flow's reaction to them runs beside other work, and
 * a wait's timer racing it would make the order of the history depend on which finished first.
 */
const MOVES_THE_FLOW: ReadonlySet<string> = new Set([
  'requestNegotiation', 'recordAnswer', 'reachAgreement', 'recordCongressVote', 'recordSigning', 'fileWithHr', 'recordHrObjection', 'closeRound',
]);

export async function wageNegotiation(input: WageRoundInput): Promise<WageRoundResult> {
  const { caseNo, intake, policy } = input;
  const host = new CaseHost(caseNo, { districtId: intake.districtId, streetId: intake.streetId }, input.patchGeneration);
  const s = initialWageState(input);
  const clock = new StatutoryClock(host);

  const view = (): WageRoundView => ({
    ...pickLive(s), kind: 'wage_negotiation', caseNo, status: s.stage === 'closed' ? 'closed' : 'open',
    enterpriseId: intake.enterpriseId, enterpriseName: intake.enterpriseName, unionUnitId: intake.unionUnitId, hrUnitId: intake.hrUnitId,
    year: intake.year, plannedStart: intake.plannedStart, ...postCounts(s),
    openTasks: [...host.openTasks.values()], districtId: intake.districtId, streetId: intake.streetId, asOf: nowIso(),
  });

  const theCase = runCase({
    kind: wageMessages, host, state: s, view,
    apply: (cmd: WageCommand) => applyWageCommand(s, cmd, nowIso()),
    persist: (cmd) => wagePersist(s, cmd, nowIso()),
    afterPersist: (cmd) => {
      if (cmd.action === 'requestService') s.services.find((r) => !r.recorded)!.recorded = true;
    },
    // A refusal that comes while the city union already works on it moves nothing; the first answer closes its step.
    awaitsFlow: (cmd) => MOVES_THE_FLOW.has(cmd.action)
      && !(cmd.action === 'recordAnswer' && !cmd.payload?.agreed && ![...host.openTasks.values()].some((t) => t.kind === 'answer')),
    noteEvent: ({ text, actor }: { text: string; actor: Actor }) => host.event('party_note', actor, `${actor.name}补充说明：${text}`, { text }),
  });

  await theCase.create({
    createCase: {
      kind: 'wage_negotiation', workflowId: host.workflowId, districtId: intake.districtId, streetId: intake.streetId,
      enterpriseId: intake.enterpriseId, enterpriseName: intake.enterpriseName, category: 'wage_negotiation',
      complainantName: `${intake.enterpriseName}工会`, complainantPhone: '', description: `${intake.year}年度工资集体协商`,
      claimedFen: 0, workerCount: 0, createdAt: nowIso(), stage: 'planned', level: 'enterprise',
    },
    parties: [],
    // The enterprise union runs its own round: its chair sees it from the start (visibility reads this for the chair).
    casePatch: { enterpriseNotifiedAt: nowIso() },
    wage: { round: { enterpriseId: intake.enterpriseId, year: intake.year, plannedStart: intake.plannedStart, planId: intake.planId } },
    events: [host.event('round_opened', intake.openedBy, `按${intake.year}年度工资集体协商计划开启协商（计划${intake.plannedStart}启动）`, { year: intake.year, plannedStart: intake.plannedStart, planId: intake.planId })],
  });

  const p: RoundParts = { host, intake, policy, s, clock };
  const services = serveRequests(p);
  await prepare(p);
  if (!isOver(s)) await awaitAnswer(p);
  while (!isOver(s)) {
    await negotiate(p);
    if (isOver(s) || !(await putToCongress(p))) continue;
    await sign(p);
    if (isOver(s)) break;
    await file(p);
    if (isOver(s)) break;
    if (await review(p)) await takeEffect(p);
  }

  s.stage = 'closed';
  await host.persistRestPoint({
    caseNo, at: nowIso(), casePatch: { stage: 'closed', status: 'closed', outcome: s.outcome },
    events: [host.systemEvent('closed', `${intake.year}年度工资集体协商结束：${WAGE_OUTCOME_LABELS[s.outcome!]}`, { outcome: s.outcome })],
  });
  await theCase.drain([services]);
  return { caseNo, outcome: s.outcome! };
}

/** The state's fields the view shows (the rest is bookkeeping: each post's kind, claims, whether the row exists). */
function pickLive(s: ReturnType<typeof initialWageState>) {
  const { postKinds: _k, removed: _r, claims: _c, created: _x, ...live } = s;
  return live;
}
