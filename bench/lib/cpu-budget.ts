/**
 * What one workflow costs the machine, in ms of one core across the system's processes (Temporal, worker(s), API,
 * Postgres; not the bench's own load generator): a noop of the limit run, and a case at the intake step that notified
 * the most per second. On 2 cores the machine has 2,000 ms a second to give, so the cost per case bounds intake no
 * matter how the steps are offered: the ratio of the two costs says how near intake can come to the noop limit when
 * both are bound by the CPU (the noop limit is often bound by its callers' wait first: its CPU then is below 200 %).
 */
import type { LimitResult } from '../limit';
import type { StepResult } from '../intake';
import type { FanoutResult } from '../fanout';

const SYSTEM = ['temporal', 'worker', 'noopWorker', 'api', 'postgres'];

const systemCpu = (cpu: Record<string, number>) => SYSTEM.reduce((a, k) => a + (Number.isFinite(cpu[k]) ? cpu[k] : 0), 0);

/** ms of one core per workflow of a closed-loop run (cpu: percent of one core over the run) */
export function runCost(run: Pick<LimitResult, 'perSec' | 'cpu'> | undefined): number {
  return run && run.perSec > 0 ? (10 * systemCpu(run.cpu)) / run.perSec : NaN;
}

/** ms of one core per noop workflow */
export const noopCost = (limit: LimitResult | undefined): number => runCost(limit);

type Step = { step: StepResult; fanout: FanoutResult };

/** The intake step that notified the most cases per second (none if no step notified any). */
export function bestStep<S extends Step>(steps: S[]): S | undefined {
  return [...steps].filter((s) => s.fanout.donePerSec > 0).sort((a, b) => b.fanout.donePerSec - a.fanout.donePerSec)[0];
}

/** ms of one core per case fully notified, at the step that notified the most per second */
export function caseCost(steps: Step[]): number {
  const best = bestStep(steps);
  return best ? (10 * systemCpu(best.step.cpu)) / best.fanout.donePerSec : NaN;
}
