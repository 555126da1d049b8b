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
  return workflowLimit(opts, async () => {
    const workflowId = `bench-noop-${opts.label}-${process.pid}-${n++}`;
    // The execution timeout bounds every call, also if the noop worker were gone.
    await client.workflow.execute('noop', { taskQueue: NOOP_TASK_QUEUE, workflowId, args: [], workflowExecutionTimeout: '30 seconds' });
    return workflowId;
  });
}

/**
 * A limit run of workflows, each `run` one of them to its answer (giving its id): a warm-up, not counted (the worker's
 * first tasks create its workflow sandbox and the connections open), then the closed loop, bounded by time.
 */
export async function workflowLimit(
  opts: { callers: number; seconds: number; procs: ProcSet }, run: () => Promise<string>,
): Promise<LimitResult> {
  let sampleWorkflowId: string | undefined;
  const counted = async () => {
    sampleWorkflowId = await run();
  };
  await Promise.all(Array.from({ length: Math.min(20, opts.callers) }, counted));
  const { seconds, latencies, errors, firstError, cpu } = await closedLoop(opts, counted);
  return {
    callers: opts.callers, seconds, completions: latencies.length, perSec: latencies.length / seconds,
    latency: summarize(latencies), errors, firstError, cpu, sampleWorkflowId,
  };
}
