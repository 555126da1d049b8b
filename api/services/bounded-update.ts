import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowUpdateStage, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

/** How long a command's answer waits for the case to react (the next task opened, the case closed). */
export const ANSWER_WAIT_MS = 10_000;

const LATE = Symbol('late');

/**
 * Sends an update and waits for its result, at most `waitMs`; past that, answers with `meanwhile()` (the case's view as
 * it is). The workflow has no timer of its own for this since 'act-answer-without-timer' (workflows/shared/case-runner.ts):
 * its handler waits for the flow to come to rest, so the bound is the caller's. A rejection by the validator, or an
 * update the worker never saw, is thrown as before.
 */
export async function updateWithin<R, A extends [unknown, ...unknown[]]>(
  handle: WorkflowHandle,
  def: UpdateDefinition<R, A>,
  args: A,
  opts: { updateId?: string; waitMs?: number; meanwhile: () => Promise<R> },
): Promise<R> {
  const update = await handle.startUpdate(def, {
    args, waitForStage: WorkflowUpdateStage.ACCEPTED, ...(opts.updateId ? { updateId: opts.updateId } : {}),
  });
  const result = update.result();
  const stop = new AbortController();
  const late = sleep(opts.waitMs ?? ANSWER_WAIT_MS, LATE, { signal: stop.signal }).catch(() => LATE);
  try {
    const first = await Promise.race([result, late]);
    if (first !== LATE) return first as R;
    // The update is applied and will finish when the flow rests; nobody reads its result any more.
    result.catch(() => undefined);
    return await opts.meanwhile();
  } finally {
    stop.abort();
  }
}
