/**
 * How any kind's case starts: its workflow (the registry's type, id `<kind>-<caseNo>`) started together with the
 * created update (update-with-start), so the caller answers only once the case row can be read. The same submission
 * sent again is the same case: the id is the case number, derived from the submission's idempotency key. The input
 * is stamped with the newest patch generation this code knows, which the case then takes without recording a marker
 * (workflows/shared/patch-generation.ts).
 */
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { findCase } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import { temporalConfig } from '../../temporal.config';
import { kindOfCaseNo, workflowIdOf } from '../../workflows/kinds';
import { caseCreatedUpdate } from '../../workflows/shared/definitions';
import { NEWEST_PATCH_GENERATION } from '../../workflows/shared/patch-generation';
import { unavailable } from '../errors';
import { OverloadedError, withinStartGate } from './start-gate';
import { untilProcessed } from './unprocessed-update';

export async function startCase(db: Kysely<Database>, temporal: Client, caseNo: string, input: object): Promise<{ caseNo: string }> {
  const kind = kindOfCaseNo(caseNo);
  if (!kind) throw new RangeError(`not a case number: ${caseNo}`);
  // One operation per send: the client refuses to execute an operation twice.
  const start = () => new WithStartWorkflowOperation(kind.workflowType, {
    taskQueue: temporalConfig.taskQueue, workflowId: workflowIdOf(caseNo), args: [{ ...input, patchGeneration: NEWEST_PATCH_GENERATION }],
    workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  try {
    await withinStartGate(() => untilProcessed(() => temporal.workflow.executeUpdateWithStart(caseCreatedUpdate, { startWorkflowOperation: start() })));
  } catch (err) {
    if (err instanceof OverloadedError) throw err;
    // The same submission after its case already closed: still the same case.
    if (await findCase(db, caseNo)) return { caseNo };
    throw Object.assign(unavailable(), { cause: err });
  }
  return { caseNo };
}
