/**
 * The load of the limit runs (bench/limit.ts, bench/intake-limit.ts): callers that each call again as soon as their
 * last call returned, for `seconds`, with the CPU of `procs` measured over them. A call that throws counts as an error
 * and its caller backs off (a failing server must not spin); a call that returns `{ waitMs }` was turned away without
 * an error (a 503's Retry-After), is not counted, and its caller waits that long.
 */
import { cpuMeter, type ProcSet } from './proc';
import { sleep } from './stats';

export interface ClosedLoopResult {
  seconds: number;
  /** of the counted calls, ms each */
  latencies: number[];
  errors: number;
  firstError?: string;
  cpu: Record<string, number>;
}

const BACK_OFF_MS = 200;

export async function closedLoop(
  opts: { callers: number; seconds: number; procs: ProcSet }, call: () => Promise<void | { waitMs: number }>,
): Promise<ClosedLoopResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const meter = cpuMeter(opts.procs);
  meter.start();
  const t0 = performance.now();
  const until = t0 + opts.seconds * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const s = performance.now();
      try {
        const turnedAway = await call();
        if (turnedAway) await sleep(turnedAway.waitMs);
        else latencies.push(performance.now() - s);
      } catch (err) {
        errors += 1;
        firstError ??= String((err as Error).message ?? err).slice(0, 200);
        await sleep(BACK_OFF_MS);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.callers }, caller));
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, latencies, errors, firstError, cpu: meter.stop() };
}
