/**
 * Measurement 1, the limit: how many noop workflows this Temporal dev server and worker setup can start and complete
 * per second, with a fixed number of concurrent callers each doing client.workflow.execute in a loop. Every grievance
 * needs far more of the server than this, so no intake rate can be higher than this one.
 */
import type { Client } from '@temporalio/client';
import { NOOP_TASK_QUEUE } from './lib/config';
import { closedLoop } from './lib/closed-loop';
import type { ProcSet } from './lib/proc';
import { summarize, type Summary } from './lib/stats';

export interface LimitResult {
  callers: number;
  seconds: number;
  completions: number;
  perSec: number;
  latency: Summary;
  errors: number;
  firstError?: string;
  cpu: Record<string, number>;
  /** one workflow that completed, to read its history's shape */
  sampleWorkflowId?: string;
}

export async function measureLimit(
  client: Client, opts: { callers: number; seconds: number; label: string; procs: ProcSet },
): Promise<LimitResult> {
  let n = 0;
  const id = () => `bench-noop-${opts.label}-${process.pid}-${n++}`;
  let sampleWorkflowId: string | undefined;
  const run = async () => {
    const workflowId = id();
    // The execution timeout bounds every call, also if the noop worker were gone.
    await client.workflow.execute('noop', { taskQueue: NOOP_TASK_QUEUE, workflowId, args: [], workflowExecutionTimeout: '30 seconds' });
    sampleWorkflowId = workflowId;
  };

  // Warm-up, not counted: the worker's first tasks create its workflow sandbox and the connections open.
  await Promise.all(Array.from({ length: Math.min(20, opts.callers) }, run));

  // Bounded by time; each call by the SDK's own timeouts.
  const { seconds, latencies, errors, firstError, cpu } = await closedLoop(opts, run);
  return {
    callers: opts.callers, seconds, completions: latencies.length, perSec: latencies.length / seconds,
    latency: summarize(latencies), errors, firstError, cpu, sampleWorkflowId,
  };
}
