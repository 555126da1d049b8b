/**
 * Reassignment of a case's open tasks (any kind; issue 23, a caseworker on leave): a district staff member, or a street
 * chair within their street, gives the tasks a holder of one role in one unit has on a case to another holder of that
 * role in that unit, by name, for a recorded reason. The case keeps the reassignment: a later step of that role and
 * unit goes to the new holder too, until someone takes it over or the kind assigns it elsewhere. Pure.
 */
import type { OpenTaskView } from '../case-view';
import { domainError } from '../domain-error';
import type { Assignee } from '../human-step';
import { ROLE_LABELS, type Actor, type Role } from '../roles';

/** The roles of the union's own line whose tasks may be moved between colleagues (not an outsider's: a lawyer, a clerk). */
export const REASSIGNABLE_ROLES: readonly Role[] = ['street_caseworker', 'street_chair', 'district_staff', 'union_mediator', 'negotiation_mentor'];

export interface ReassignCommand {
  actor: Actor;
  /** the new holder: an active staff member of the tasks' role and unit (the API checked they exist) */
  to: { userId: number; name: string; role: Role; unitId: string };
  /** only the tasks this person holds by name, or holds in their role's pool (absent: every task of the role and unit) */
  fromUserId?: number;
  reason: string;
}

/** What the case keeps: tasks of this role and unit, pooled or held by `fromUserId`, are `to`'s from now on. */
export interface Reassignment {
  role: Role;
  unitId: string;
  fromUserId: number | null;
  toUserId: number;
}

export interface ReassignAnswer {
  caseNo: string;
  /** the tasks that moved, as they were before */
  moved: { taskId: string; title: string }[];
}

const heldBy = (t: { role: Role; unitId: string; department?: string | null; userId?: number | null }, r: Omit<Reassignment, 'toUserId'>) =>
  t.role === r.role && t.unitId === r.unitId && !t.department && (!t.userId || r.fromUserId === null || t.userId === r.fromUserId);

/** The open tasks the command moves: of the new holder's role and unit, not theirs already. */
export function tasksToMove(tasks: readonly OpenTaskView[], cmd: ReassignCommand): OpenTaskView[] {
  const from = { role: cmd.to.role, unitId: cmd.to.unitId, fromUserId: cmd.fromUserId ?? null };
  return tasks.filter((t) => heldBy(t, from) && t.userId !== cmd.to.userId);
}

/** Who may move a case's tasks: the district's staff, or the chair of the case's street for its caseworkers. */
export function reassignRefusal(cmd: ReassignCommand, units: { districtId: string; streetId: string }): string | null {
  const { actor, to } = cmd;
  if (actor.role === 'district_staff' && actor.unitId === units.districtId) return null;
  if (actor.role === 'street_chair' && actor.unitId === units.streetId) {
    return to.role === 'street_caseworker' && to.unitId === units.streetId ? null : '街道工会主席只能把本街道社会化工会工作者的待办转派给本街道的社会化工会工作者';
  }
  return '只有本区总工会权益保障部或本街道工会主席可以转派待办';
}

/** The validator's check: who sends it, a reason, and something to move. */
export function assertReassignment(cmd: ReassignCommand, view: { status: string; openTasks: OpenTaskView[]; districtId: string; streetId: string }): void {
  const why = reassignRefusal(cmd, view);
  if (why) throw domainError('RoleNotPermitted', why);
  if (typeof cmd.reason !== 'string' || cmd.reason.trim() === '') throw domainError('InvalidPayload', '请填写转派理由');
  if (!REASSIGNABLE_ROLES.includes(cmd.to.role)) throw domainError('InvalidPayload', '该岗位的待办不能转派');
  if (view.status === 'closed') throw domainError('CaseClosed', '该案件已办结，不能再转派');
  if (tasksToMove(view.openTasks, cmd).length === 0) throw domainError('ActionNotAllowed', `该案件没有可转派给${cmd.to.name}的待办`);
}

/** The reassignments the case keeps for a command: one per holder the moved tasks had (a pool, or a person). */
export function reassignmentsFor(moved: readonly OpenTaskView[], cmd: ReassignCommand): Reassignment[] {
  const holders = [...new Set(moved.map((t) => t.userId ?? null))];
  return holders.map((fromUserId) => ({ role: cmd.to.role, unitId: cmd.to.unitId, fromUserId, toUserId: cmd.to.userId }));
}

/**
 * A step's assignee after the case's reassignments, in the order they were made (a task moved from A to B and then
 * from B to C is C's). A step the kind gives to someone else (a take-over, a department) is left as it is.
 */
export function afterReassignments(list: readonly Reassignment[], usual: Assignee): Assignee {
  return list.reduce<Assignee>((a, r) => (heldBy(a, r) ? { role: r.role, unitId: r.unitId, department: null, userId: r.toUserId } : a), usual);
}

export function reassignmentEvent(moved: readonly OpenTaskView[], cmd: ReassignCommand) {
  const titles = moved.map((t) => `“${t.title}”`).join('、');
  return {
    type: 'tasks_reassigned',
    summary: `${ROLE_LABELS[cmd.actor.role]}${cmd.actor.name}将待办${titles}转派给${ROLE_LABELS[cmd.to.role]}${cmd.to.name}。理由：${cmd.reason.trim()}`,
    data: { taskIds: moved.map((t) => t.taskId), toUserId: cmd.to.userId, toName: cmd.to.name, fromUserId: cmd.fromUserId ?? null, reason: cmd.reason.trim() },
  };
}
