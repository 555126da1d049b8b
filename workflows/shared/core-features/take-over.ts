/**
 * Take-over (any kind): a superior takes a step over from its assignee, for a recorded reason; by name, they are its
 * assignee until the step ends. Who stands above whom is `canTakeOver` (shared/assignees.ts). Pure.
 */
import type { Assignee } from '../human-step';
import { ROLE_LABELS, type Actor, type Role } from '../roles';

export interface TakeOver<S extends string = string> {
  stage: S;
  role: Role;
  unitId: string;
  userId: number | null;
  name: string;
}

export const TAKE_OVER_LABEL = '接手办理（上级）';

export function takeOverBy<S extends string>(actor: Actor, stage: S): TakeOver<S> {
  return { stage, role: actor.role, unitId: actor.unitId ?? '', userId: actor.userId ?? null, name: actor.name };
}

/** The event of a take-over, as the case's history and the supervisors' account read it. */
export function takeOverEvent(t: TakeOver, stageLabel: string, reason: string) {
  return { type: 'task_taken_over', summary: `${ROLE_LABELS[t.role]}${t.name}接手办理“${stageLabel}”。理由：${reason}`, data: { stage: t.stage, reason } };
}

/** The step's assignee: whoever took it over, while the step they took lasts; the usual assignee otherwise. */
export function assigneeAfterTakeOver(t: TakeOver | null, stage: string, usual: () => Assignee): Assignee {
  if (t && t.stage === stage) return { role: t.role, unitId: t.unitId, department: null, userId: t.userId };
  return usual();
}
