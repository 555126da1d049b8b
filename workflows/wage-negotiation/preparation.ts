/**
 * Before the negotiation: the enterprise union's chair is reminded before the planned start, and has until then to
 * send the written request. When the start passes without one, "4+X" joint supervision opens: a task, an SMS and an
 * e-mail for the city union, HR & social security, enforcement, DRC and the local street, each recording what it did,
 * while the chair's task to send the request goes on and escalates.
 */
import { condition } from '@temporalio/workflow';
import { activities, nowIso, nowMs } from '../shared/case-host';
import { shanghaiDate } from '../shared/deadlines';
import { humanStep, type Assignee } from '../shared/human-step';
import { SUPERVISORS, type Supervisor } from '../kinds/wage-negotiation/model';
import { chair, cityUnion, isOver, startOfDay, type RoundParts } from './parts';
import { mailContacts, textContacts } from './outreach';

const requested = (p: RoundParts) => p.s.request !== null;

async function remind(p: RoundParts, startMs: number): Promise<void> {
  const at = startMs - p.policy.remindBefore;
  if (at > nowMs() && (await condition(() => requested(p) || isOver(p.s), at - nowMs()))) return;
  if (requested(p) || isOver(p.s)) return;
  const contacts = await activities.findContacts({ unitId: p.intake.unionUnitId, roles: ['enterprise_chair'] });
  await activities.persistTransition({
    caseNo: p.host.caseNo, at: nowIso(),
    events: [p.host.systemEvent('start_reminded', `提醒企业工会：${p.intake.year}年度工资集体协商计划于${p.intake.plannedStart}启动，请按时发出协商要约`, { plannedStart: p.intake.plannedStart })],
  });
  await textContacts(p, contacts, 'remind', 'wage-reminder', { enterprise: p.intake.enterpriseName, year: p.intake.year, plannedStart: p.intake.plannedStart });
}

function supervisorOf(p: RoundParts, party: Supervisor): Assignee {
  if (party === 'city_union') return cityUnion(p);
  if (party === 'street') return { role: 'street_chair', unitId: p.intake.streetId, department: null };
  return { role: 'partner_department', unitId: p.intake.districtId, department: party };
}

/** One supervisor's part: told by SMS and e-mail, a task until it records what it did (or the enterprise starts). */
async function supervise(p: RoundParts, party: Supervisor): Promise<void> {
  const who = supervisorOf(p, party);
  const taskId = p.host.nextTaskId('supervision');
  p.s.supervision.push({ taskId, party, note: null, by: null });
  const title = `“4+X”联合督导：${p.intake.enterpriseName}未按计划启动工资集体协商`;
  const contacts = await activities.findContacts({ unitId: who.unitId, roles: [who.role], department: who.department });
  const vars = { enterprise: p.intake.enterpriseName, year: p.intake.year, plannedStart: p.intake.plannedStart, party: SUPERVISORS[party] };
  await textContacts(p, contacts, `supervision:${party}`, 'wage-supervision', vars);
  p.host.inBackground(mailContacts(p, contacts, `supervision:${party}`, `【工资集体协商督导】${p.intake.enterpriseName}未按计划启动协商`,
    `${SUPERVISORS[party]}：\n${p.intake.enterpriseName}${p.intake.year}年度工资集体协商计划于${p.intake.plannedStart}启动，至今未发出协商要约。` +
    `请按“4+X”联合督导机制开展督导，并在系统中登记督导情况（案件编号 ${p.host.caseNo}）。`));
  await humanStep(p.host, {
    kind: 'supervision', taskId, title: `${title}（${SUPERVISORS[party]}）`, dueAt: nowMs() + p.policy.supervisionDue, standalone: true,
    assignee: () => who, done: () => p.s.supervision.find((t) => t.taskId === taskId)!.note !== null,
    // once the request is sent there is nothing left to supervise: what was recorded stays, the rest is closed
    abandoned: () => isOver(p.s) || requested(p),
  }, p.policy);
}

/** Until the written request is sent (or the city union ends the round). */
export async function prepare(p: RoundParts): Promise<void> {
  const startMs = startOfDay(p.intake.plannedStart);
  const reminder = remind(p, startMs);
  const onTime = await humanStep(p.host, {
    kind: 'request', title: `发出${p.intake.year}年度工资集体协商要约（计划${p.intake.plannedStart}启动）`, dueAt: startMs, whenOverdue: 'end',
    assignee: () => chair(p), done: () => requested(p), abandoned: () => isOver(p.s), casePatch: { stage: 'planned' },
  }, p.policy);
  await reminder;
  if (onTime !== 'overdue' || requested(p) || isOver(p.s)) return;

  p.s.stage = 'supervision';
  await activities.persistTransition({
    caseNo: p.host.caseNo, at: nowIso(), casePatch: { stage: 'supervision' },
    events: [p.host.systemEvent('supervision_opened', `计划启动日（${p.intake.plannedStart}）已过，截至${shanghaiDate(nowMs())}未发出协商要约，启动“4+X”联合督导`, { plannedStart: p.intake.plannedStart })],
  });
  const parties = Object.keys(SUPERVISORS) as Supervisor[];
  for (const party of parties) p.host.inBackground(supervise(p, party));
  await humanStep(p.host, {
    kind: 'request', title: `发出${p.intake.year}年度工资集体协商要约（联合督导中）`, dueAt: nowMs() + p.policy.supervisionDue,
    assignee: () => chair(p), done: () => requested(p), abandoned: () => isOver(p.s), casePatch: { stage: 'supervision' },
  }, p.policy);
}
