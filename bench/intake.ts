/**
 * Measurement 2, grievance intake through the HTTP API at a fixed offered rate, with autocannon. Every request carries
 * a unique idempotency key (else the API would answer the same case again, without starting anything).
 *
 * autocannon's rate limit releases each connection's quota at the start of every second, so one instance at 40 req/s
 * fires 40 requests at once and measures its own burst. We run `lanes` instances side by side, started evenly spaced
 * within the first second, so arrivals come in small groups every 1000/lanes ms, closer to people filing one by one.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { cpuMeter, type ProcSet } from './lib/proc';
import { sleep, summarize, type Summary } from './lib/stats';

export interface Accepted {
  caseNo: string;
  /** Date.now() when the 201 arrived: the moment the worker was told "received" */
  at: number;
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
  /** e.g. "201×120 400×3": which answers came back, so a failing step says why */
  statusCodes: string;
  acceptedPerSec: number;
  latency: Summary;
  accepted: Accepted[];
  cpu: Record<string, number>;
}

const run = randomBytes(3).toString('hex');
let seq = 0;

/** A realistic JSON API submission (public.ts); only the key and the phone differ between requests. */
function submission(label: string): string {
  const n = seq++;
  const slug = label.replace(/[^A-Za-z0-9]+/g, '').slice(0, 24); // the key allows [A-Za-z0-9_-], 8–80 characters
  return JSON.stringify({
    complainantName: '压测职工', complainantPhone: `139${String(10_000_000 + ((n * 7919) % 90_000_000)).padStart(8, '0')}`,
    enterpriseId: 'e-jingmi', category: 'unpaid_wages', description: '拖欠工资两个月（压测）',
    claimedFen: 1_200_000, workerCount: 3, idempotencyKey: `bench-${run}-${slug}-${n}`,
  });
}

function codes(results: { statusCodeStats: Record<string, { count: number }> }[]): string {
  const total = new Map<string, number>();
  for (const r of results) for (const [code, { count }] of Object.entries(r.statusCodeStats ?? {})) total.set(code, (total.get(code) ?? 0) + Number(count));
  return [...total].sort().map(([c, n]) => `${c}×${n}`).join(' ');
}

export async function intakeStep(
  baseUrl: string, opts: { label: string; rate: number; seconds: number; procs: ProcSet },
): Promise<StepResult> {
  const lanes = Math.min(opts.rate, 10);
  // Integer rates per lane (autocannon splits a lane's rate over its connections as whole requests per second).
  const laneRates = Array.from({ length: lanes }, (_, i) => Math.floor(opts.rate / lanes) + (i < opts.rate % lanes ? 1 : 0));
  const latencies: number[] = [];
  const accepted: Accepted[] = [];
  const meter = cpuMeter(opts.procs);
  meter.start();

  const lane = async (rate: number, i: number) => {
    await sleep((1000 * i) / lanes);
    const instance = autocannon({
      url: baseUrl,
      connections: rate,
      overallRate: rate,
      duration: opts.seconds,
      timeout: 10,
      requests: [{
        method: 'POST', path: '/api/v1/grievances', headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: submission(opts.label) }),
        onResponse: (status, body) => {
          if (status !== 201) return;
          try {
            accepted.push({ caseNo: (JSON.parse(body) as { caseNo: string }).caseNo, at: Date.now() });
          } catch { /* counted as accepted by autocannon; no case number to follow */ }
        },
      }],
    });
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
    return await instance;
  };
  const results = await Promise.all(laneRates.map(lane));
  const cpu = meter.stop();

  const sum = (f: (r: (typeof results)[number]) => number) => results.reduce((a, r) => a + (f(r) || 0), 0);
  const ok = sum((r) => r['2xx']);
  return {
    label: opts.label, offered: opts.rate, seconds: opts.seconds, sent: latencies.length + sum((r) => r.errors), ok,
    non2xx: sum((r) => r.non2xx), errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts), statusCodes: codes(results),
    acceptedPerSec: ok / opts.seconds, latency: summarize(latencies), accepted, cpu,
  };
}
