/**
 * A human step, shared by every case kind: open a task for a role in a unit with a due time, wait until it is done, or
 * the case moves on without it, or it is reassigned; past the due time walk the escalation ladder (remind the assignee,
 * then the next levels up), recording each rung as an event and an SMS.
 */
import { condition } from '@temporalio/workflow';
import type { EscalationRung } from '../../temporal.config';
import type { Contact, Transition } from '../../activities/types';
import { activities, nowIso, nowMs, type CaseHost } from './case-host';
import { shanghaiMinute } from './deadlines';
import { quietDelay, type QuietHours } from './quiet-hours';
import { rungLabel } from './rung-label';
import { afterReassignments } from './core-features/reassignment';
import { ROLE_LABELS, type Role } from './roles';
import { since } from './patch-generation';

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
  /**
   * A number, or a function re-read while the task waits: a statutory deadline moves when the holiday calendar does,
   * and the open task is then rescheduled (recorded) rather than left on the old time.
   */
  dueAt: number | (() => number);
  /** this step's own escalation ladder (config per kind and step); the policy's default otherwise */
  ladder?: EscalationRung[];
  /**
   * What a missed due time does: walk the ladder (default), or end the step as 'overdue' so the case moves on without
   * it (mediation: 15 days without agreement → transfer to arbitration). The ladder is not walked then.
   */
  whenOverdue?: 'escalate' | 'end';
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
  /** a ladder of its own for some steps (by the step's kind), from the kind's config; `escalation` for the others */
  ladders?: Partial<Record<string, EscalationRung[]>>;
  quietHours?: QuietHours | null;
}

export type StepEnd = 'done' | 'abandoned' | 'overdue';

const dueOf = (spec: StepSpec): number => (typeof spec.dueAt === 'function' ? spec.dueAt() : spec.dueAt);

function sameAssignee(a: Assignee, b: Assignee): boolean {
  return a.role === b.role && a.unitId === b.unitId && a.department === b.department && (a.userId ?? null) === (b.userId ?? null);
}

async function rungContacts(host: CaseHost, rung: EscalationRung, who: Assignee): Promise<Contact[]> {
  if (rung.notify === 'assignee') return activities.findContacts({ unitId: who.unitId, roles: [who.role], department: who.department });
  if (rung.notify === 'street_chair') return activities.findContacts({ unitId: host.units.streetId, roles: ['street_chair'] });
  if (rung.notify === 'district_staff') return activities.findContacts({ unitId: host.units.districtId, roles: ['district_staff'] });
  if ('userId' in rung.notify) return activities.findContacts({ userId: rung.notify.userId, roles: [rung.notify.role] });
  return activities.findContacts({ unitId: rung.notify.at === 'street' ? host.units.streetId : host.units.districtId, roles: [rung.notify.role] });
}

async function escalate(host: CaseHost, taskId: string, spec: StepSpec, who: Assignee, rung: EscalationRung, level: number, policy: LadderPolicy): Promise<void> {
  const task = host.openTasks.get(taskId);
  if (task) task.escalations = level;
  const contacts = await rungContacts(host, rung, who);
  // Reminders never hold up the step they belong to (a gateway down for an hour must not stall the case), and wait out
  // the night. Cases whose history predates this keep sending in line, as they did.
  const background = since('escalation-sms-in-background');
  const wait = background ? quietDelay(nowMs(), policy.quietHours) : 0;
  const deferred = wait > 0 && contacts.length > 0 ? `（夜间免打扰，短信将于 ${shanghaiMinute(nowMs() + wait).slice(11)} 发送）` : '';
  const summary = `“${spec.title}”已超过办理时限，第${level}级督办：${rungLabel(rung.notify)}${deferred}`;
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
    vars: { caseNo: host.caseNo, title: spec.title, dueAt: new Date(dueOf(spec)).toISOString(), level, assignee: ROLE_LABELS[who.role] },
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
  const ladder = spec.whenOverdue === 'end' ? [] : spec.ladder ?? policy.ladders?.[spec.kind] ?? policy.escalation;
  // A supervisor's reassignment changes who holds the task; with none (every history recorded before it) the kind decides.
  const assignee = () => afterReassignments(host.reassignments, spec.assignee());
  const who = assignee();
  const taskId = spec.taskId ?? host.nextTaskId(spec.kind);
  let due = dueOf(spec);
  const opened = { taskId, kind: spec.kind, title: spec.title, role: who.role, unitId: who.unitId, department: who.department, ...(who.userId ? { userId: who.userId } : {}), dueAt: new Date(due).toISOString() };
  host.openTasks.set(taskId, { ...opened, escalations: 0 });
  await host.persistRestPoint({
    caseNo: host.caseNo,
    at: nowIso(),
    casePatch: spec.casePatch,
    openTask: opened,
    events: [host.systemEvent('task_opened', `待办“${spec.title}”已派给${who.department ?? ROLE_LABELS[who.role]}，办理时限 ${shanghaiMinute(due)}`, { taskId, role: who.role, unitId: who.unitId, dueAt: opened.dueAt })],
  });

  const moved = () => !sameAssignee(assignee(), who);
  const ended = () => spec.done() || spec.abandoned() || moved();
  // Only a due time given as a function can move; a fixed one waits exactly as it always did (recorded histories).
  const movable = typeof spec.dueAt === 'function';
  const wake = () => ended() || (movable && dueOf(spec) !== due);
  let rung = 0;
  let end: StepEnd | 'reassigned' | undefined;
  for (;;) {
    const wakeAt = spec.whenOverdue === 'end' ? due : due + ladder.slice(0, rung + 1).reduce((t, r) => t + r.after, 0);
    if (rung >= ladder.length && spec.whenOverdue !== 'end') await condition(wake);
    else if (wakeAt > nowMs()) await condition(wake, wakeAt - nowMs());
    if (ended()) break;
    if (movable && dueOf(spec) !== due) {
      due = await reschedule(host, taskId, spec, due);
      continue;
    }
    if (spec.whenOverdue === 'end') {
      end = 'overdue';
      break;
    }
    await escalate(host, taskId, spec, who, ladder[rung], rung + 1, policy);
    rung += 1;
  }
  end ??= spec.done() ? 'done' : spec.abandoned() ? 'abandoned' : 'reassigned';
  host.openTasks.delete(taskId);
  const status = end === 'done' ? 'done' : end === 'reassigned' ? 'reassigned' : end === 'overdue' ? 'overdue' : 'cancelled';
  const close: Transition = { caseNo: host.caseNo, at: nowIso(), closeTask: { taskId, status } };
  await (spec.standalone ? host.persistRestPoint(close) : activities.persistTransition(close));
  return end;
}

/** The due time moved (the calendar changed): the task's row and the live view follow, and the case records why. */
async function reschedule(host: CaseHost, taskId: string, spec: StepSpec, from: number): Promise<number> {
  const to = dueOf(spec);
  const task = host.openTasks.get(taskId);
  if (task) task.dueAt = new Date(to).toISOString();
  await activities.persistTransition({
    caseNo: host.caseNo, at: nowIso(),
    rescheduleTask: { taskId, dueAt: new Date(to).toISOString() },
    events: [host.systemEvent('task_rescheduled', `“${spec.title}”的办理时限由 ${shanghaiMinute(from)} 调整为 ${shanghaiMinute(to)}`, { taskId, from: new Date(from).toISOString(), to: new Date(to).toISOString() })],
  });
  return to;
}

export async function humanStep(host: CaseHost, spec: StepSpec, policy: LadderPolicy): Promise<StepEnd> {
  for (;;) {
    const end = await runAssignment(host, spec, policy);
    if (end !== 'reassigned') return end;
  }
}
