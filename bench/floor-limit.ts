/**
 * Measurement 1c, the shape floor: as many workflows of a case's shape (bench/workflows/shape-floor.ts) as the noop's
 * callers start per second, each answered once its update is, as the API answers a filing (api/services/start-case.ts).
 * Between the two limits it splits intake ÷ noop in two: floor ÷ noop is what the shape itself costs the engine and the
 * SDK's worker (an update with the start, a local activity and the second activation that brings its result, two
 * timers), and intake ÷ floor what the app adds to it (the API, the case's payload, its Postgres statement).
 */
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { floorCreated } from './workflows/shape-floor';
import { NOOP_TASK_QUEUE } from './lib/config';
import { workflowLimit, type LimitResult } from './limit';
import type { ProcSet } from './lib/proc';

/** A start the worker never answers (gone, stuck) fails the call instead of holding its caller for the run. */
const CALL_TIMEOUT_MS = 30_000;

export async function measureFloorLimit(
  client: Client, opts: { callers: number; seconds: number; label: string; procs: ProcSet },
): Promise<LimitResult> {
  let n = 0;
  return workflowLimit(opts, async () => {
    const workflowId = `bench-floor-${opts.label}-${process.pid}-${n++}`;
    // Conflict policy and reuse as the case's start; no execution timeout, so nothing of it fires during a later run.
    const start = new WithStartWorkflowOperation('shapeFloor', {
      taskQueue: NOOP_TASK_QUEUE, workflowId, args: [], workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    await client.withDeadline(Date.now() + CALL_TIMEOUT_MS, () => client.workflow.executeUpdateWithStart(floorCreated, { startWorkflowOperation: start }));
    return workflowId;
  });
}
