import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { complainantNoteSignal, grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import type { ActionCommand, GrievanceView } from '../../workflows/shared/grievance-model';
import { assertCommandAllowed } from '../../workflows/shared/grievance-rules';
import { HttpError, notFound, unavailable } from '../errors';
import { grievanceWorkflowId } from './case-number';

function isClosedWorkflowError(err: unknown): boolean {
  const text = String((err as Error)?.message ?? '');
  return /already completed|workflow execution.*(completed|closed)/i.test(text);
}

/** The live view from the workflow itself (works for closed cases too: Temporal replays them to answer). */
export async function grievanceView(temporal: Client, caseNo: string): Promise<GrievanceView> {
  try {
    return await temporal.workflow.getHandle(grievanceWorkflowId(caseNo)).query(grievanceViewQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw notFound();
    throw Object.assign(unavailable(), { cause: err });
  }
}

/**
 * Sends a command as a workflow update. The rules are checked here first against the live view for a quick answer,
 * and again by the workflow's validator, which alone decides.
 */
export async function actOnGrievance(temporal: Client, caseNo: string, cmd: ActionCommand): Promise<GrievanceView> {
  const view = await grievanceView(temporal, caseNo);
  assertCommandAllowed(cmd, view);
  try {
    return await temporal.workflow.getHandle(grievanceWorkflowId(caseNo)).executeUpdate(grievanceActUpdate, { args: [cmd] });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError || err instanceof WorkflowNotFoundError) throw err;
    if (isClosedWorkflowError(err)) throw new HttpError(409, '该案件已办结，不能再操作', 'CaseClosed');
    throw Object.assign(unavailable(), { cause: err });
  }
}

/** The worker adds information to an open case: a signal, recorded by the workflow as an event. */
export async function addComplainantNote(temporal: Client, caseNo: string, text: string): Promise<void> {
  const view = await grievanceView(temporal, caseNo);
  if (view.status === 'closed') throw new HttpError(409, '该案件已办结，不能再补充说明', 'CaseClosed');
  await temporal.workflow.getHandle(grievanceWorkflowId(caseNo)).signal(complainantNoteSignal, { text });
}
