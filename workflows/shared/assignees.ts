/**
 * Who may act on a task, for every case kind: its assignee (by role and unit, or by name once someone took it over),
 * and who stands above an assignee and may take the task over, for a recorded reason.
 */
import type { Actor, Role } from './roles';

export interface AssignedTask {
  role: Role;
  unitId: string;
  department?: string | null;
  userId?: number | null;
}

export function isAssignee(actor: Actor, task: AssignedTask): boolean {
  if (task.userId) return actor.userId === task.userId;
  return actor.role === task.role && actor.unitId === task.unitId && (!task.department || actor.department === task.department);
}

/** The street chair above the street's caseworker; the district's staff above both, for the district's streets. */
export function canTakeOver(actor: Actor, task: AssignedTask, units: { districtId: string; streetId: string }): boolean {
  if (isAssignee(actor, task)) return false;
  if (task.role === 'street_caseworker' && actor.role === 'street_chair') return actor.unitId === task.unitId;
  if ((task.role === 'street_caseworker' || task.role === 'street_chair') && actor.role === 'district_staff') {
    return actor.unitId === units.districtId && task.unitId === units.streetId;
  }
  return false;
}
