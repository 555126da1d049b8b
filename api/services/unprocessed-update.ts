import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

/**
 * The server's refusal of an update the worker never answered (temporalio/temporal#5169): under load a workflow task
 * that carried it was completed without it (seen with 22 commands at once on 2 busy cores). The client wraps it, so the
 * type is on the cause; the outer message is only "Workflow Update failed".
 */
export function wasUnprocessed(err: unknown): boolean {
  return err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'UnprocessedUpdate';
}

const ATTEMPTS = 6;
const BACKOFF_MS = 50;

/** Sends an update again, a moment later, while the server says the worker never saw it: nothing was applied. */
export async function untilProcessed<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (!wasUnprocessed(err) || attempt >= ATTEMPTS) throw err;
      await sleep(BACKOFF_MS * attempt);
    }
  }
}
