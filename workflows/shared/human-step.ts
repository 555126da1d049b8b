/**
 * A human step, shared by every case kind: open a task for a role in a unit with a due time, wait until it is done, or
 * the case moves on without it, or it is reassigned; past the due time walk the escalation ladder (remind the assignee,
 * then the next levels up), recording each rung as an event and an SMS.
 */
import { condition, patched } from '@temporalio/workflow';
import type { EscalationRung } from '../../temporal.config';
import type { Contact, Transition } from '../../activities/types';
import { activities, nowIso, nowMs, type CaseHost } from './case-host';
import { shanghaiMinute } from './deadlines';
import { quietDelay, type QuietHours } from './quiet-hours';
import { ROLE_LABELS, type Role } from './roles';

export interface Assignee {
  role: Role;
  unitId: string;
  department: string | null;
  /** a person who took the step over; then only they act on it */
  userId?: number | null;
}

export interface StepSpec {
  kind: string;
  /** a task id already promised to someone (a coordination request); otherwise one is made */
  taskId?: string;
  title: string;
  dueAt: number;
  /** re-read while waiting: when it changes (代访代办, a take-over) the task is closed and reopened for the new assignee */
  assignee: () => Assignee;
  done: () => boolean;
  /** the case no longer needs this step (withdrawn, closed) */
  abandoned: () => boolean;
  /**
   * Nothing follows this step's close (a side task), so its close is a rest point that answers a waiting command.
   * A main step's close is not: the next step, or the case's close, follows at once.
   */
  standalone?: boolean;
  /** case-row fields to write together with opening the task, e.g. the new stage */
  casePatch?: Record<string, string>;
}

export interface LadderPolicy {
  escalation: EscalationRung[];
  quietHours?: QuietHours | null;
}

export type StepEnd = 'done' | 'abandoned';

const RUNG_LABEL: Record<EscalationRung['notify'], string> = {
  assignee: '提醒承办人',
  street_chair: '上报街道工会主席',
  district_staff: '上报区总工会权益保障部',
};

function sameAssignee(a: Assignee, b: Assignee): boolean {
  return a.role === b.role && a.unitId === b.unitId && a.department === b.department && (a.userId ?? null) === (b.userId ?? null);
}

async function rungContacts(host: CaseHost, rung: EscalationRung, who: Assignee): Promise<Contact[]> {
  if (rung.notify === 'assignee') return activities.findContacts({ unitId: who.unitId, roles: [who.role], department: who.department });
  if (rung.notify === 'street_chair') return activities.findContacts({ unitId: host.units.streetId, roles: ['street_chair'] });
  return activities.findContacts({ unitId: host.units.districtId, roles: ['district_staff'] });
}

async function escalate(host: CaseHost, taskId: string, spec: StepSpec, who: Assignee, rung: EscalationRung, level: number, policy: LadderPolicy): Promise<void> {
  const task = host.openTasks.get(taskId);
  if (task) task.escalations = level;
  const contacts = await rungContacts(host, rung, who);
  // Reminders never hold up the step they belong to (a gateway down for an hour must not stall the case), and wait out
  // the night. Cases whose history predates this keep sending in line, as they did.
  const background = patched('escalation-sms-in-background');
  const wait = background ? quietDelay(nowMs(), policy.quietHours) : 0;
  const deferred = wait > 0 && contacts.length > 0 ? `（夜间免打扰，短信将于 ${shanghaiMinute(nowMs() + wait).slice(11)} 发送）` : '';
  const summary = `“${spec.title}”已超过办理时限，第${level}级督办：${RUNG_LABEL[rung.notify]}${deferred}`;
  await activities.persistTransition({
    caseNo: host.caseNo,
    at: nowIso(),
    escalateTask: { taskId, level },
    events: [host.systemEvent('task_escalated', summary, { taskId, level, notify: rung.notify, recipients: contacts.map((c) => c.role) })],
  });
  if (contacts.length === 0) return;
  const send = () => host.sendSms(() => activities.sendSmsBatch(contacts.map((to) => ({
    key: `${taskId}:escalation:${level}:${to.role}`,
    caseNo: host.caseNo,
    template: 'task-overdue',
    to,
    vars: { caseNo: host.caseNo, title: spec.title, dueAt: new Date(spec.dueAt).toISOString(), level, assignee: ROLE_LABELS[who.role] },
  }))));
  if (!background) return send();
  host.inBackground((async () => {
    // A task done before morning needs no reminder any more.
    if (wait > 0 && (await condition(() => !host.openTasks.has(taskId), wait))) return;
    await send();
  })());
}

/** Runs one assignment of the step; 'reassigned' means the caller's loop opens it again for the new assignee. */
async function runAssignment(host: CaseHost, spec: StepSpec, policy: LadderPolicy): Promise<StepEnd | 'reassigned'> {
  const ladder = policy.escalation;
  const who = spec.assignee();
  const taskId = spec.taskId ?? host.nextTaskId(spec.kind);
  const dueAt = new Date(spec.dueAt).toISOString();
  const opened = { taskId, kind: spec.kind, title: spec.title, role: who.role, unitId: who.unitId, department: who.department, ...(who.userId ? { userId: who.userId } : {}), dueAt };
  host.openTasks.set(taskId, { ...opened, escalations: 0 });
  await host.persistRestPoint({
    caseNo: host.caseNo,
    at: nowIso(),
    casePatch: spec.casePatch,
    openTask: opened,
    events: [host.systemEvent('task_opened', `待办“${spec.title}”已派给${who.department ?? ROLE_LABELS[who.role]}，办理时限 ${shanghaiMinute(spec.dueAt)}`, { taskId, role: who.role, unitId: who.unitId, dueAt })],
  });

  const moved = () => !sameAssignee(spec.assignee(), who);
  const ended = () => spec.done() || spec.abandoned() || moved();
  let rung = 0;
  let wakeAt = spec.dueAt + (ladder[0]?.after ?? 0);
  let end: StepEnd | 'reassigned';
  for (;;) {
    if (rung >= ladder.length) await condition(ended);
    else if (wakeAt > nowMs()) await condition(ended, wakeAt - nowMs());
    if (ended()) {
      end = spec.done() ? 'done' : spec.abandoned() ? 'abandoned' : 'reassigned';
      break;
    }
    await escalate(host, taskId, spec, who, ladder[rung], rung + 1, policy);
    rung += 1;
    if (rung < ladder.length) wakeAt += ladder[rung].after;
  }
  host.openTasks.delete(taskId);
  const status = end === 'done' ? 'done' : end === 'reassigned' ? 'reassigned' : 'cancelled';
  const close: Transition = { caseNo: host.caseNo, at: nowIso(), closeTask: { taskId, status } };
  await (spec.standalone ? host.persistRestPoint(close) : activities.persistTransition(close));
  return end;
}

export async function humanStep(host: CaseHost, spec: StepSpec, policy: LadderPolicy): Promise<StepEnd> {
  for (;;) {
    const end = await runAssignment(host, spec, policy);
    if (end !== 'reassigned') return end;
  }
}
