/**
 * From the written request to an agreed draft: the other side answers within 20 days (集体合同规定 Art. 32), on the
 * holiday calendar; a refusal or silence brings the city union in. Then offers until the two sides agree, each kept
 * with its clauses; an impasse after so many union proposals or so many days brings the city union in again.
 */
import { condition } from '@temporalio/workflow';
import { activities, nowIso, nowMs } from '../shared/case-host';
import { shanghaiDate } from '../shared/deadlines';
import { humanStep } from '../shared/human-step';
import { unionRounds } from '../kinds/wage-negotiation/state';
import { chair, cityUnion, isOver, startOfDay, type RoundParts } from './parts';
import { textContacts } from './outreach';

const agreedToTalk = (p: RoundParts) => p.s.request?.answer?.agreed === true;

/** Until the other side agreed to negotiate. */
export async function awaitAnswer(p: RoundParts): Promise<void> {
  const req = p.s.request!;
  const answerBy = await p.clock.deadline('对方答复协商要约（《集体合同规定》第三十二条，20日）', startOfDay(req.sentOn), p.policy.answerDays);
  req.answerBy = new Date(answerBy()).toISOString();
  const end = await humanStep(p.host, {
    kind: 'answer', title: `登记对方对协商要约的答复（${shanghaiDate(answerBy())}前）`, dueAt: answerBy, whenOverdue: 'end',
    assignee: () => chair(p), done: () => req.answer !== null, abandoned: () => isOver(p.s), casePatch: { stage: 'requested' },
  }, p.policy);
  p.clock.release(answerBy);
  if (isOver(p.s) || agreedToTalk(p)) return;
  const why = end === 'overdue' ? `对方未在${shanghaiDate(answerBy())}前答复协商要约` : '对方拒绝协商';
  if (end === 'overdue') {
    await activities.persistTransition({
      caseNo: p.host.caseNo, at: nowIso(),
      events: [p.host.systemEvent('answer_overdue', `${why}（《集体合同规定》第三十二条规定20日内书面答复），已记录在案并提请市总工会协调`, { answerBy: req.answerBy })],
    });
  }
  const city = await activities.findContacts({ unitId: p.intake.districtId, roles: ['district_staff'] });
  await textContacts(p, city, 'answer-missing', 'wage-city-union', { enterprise: p.intake.enterpriseName, reason: why });
  await humanStep(p.host, {
    kind: 'intervene', title: `${why}，市总工会协调企业开展协商`, dueAt: nowMs() + p.policy.supervisionDue,
    assignee: () => cityUnion(p), done: () => agreedToTalk(p), abandoned: () => isOver(p.s),
  }, p.policy);
}

/** The city union steps in once the talks stall: so many union proposals, or so long, without agreement. */
async function watchForImpasse(p: RoundParts, roundsBefore: number): Promise<void> {
  const talking = () => p.s.stage === 'negotiating' && !isOver(p.s);
  const tooMany = () => unionRounds(p.s) - roundsBefore >= p.policy.impasseRounds;
  const byRounds = await condition(() => !talking() || tooMany(), p.policy.impasseAfter);
  if (!talking()) return;
  const days = Math.round(p.policy.impasseAfter / 86_400_000);
  const reason = byRounds ? `职工方已提出${p.policy.impasseRounds}轮方案仍未达成一致` : `协商已持续${days}日仍未达成一致`;
  p.s.impasse = { at: nowIso(), reason };
  await activities.persistTransition({
    caseNo: p.host.caseNo, at: nowIso(), events: [p.host.systemEvent('impasse', `协商陷入僵局：${reason}，提请市总工会介入`, { reason })],
  });
  const city = await activities.findContacts({ unitId: p.intake.districtId, roles: ['district_staff'] });
  await textContacts(p, city, `impasse:${p.s.offers.length}`, 'wage-city-union', { enterprise: p.intake.enterpriseName, reason: `协商陷入僵局（${reason}）` });
  await humanStep(p.host, {
    kind: 'impasse', title: `协商陷入僵局，市总工会介入（${reason}）`, dueAt: nowMs() + p.policy.supervisionDue, standalone: true,
    assignee: () => cityUnion(p), done: () => !talking(), abandoned: () => isOver(p.s),
  }, p.policy);
}

/** Until a draft is agreed (or the round is ended). */
export async function negotiate(p: RoundParts): Promise<void> {
  const watch = watchForImpasse(p, unionRounds(p.s));
  await humanStep(p.host, {
    kind: 'negotiate', title: '组织协商，登记双方方案与报价', dueAt: nowMs() + p.policy.impasseAfter, ladder: [],
    assignee: () => chair(p), done: () => p.s.stage !== 'negotiating', abandoned: () => isOver(p.s), casePatch: { stage: 'negotiating' },
  }, p.policy);
  await watch;
}

/** The workers' congress votes on the draft (Art. 36); true when it passed. */
export async function putToCongress(p: RoundParts): Promise<boolean> {
  const votes = p.s.votes.length;
  await humanStep(p.host, {
    kind: 'congress', title: '提请职工代表大会审议合同草案并登记表决结果', dueAt: nowMs() + p.policy.stepDue,
    assignee: () => chair(p), done: () => p.s.votes.length > votes, abandoned: () => isOver(p.s), casePatch: { stage: 'congress' },
  }, p.policy);
  return p.s.votes.at(-1)?.passed === true && !isOver(p.s);
}

export async function sign(p: RoundParts): Promise<void> {
  await humanStep(p.host, {
    kind: 'sign', title: '双方首席代表签订工资专项集体合同', dueAt: nowMs() + p.policy.stepDue,
    assignee: () => chair(p), done: () => p.s.signing !== null, abandoned: () => isOver(p.s), casePatch: { stage: 'signing' },
  }, p.policy);
}
