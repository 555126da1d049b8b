/**
 * Measurement 4, scale: N grievances open at once, each resting in the contact step on its timers (the 12 h enterprise
 * notice, the 24 h contact due time). They are filed through the same service the API calls (fileGrievance: same
 * routing, same workflow input, the same payload codec; since issue 14 it returns once the case row exists), but
 * straight from here, which is faster than HTTP. We record memory of the worker and
 * of the Temporal server before and after, how fast they were started and came to rest, and intake latency again
 * while they are open.
 *
 * At most `window` cases are on their way to rest at a time. Started all at once, thousands of first workflow tasks
 * queue ahead of every later task, and after minutes almost none has rested: that would measure a backlog, not open
 * cases. With the window the same work brings cases to rest in order, and the first window still shows the raw start
 * rate. Starting and resting share one time box; the report says how many of N got there.
 */
import type { Client } from '@temporalio/client';
import { sql, type Kysely } from 'kysely';
import { caseNumberFor } from '../api/services/case-number';
import { fileGrievance } from '../api/services/grievance-intake';
import type { Database } from '../db/schema';
import { rssMiB, totalRssMiB } from './lib/proc';
import { sleep } from './lib/stats';

const SCALE_NAME = '规模压测'; // marks these cases so that their rows can be counted apart from the intake steps'

export interface Rss { worker: number; temporal: number; postgres: number; api: number }

export interface ScaleResult {
  target: number;
  /** cases started while at most `window` were on their way to rest */
  started: number;
  /** starts that failed (e.g. the API's start gate answering busy): each is tried again, with the same idempotency key */
  startErrors: number;
  /** the first start that failed, for "what stopped it" */
  firstStartError?: string;
  /** why no more were started: all asked for, the time box, or the pace (those on their way could not rest in time) */
  startStop: 'all started' | 'time box' | 'pace';
  /** the first `window` cases, started back to back: the raw start rate */
  burst: { cases: number; seconds: number };
  /** cases with their contact task written and all six intake SMS stored: at rest, waiting on timers */
  resting: number;
  restSeconds: number;
  timeBoxSeconds: number;
  window: number;
  /** starters at a time (absent in results of before issue 24: 50) */
  concurrency?: number;
  before: Rss;
  after: Rss;
  peak: Rss;
}

export interface ScaleProcs { worker: () => number; temporal: () => number[]; postgres: () => number[]; api: () => number }

export function readRss(p: ScaleProcs): Rss {
  return { worker: rssMiB(p.worker()), temporal: totalRssMiB(p.temporal()), postgres: totalRssMiB(p.postgres()), api: rssMiB(p.api()) };
}

async function countResting(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from cases c
    where c.complainant_name = ${SCALE_NAME}
      and exists (select 1 from tasks t where t.case_no = c.case_no and t.kind = 'contact')
      and (select count(*) from sms_outbox s where s.case_no = c.case_no) >= 6`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/**
 * Which of these cases rest (as countResting): asked only for the cases on their way, so that a poll costs the same at
 * 100,000 open cases (the cluster's scale run) as at 500, instead of a query over every case opened so far.
 */
async function restingAmong(db: Kysely<Database>, caseNos: string[]): Promise<string[]> {
  if (caseNos.length === 0) return [];
  const r = await sql<{ case_no: string }>`
    select c.case_no from cases c
    where c.case_no = any(${caseNos})
      and exists (select 1 from tasks t where t.case_no = c.case_no and t.kind = 'contact')
      and (select count(*) from sms_outbox s where s.case_no = c.case_no) >= 6`.execute(db);
  return r.rows.map((row) => row.case_no);
}

export async function openManyCases(
  db: Kysely<Database>, client: Client,
  opts: { count: number; concurrency: number; window: number; settleSeconds: number; procs: ScaleProcs; log: (s: string) => void },
): Promise<ScaleResult> {
  const before = readRss(opts.procs);
  const peak = { ...before };
  const samplePeak = () => {
    const now = readRss(opts.procs);
    for (const k of Object.keys(peak) as (keyof Rss)[]) if (!(peak[k] >= now[k])) peak[k] = now[k];
  };
  const sampler = setInterval(samplePeak, 2000);
  try {
    const t0 = performance.now();
    const deadline = t0 + opts.settleSeconds * 1000;
    const left = () => performance.now() < deadline;
    const nonce = `${process.pid}-${Date.now().toString(36)}`;
    let next = 0;
    let started = 0;
    let startErrors = 0;
    let firstStartError: string | undefined;
    let resting = 0;
    let burstSeconds = NaN;
    let firstRestAt = 0;
    let lastLog = 0;
    // Started (the case row exists) and not yet seen at rest; with the starts still in flight, the cases on their way.
    // A failed start is not on its way: it no longer narrows the window.
    const pending = new Set<string>();
    let inFlight = 0;
    const onTheirWay = () => inFlight + pending.size;
    // Cases whose start failed: tried again before new ones, so a failure does not lose a case of the N asked for.
    const retry: number[] = [];
    // Poll which are at rest; the starters read it to keep at most `window` cases on their way there.
    let starting = true;
    const poller = (async () => {
      while (left() && (starting || pending.size > 0)) {
        for (const c of await restingAmong(db, [...pending])) {
          pending.delete(c);
          resting += 1;
        }
        if (resting > 0 && !firstRestAt) firstRestAt = performance.now();
        if (performance.now() - lastLog > 30_000) {
          lastLog = performance.now();
          opts.log(`scale: ${started} started, ${resting} at rest after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
        }
        await sleep(1000);
      }
    })();
    // Stop starting early enough that the cases on their way can still come to rest at the pace seen so far, so the
    // intake probe afterwards meets open cases, not a backlog.
    // The pace counts from the first case at rest, once a quarter window rested: before that it would be too low.
    const mayStart = () => {
      if (resting < opts.window / 4) return true;
      const pace = resting / ((performance.now() - firstRestAt) / 1000);
      return performance.now() + (1200 * (onTheirWay() + 1)) / pace < deadline;
    };
    const starter = async () => {
      // Bounded in count and in time; an error is counted, pauses this starter, and its case is tried again.
      while ((retry.length > 0 || next < opts.count) && left() && mayStart()) {
        if (onTheirWay() >= opts.window) {
          await sleep(200);
          continue;
        }
        const i = retry.shift() ?? next++;
        inFlight += 1;
        const idempotencyKey = `bench-scale-${nonce}-${i}`;
        try {
          await fileGrievance(db, client, {
            complainantName: SCALE_NAME, complainantPhone: `138${String(10_000_000 + i).padStart(8, '0')}`,
            enterpriseId: 'e-jingmi', category: 'unpaid_wages', description: '规模测试：等待联系职工', claimedFen: 500_000,
            workerCount: 1, idempotencyKey,
          }, { role: 'worker', name: SCALE_NAME });
          inFlight -= 1;
          pending.add(caseNumberFor(idempotencyKey));
          started += 1;
          if (started === Math.min(opts.window, opts.count)) burstSeconds = (performance.now() - t0) / 1000;
        } catch (err) {
          inFlight -= 1;
          startErrors += 1;
          retry.push(i);
          firstStartError ??= String((err as Error).message ?? err).split('\n')[0].slice(0, 200);
          await sleep(200);
        }
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, starter));
    const startStop = started >= opts.count ? 'all started' : !left() ? 'time box' : 'pace';
    starting = false;
    await poller; // returns once all started cases rest, or at the deadline
    // Once over all of them: also a case whose start failed late (a timeout) yet went on counts if it rests.
    resting = await countResting(db);
    const restSeconds = (performance.now() - t0) / 1000;
    samplePeak();
    // A moment for the worker's heap to settle after the burst, so "after" is the resting footprint, not the peak.
    await sleep(5000);
    return {
      target: opts.count, started, startErrors, firstStartError, startStop, burst: { cases: Math.min(opts.window, started), seconds: burstSeconds },
      resting, restSeconds, timeBoxSeconds: opts.settleSeconds, window: opts.window, concurrency: opts.concurrency, before, after: readRss(opts.procs), peak,
    };
  } finally {
    clearInterval(sampler);
  }
}
