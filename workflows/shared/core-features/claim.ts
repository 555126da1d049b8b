/**
 * Claiming a task from a pool (any kind; 接单): a task open to every holder of a role in a unit (the station's
 * mediators, a district's mentors) is taken by one of them, who is then its assignee by name. The kind's step reads the
 * claim as its assignee, so the task is reopened for that person (as after a take-over). Pure.
 */
import type { OpenTaskView } from '../case-view';
import type { Actor } from '../roles';

export interface Claim {
  taskId: string;
  role: Actor['role'];
  unitId: string;
  userId: number;
  name: string;
}

export const CLAIM_LABEL = '接单（由我办理）';

/** A task still open to its pool: assigned to a role in a unit, to nobody by name. */
export const isPooled = (t: OpenTaskView) => !t.userId && !t.department;

/** The pooled tasks this person could take: their role, their unit. */
export function claimableTasks(tasks: readonly OpenTaskView[], actor: Actor): OpenTaskView[] {
  return actor.userId === undefined ? [] : tasks.filter((t) => isPooled(t) && t.role === actor.role && t.unitId === actor.unitId);
}

/** Why this person may not claim that task now, or null. */
export function claimRefusal(tasks: readonly OpenTaskView[], taskId: unknown, actor: Actor): string | null {
  const task = tasks.find((t) => t.taskId === taskId);
  if (!task) return '该任务不存在或已办结';
  if (!isPooled(task)) return '该任务已由他人接单办理';
  return claimableTasks([task], actor).length > 0 ? null : '只有该任务所属单位的同岗位人员可以接单';
}

export function claimBy(actor: Actor, taskId: string): Claim {
  return { taskId, role: actor.role, unitId: actor.unitId ?? '', userId: actor.userId!, name: actor.name };
}

/** The claim as the case's history reads it: whose the case is now, with the task's title when the kind has it. */
export function claimEvent(c: Claim, title?: string) {
  return { type: 'task_claimed', summary: title ? `${c.name}接单办理“${title}”` : `${c.name}接单办理本案`, data: { taskId: c.taskId } };
}
