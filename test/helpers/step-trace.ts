/**
 * The steps of a time-skipping test with the real time each took, and the tail of its workflows' histories, printed
 * when the test fails. A step that hangs until the test's timeout (an update the Java test server never answers, a
 * skip that costs real time) is otherwise reported only as "Test timed out", with nothing to say which step it was.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { eventTimeMs, eventTypeName, historyEvents } from './history-events';

const TAIL = 12;

export class StepTrace {
  private started = Date.now();
  private lines: string[] = [];
  private handles: WorkflowHandle[] = [];

  reset(): void {
    this.started = Date.now();
    this.lines = [];
    this.handles = [];
  }

  watch(handle: WorkflowHandle): void {
    this.handles.push(handle);
  }

  async step<T>(label: string, run: () => Promise<T>): Promise<T> {
    const at = Date.now();
    this.lines.push(`+${at - this.started} ms ${label} …`);
    try {
      const result = await run();
      this.lines.push(`+${Date.now() - this.started} ms ${label} done in ${Date.now() - at} ms`);
      return result;
    } catch (err) {
      this.lines.push(`+${Date.now() - this.started} ms ${label} failed after ${Date.now() - at} ms: ${String(err)}`);
      throw err;
    }
  }

  /** Traces every call of `target[method]` from now on (once per target). */
  wrap<K extends string>(target: { [k in K]: (...args: never[]) => Promise<unknown> }, method: K, label: (...args: unknown[]) => string): void {
    const original = target[method] as ((...args: unknown[]) => Promise<unknown>) & { traced?: true };
    if (original.traced) return;
    const traced = Object.assign((...args: unknown[]) => this.step(label(...args), () => original.apply(target, args)), { traced: true as const });
    target[method] = traced as never;
  }

  async report(): Promise<void> {
    const tails = await Promise.all(this.handles.map(async (h) => {
      try {
        const events = await historyEvents(h);
        return `${h.workflowId}, last ${TAIL} of ${events.length} events:\n` + events.slice(-TAIL).map((e) => `  ${String(e.eventId)} ${eventTypeName(e)} ${new Date(eventTimeMs(e)).toISOString()}`).join('\n');
      } catch (err) {
        return `${h.workflowId}: history unavailable (${String(err)})`;
      }
    }));
    console.error(['steps of the failed test (real time):', ...this.lines, ...tails].join('\n'));
  }
}
