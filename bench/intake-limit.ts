/**
 * Measurement 1b, the intake limit: grievances filed through the HTTP API by a fixed number of callers, each filing
 * again as soon as it is answered, for as long as the noop limit runs (bench/limit.ts). It is the noop limit's own
 * method applied to a case, so that "intake ÷ noop" compares two limits measured alike and minutes apart:
 *
 * - the open steps (bench/intake.ts) offer fixed rates 8 req/s apart, so their best pace is capped by the step below
 *   the knee (up to an eighth under it), and count from a step's first filing to its last notice, so a 15 s step
 *   also pays for its last second's drain, which the noop's count of completions within its window does not;
 * - the noop limit of one server moves by a quarter within 20 minutes on this VM (bench/results, session 14): a
 *   phase measures this limit after each of its two noop limits (and the shape floor that follows each,
 *   bench/floor-limit.ts) and sets each against the noop run before it (bench/lib/paired-limits.ts).
 *
 * It does not flatter intake: in session 15's runs it came out below the best open step on every server (cluster, one
 * worker: 61.5 against 63.8 cases/s, and 64.6 against 70.0), at a little more CPU per case; its value is the pairing.
 * Callers stay under the API's start gate (GONGQING_STARTS_IN_FLIGHT, 32 by default): more would be answered 503 at
 * once and measure the gate's refusals. A case counts once answered 201 and its five intake notices are written (with
 * the default outbox adapter they are written by the statement that writes the case row, before the answer).
 */
import { closedLoop } from './lib/closed-loop';
import { postJson } from './lib/http-post';
import type { ProcSet } from './lib/proc';
import { summarize, type Summary } from './lib/stats';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { waitForFanout } from './fanout';
import { submission, TIMEOUT_MS, type Accepted } from './intake';

export interface IntakeLimitResult {
  callers: number;
  seconds: number;
  /** answered 201 */
  accepted: number;
  /** of those, fully notified (all five intake notices written) */
  notified: number;
  /** notified cases per second over the run: the figure set against the noop limit */
  perSec: number;
  /** answered 503 (the start gate); the caller waited its Retry-After, at most a second, and filed again */
  comeBack: number;
  errors: number;
  firstError?: string;
  latency: Summary;
  cpu: Record<string, number>;
}

const WARM_UP = 20;

export async function measureIntakeLimit(
  baseUrl: string, db: Kysely<Database>,
  opts: { callers: number; seconds: number; label: string; procs: ProcSet; headers: Record<string, string>; drainSeconds: number },
): Promise<IntakeLimitResult> {
  const headers = { 'content-type': 'application/json', ...opts.headers };
  /** One filing: its case number and answer time on a 201, the status otherwise; throws on no answer. */
  const file = async (): Promise<{ status: number; accepted?: Accepted; retryAfterS?: number }> => {
    const { body } = submission(`limit-${opts.label}`);
    const sentAt = Date.now();
    const res = await postJson(`${baseUrl}/api/v1/grievances`, body, headers, TIMEOUT_MS);
    const text = res.text;
    if (res.status !== 201) return { status: res.status, retryAfterS: Number(res.retryAfter) || undefined };
    return { status: 201, accepted: { caseNo: (JSON.parse(text) as { caseNo: string }).caseNo, at: Date.now(), sentAt } };
  };

  // Warm-up, not counted: the worker's first tasks create its workflow sandbox, the API's its connections.
  await Promise.all(Array.from({ length: Math.min(WARM_UP, opts.callers) }, () => file().catch(() => undefined)));

  const accepted: Accepted[] = [];
  let comeBack = 0;
  const { seconds, latencies, errors, firstError, cpu } = await closedLoop(opts, async () => {
    const r = await file();
    if (r.accepted) {
      accepted.push(r.accepted);
      return undefined;
    }
    if (r.status !== 503) throw new Error(`HTTP ${r.status}`);
    comeBack += 1;
    return { waitMs: Math.min(1000, (r.retryAfterS ?? 1) * 1000) };
  });
  const fanout = await waitForFanout(db, accepted, { maxSeconds: opts.drainSeconds });
  return {
    callers: opts.callers, seconds, accepted: accepted.length, notified: fanout.done, perSec: fanout.done / seconds,
    comeBack, errors, firstError, latency: summarize(latencies), cpu,
  };
}
