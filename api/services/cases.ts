import { createHash } from 'node:crypto';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { partiesOfCase } from '../../db/queries/case-parties';
import { findCase, openTasksOfCase } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import { kindOfCaseNo, workflowIdOf, type CaseKindSpec } from '../../workflows/kinds';
import type { CaseViewBase } from '../../workflows/shared/case-view';
import type { KindCommand } from '../../workflows/shared/definitions';
import type { Actor, Role } from '../../workflows/shared/roles';
import { forbidden, HttpError, notFound, unavailable } from '../errors';
import { may, permissionLabel } from '../security/access-policy';
import { updateWithin } from './bounded-update';
import { untilProcessed } from './unprocessed-update';

function isClosedWorkflowError(err: unknown): boolean {
  const text = String((err as Error)?.message ?? '');
  return /already completed|workflow execution.*(completed|closed)/i.test(text);
}

/**
 * A case whose workflow has left Temporal's retention (closed and purged) is still shown, from what Postgres kept:
 * the case row, its open tasks and its parties, as the kind rebuilds its view from them. `archived` tells the pages.
 */
async function archivedView(db: Kysely<Database>, caseNo: string): Promise<CaseViewBase | undefined> {
  const row = await findCase(db, caseNo);
  if (!row) return undefined;
  const [tasks, parties] = await Promise.all([openTasksOfCase(db, caseNo), partiesOfCase(db, caseNo)]);
  const openTasks = tasks.map((t) => ({
    taskId: t.task_id, kind: t.kind, title: t.title, role: t.assignee_role as Role, unitId: t.org_unit_id, department: t.department,
    dueAt: t.due_at.toISOString(), escalations: t.escalation_level,
  }));
  return kindOf(caseNo).archivedView({ row, openTasks, parties });
}

/** The kind a case number belongs to; numbers of no kind are not found. */
function kindOf(caseNo: string): CaseKindSpec<any, any> {
  const kind = kindOfCaseNo(caseNo);
  if (!kind) throw notFound();
  return kind;
}

/**
 * The live view from the workflow itself (closed cases too: Temporal replays them), else what Postgres kept. The
 * grievance's view by default; a caller that serves every kind names the view it expects.
 */
export async function caseView<V extends CaseViewBase = CaseViewBase>(temporal: Client, caseNo: string, db?: Kysely<Database>): Promise<V> {
  const kind = kindOf(caseNo);
  try {
    return await temporal.workflow.getHandle(workflowIdOf(caseNo)).query(kind.view);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      const archived = db ? await archivedView(db, caseNo) : undefined;
      if (archived) return archived as unknown as V;
      throw notFound();
    }
    throw Object.assign(unavailable(), { cause: err });
  }
}

/**
 * Sends a command as a workflow update. With an idempotency key (a form's hidden field, an Idempotency-Key header) the
 * update id is derived from it, so a double click or a client's retry is answered with the first one's result and
 * never applied twice: Temporal keeps one update per id. Without one, the rules are checked here first for a quick
 * answer; the workflow's validator alone decides in either case.
 */
export async function actOnCase<V extends CaseViewBase = CaseViewBase>(temporal: Client, caseNo: string, cmd: KindCommand, idempotencyKey?: string): Promise<V> {
  const kind = kindOf(caseNo);
  // An action the kind puts under a permission of its own (beyond case.act): both the JSON route and the page come here.
  const needed = Object.hasOwn(kind.actions, cmd.action) ? kind.actions[cmd.action].permission : undefined;
  if (needed && !may(cmd.actor.role, needed)) throw forbidden(`您的角色无权${permissionLabel(needed)}`);
  // Callers have found the case row first, so a workflow that is gone has left the engine's retention: closed.
  const closed = () => new HttpError(409, '该案件已办结，不能再操作', 'CaseClosed');
  if (!idempotencyKey) {
    // Only a quicker answer: a query the busy engine could not answer in time leaves the decision to the validator.
    const view = await caseView(temporal, caseNo).catch((err) => {
      if (err instanceof HttpError && err.statusCode === 404) throw closed();
      if (err instanceof HttpError && err.statusCode === 503) return null;
      throw err;
    });
    if (view) kind.assertCommandAllowed(cmd, view);
  }
  const updateId = idempotencyKey
    ? `cmd-${createHash('sha256').update(`${caseNo}:${cmd.action}:${cmd.actor.role}:${cmd.actor.userId ?? ''}:${idempotencyKey}`).digest('hex').slice(0, 32)}`
    : undefined;
  try {
    const handle = temporal.workflow.getHandle(workflowIdOf(caseNo));
    return await untilProcessed(() => updateWithin(handle, kind.act, [cmd], { updateId, meanwhile: () => handle.query(kind.view) })) as V;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) throw err;
    if (err instanceof WorkflowNotFoundError || isClosedWorkflowError(err)) throw closed();
    throw Object.assign(unavailable(), { cause: err });
  }
}

/** A party adds information to an open case: a signal, recorded by the workflow as an event. */
export async function addCaseNote(temporal: Client, caseNo: string, text: string, actor: Actor): Promise<void> {
  const kind = kindOf(caseNo);
  const view = await caseView(temporal, caseNo);
  if (view.status === 'closed') throw new HttpError(409, '该案件已办结，不能再补充说明', 'CaseClosed');
  await temporal.workflow.getHandle(workflowIdOf(caseNo)).signal(kind.note.signal, ...kind.note.args({ text, actor }));
}
