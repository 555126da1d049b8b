/**
 * Measurement 2, grievance intake through the HTTP API at a fixed offered rate. Every request carries a unique
 * idempotency key (else the API would answer the same case again, without starting anything).
 *
 * Since issue 14 a filing from the public side needs a one-time code texted to the phone and is limited per phone and
 * per client address (api/security/config.ts): one load generator filing at 48 req/s from one address would measure
 * those limits' 429s, and the code only reaches the phone. The bench therefore files as staff do on a worker's behalf
 * (`Authorization: Bearer` of a staff session, lib/auth.ts: no code, not limited), which starts the same workflow
 * with the same input; only the 'filed' event's actor differs.
 *
 * The load is open: each request leaves at its planned time whether or not earlier ones were answered. Until issue 14
 * autocannon did this (one connection per request per second, each waiting for its answer before the next), which was
 * open enough while every answer came within a second. Since then the API answers only once the workflow wrote the
 * case row, and behind a busy worker that takes seconds: autocannon then sent only as fast as answers came back
 * (24 offered, 9 sent) and measured less load, with shorter waits, than it claimed. The arrival pattern is kept:
 * `lanes` (up to 10) evenly spaced within each second, each sending its share of the second's requests at once, so
 * arrivals come in small groups every 1000/lanes ms, close to people filing one by one.
 */
import { randomBytes } from 'node:crypto';
import { caseNumberFor } from '../api/services/case-number';
import { postJson } from './lib/http-post';
import { cpuMeter, type ProcSet } from './lib/proc';
import { sleep, summarize, type Summary } from './lib/stats';

export interface Accepted {
  caseNo: string;
  /** Date.now() when the 201 arrived: the moment the worker was told "received" (NaN: no answer within the timeout) */
  at: number;
  /**
   * Date.now() when the request was sent: fan-out counts from here (bench/fanout.ts), since the 201 now comes only once
   * the case row exists, while the baseline's API answered right after the start.
   */
  sentAt: number;
}

export interface StepResult {
  label: string;
  offered: number;
  seconds: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** answered 503 with Retry-After (the API's bound on starts in flight): told at once to come back, nothing started */
  comeBack: number;
  /** e.g. "201×120 400×3": which answers came back, so a failing step says why */
  statusCodes: string;
  acceptedPerSec: number;
  latency: Summary;
  accepted: Accepted[];
  /**
   * Requests that got no answer within the timeout: the API may still have started their cases, which the worker then
   * works on like any other. Their case numbers are derived from the idempotency key as the API derives them, so that
   * the fan-out waits for them too and the next step does not inherit them as a hidden backlog.
   */
  unanswered: Accepted[];
  cpu: Record<string, number>;
}

const run = randomBytes(3).toString('hex');
let seq = 0;

/** A realistic JSON API submission (public.ts); only the key and the phone differ between requests. */
export function submission(label: string): { body: string; key: string } {
  const n = seq++;
  const slug = label.replace(/[^A-Za-z0-9]+/g, '').slice(0, 24); // the key allows [A-Za-z0-9_-], 8–80 characters
  const key = `bench-${run}-${slug}-${n}`;
  return {
    key,
    body: JSON.stringify({
      complainantName: '压测职工', complainantPhone: `139${String(10_000_000 + ((n * 7919) % 90_000_000)).padStart(8, '0')}`,
      enterpriseId: 'e-jingmi', category: 'unpaid_wages', description: '拖欠工资两个月（压测）',
      claimedFen: 1_200_000, workerCount: 3, idempotencyKey: key,
    }),
  };
}

/** Like autocannon's `timeout`: a request unanswered after this long counts as an error (and a timeout). */
export const TIMEOUT_MS = 10_000;

export async function intakeStep(
  baseUrl: string, opts: { label: string; rate: number; seconds: number; procs: ProcSet; headers?: Record<string, string> },
): Promise<StepResult> {
  const lanes = Math.min(opts.rate, 10);
  // Whole requests per lane and second, as autocannon split a lane's rate over its connections.
  const laneRates = Array.from({ length: lanes }, (_, i) => Math.floor(opts.rate / lanes) + (i < opts.rate % lanes ? 1 : 0));
  const latencies: number[] = [];
  const accepted: Accepted[] = [];
  const unanswered: Accepted[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let timeouts = 0;
  const headers = { 'content-type': 'application/json', ...opts.headers };

  const file = async () => {
    const { body, key } = submission(opts.label);
    const sentAt = Date.now();
    const t = performance.now();
    try {
      const res = await postJson(`${baseUrl}/api/v1/grievances`, body, headers, TIMEOUT_MS);
      const text = res.text;
      latencies.push(performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status !== 201) return;
      const at = Date.now();
      try {
        accepted.push({ caseNo: (JSON.parse(text) as { caseNo: string }).caseNo, at, sentAt });
      } catch { /* a 201 without a case number: counted as accepted, nothing to follow */ }
    } catch (err) {
      errors += 1;
      if ((err as Error).name === 'TimeoutError') timeouts += 1;
      unanswered.push({ caseNo: caseNumberFor(key), at: NaN, sentAt });
    }
  };

  const meter = cpuMeter(opts.procs);
  meter.start();
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  // The sending times in order: second s, lane i at s + i/lanes seconds sends laneRates[i] requests.
  const plan = Array.from({ length: opts.seconds }, (_, sec) => laneRates.map((n, i) => ({ at: 1000 * sec + (1000 * i) / lanes, n }))).flat();
  for (const { at, n } of plan) {
    const wait = t0 + at - performance.now();
    if (wait > 0) await sleep(wait);
    for (let k = 0; k < n; k++) inFlight.push(file());
  }
  await Promise.all(inFlight);
  const cpu = meter.stop();

  const ok = [...statuses].filter(([c]) => c >= 200 && c < 300).reduce((a, [, n]) => a + n, 0);
  const answered = [...statuses.values()].reduce((a, n) => a + n, 0);
  return {
    label: opts.label, offered: opts.rate, seconds: opts.seconds, sent: answered + errors, ok, non2xx: answered - ok, errors, timeouts, comeBack: statuses.get(503) ?? 0,
    statusCodes: [...statuses].sort(([a], [b]) => a - b).map(([c, n]) => `${c}×${n}`).join(' '),
    acceptedPerSec: ok / opts.seconds, latency: summarize(latencies), accepted, unanswered, cpu,
  };
}
