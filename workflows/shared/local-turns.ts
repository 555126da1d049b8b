/**
 * Local activities one at a time, in the order the workflow asked for them, for cases started since
 * 'serial-local-activities'. Two local activities under way together (a command's transition written by its handler,
 * and the flow's own) complete in whatever order the worker happened to finish them, and each completion lets its side
 * issue its next command (the update's answer, a timer); a replay learns the completions from the markers in another
 * arrangement, and the commands then come out in another order: a nondeterminism error (seen: an answer against a
 * rescheduled task's timer). One at a time, every completion wakes one side, the same way on replay.
 *
 * The queue is the case's own (execution-state.ts): this module is shared by every case the worker holds.
 */
import { executionState } from './execution-state';

const turns = () => executionState<{ queue: Promise<unknown> | null }>('local-turns', () => ({ queue: null }));

/** Decided once, as the case starts (CaseHost): a case started before keeps running them side by side. */
export function takeLocalActivitiesInTurn(inTurn: boolean): void {
  turns().queue = inTurn ? Promise.resolve() : null;
}

function inTurn<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args: A) => {
    const state = turns();
    if (!state.queue) return fn(...args);
    const run = state.queue.then(() => fn(...args));
    state.queue = run.catch(() => undefined);
    return run;
  };
}

/** The same local activities, each taking its turn once the case takes them in turn. */
export function inTurns<T extends object>(acts: T): T {
  return new Proxy(acts, {
    get(target, name) {
      const fn = Reflect.get(target, name) as unknown;
      return typeof fn === 'function' ? inTurn(fn as (...args: unknown[]) => Promise<unknown>) : fn;
    },
  });
}
