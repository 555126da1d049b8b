/**
 * Coordination with partner departments (any kind; DOMAIN §1, "the coordination group of member departments is brought
 * in"): a department is asked, its task runs beside the case's own steps, and it records what it did. Pure: the state,
 * how a command changes it, and the checks the kind's rules call.
 */
import { domainError } from '../domain-error';
import { requireText } from '../payload-checks';
import type { Actor } from '../roles';

export const PARTNER_DEPARTMENTS = ['人社局', '综合执法局', '发改局', '市场监管局', '税务局'] as const;

export interface CoordinationRequest {
  taskId: string;
  department: string;
  note: string;
  done: boolean;
}

export interface CoordinationState {
  coordination: CoordinationRequest[];
  openCoordination: { taskId: string; department: string }[];
}

export const COORDINATION_LABELS = { openCoordination: '发起部门协调', completeCoordination: '登记协调结果' } as const;

export function openCoordination(s: CoordinationState, p: { department: string; note: string }, taskId: string) {
  s.coordination.push({ taskId, department: p.department, note: p.note, done: false });
  s.openCoordination.push({ taskId, department: p.department });
  return { type: 'coordination_opened', summary: `发起部门协调（${p.department}）：${p.note}`, data: { taskId, ...p } };
}

export function completeCoordination(s: CoordinationState, p: { taskId: string; note: string }) {
  const req = s.coordination.find((c) => c.taskId === p.taskId)!;
  req.done = true;
  s.openCoordination = s.openCoordination.filter((c) => c.taskId !== req.taskId);
  return { type: 'coordination_done', summary: `${req.department}协调结果：${p.note}`, data: { ...p } };
}

export function checkOpenCoordination(s: Pick<CoordinationState, 'openCoordination'>, p: Record<string, unknown>): void {
  if (!PARTNER_DEPARTMENTS.includes(p.department as never)) throw domainError('InvalidPayload', '请选择协作部门');
  // A double click or a client's retry must not ask the same department twice (issue 14: 22 requests, 23 tasks).
  if (s.openCoordination.some((c) => c.department === p.department)) {
    throw domainError('ActionNotAllowed', `已向${String(p.department)}发起协调，尚未办结，请勿重复发起`);
  }
  requireText(p.note, '协调事项');
}

export function checkCompleteCoordination(s: Pick<CoordinationState, 'openCoordination'>, p: Record<string, unknown>, actor: Actor): void {
  const task = s.openCoordination.find((t) => t.taskId === p.taskId);
  if (!task) throw domainError('InvalidPayload', '该协调任务不存在或已办结');
  if (actor.role === 'partner_department' && actor.department !== task.department) {
    throw domainError('RoleNotPermitted', `只有${task.department}可以登记该协调结果`);
  }
  requireText(p.note, '协调结果');
}

/** Who records a coordination's result: the department asked, or the step's assignee on its behalf. */
export function completeCoordinationRefusal(actor: Actor, actsOnStep: boolean): string | null {
  return actor.role === 'partner_department' || actsOnStep ? null : '只有被请求协调的部门或承办人可以登记协调结果';
}
