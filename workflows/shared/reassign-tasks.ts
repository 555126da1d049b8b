/**
 * The workflow's side of a reassignment (core-features/reassignment.ts), for every kind: the runner sets the handler up.
 * The case keeps the reassignment on its host; each human step reads its assignee through it, sees its holder changed,
 * and closes and reopens its task for the new holder (as after a take-over). The command is answered once they have.
 */
import { condition, patched, setHandler } from '@temporalio/workflow';
import { activities, nowIso, type CaseHost } from './case-host';
import type { CaseViewBase } from './case-view';
import { assertReassignment, reassignmentEvent, reassignmentsFor, tasksToMove } from './core-features/reassignment';
import { reassignTasksUpdate } from './definitions';

/** Marks the histories in which a case's tasks were reassigned; one recorded before knows no such command. */
export const REASSIGNMENT_PATCH = 'core-task-reassignment';

export function handleReassignment(host: CaseHost, state: { created: boolean }, view: () => CaseViewBase): void {
  setHandler(reassignTasksUpdate, async (cmd) => {
    patched(REASSIGNMENT_PATCH);
    const version = host.noteCommand();
    const moved = tasksToMove(view().openTasks, cmd);
    // Kept before the first await, so the next command's validator (and each step's wait) sees it at once.
    host.reassignments.push(...reassignmentsFor(moved, cmd));
    const applied = reassignmentEvent(moved, cmd);
    const event = host.event(applied.type, cmd.actor, applied.summary, applied.data);
    await condition(() => state.created);
    await activities.persistTransition({ caseNo: host.caseNo, at: nowIso(), events: [event] });
    const gone = () => moved.every((t) => !host.openTasks.has(t.taskId));
    // Answered once every moved task was reopened for its new holder (or the case moved on without it, or the run is
    // ending). No timer of its own (see case-runner.ts): the API bounds the wait (api/services/bounded-update.ts).
    await condition(() => (gone() && host.settled(version)) || host.finishing);
    return { caseNo: host.caseNo, moved: moved.map((t) => ({ taskId: t.taskId, title: t.title })) };
  }, { validator: (cmd) => assertReassignment(cmd, view()) });
}
