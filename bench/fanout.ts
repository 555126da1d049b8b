/**
 * Measurement 3, SMS fan-out: from filing (the intake request sent) to the last of the five 'intake-notice' outbox rows
 * of the case (street caseworker, street chair, district staff, supervising leader, district chair). This is what the
 * API's answer hides: the worker's own pace. Waiting for it after each intake step also lets the worker's backlog drain,
 * so that one step's leftovers do not slow the next.
 *
 * Until issue 14 it counted from the 201 answer, which came right after the workflow's start, a few ms after the
 * request. Since then the API answers only once the workflow wrote the case row (update-with-start), part of the very
 * work measured here, while the baseline's API still answers at the start: counting from the request keeps the measure
 * what it was and the same for both. The time after the 201 is kept beside it (`afterAnswer`).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Accepted } from './intake';
import { sleep, summarize, type Summary } from './lib/stats';

const NOTICES_PER_CASE = 5;

export interface FanoutResult {
  cases: number;
  done: number;
  /** per case: max(created_at) of its five notices minus the time its intake request was sent */
  fanout: Summary;
  /** per case: the same last notice minus the time the API answered 201 (cases filed without an answer left out) */
  afterAnswer: Summary;
  /** cases fully notified per second, from the first filing to the last notice: the worker's pace at this load */
  donePerSec: number;
  waitedSeconds: number;
}

interface Row { case_no: string; n: number; last: Date }

async function notices(db: Kysely<Database>, caseNos: string[]): Promise<Row[]> {
  if (caseNos.length === 0) return [];
  const r = await sql<Row>`
    select case_no, count(*)::int as n, max(created_at) as last from sms_outbox
    where template = 'intake-notice' and case_no = any(${caseNos}) group by case_no`.execute(db);
  return r.rows;
}

/**
 * Polls until every case has its five notices, or `maxSeconds` passed, or nothing changed for `stallSeconds` (a
 * stopped worker must not hold the run), then reports on the cases that made it.
 */
export async function waitForFanout(
  db: Kysely<Database>, accepted: Accepted[], opts: { maxSeconds: number; stallSeconds?: number },
): Promise<FanoutResult> {
  const t0 = Date.now();
  const stallMs = (opts.stallSeconds ?? 30) * 1000;
  const caseNos = accepted.map((a) => a.caseNo);
  let rows: Row[] = [];
  let lastDone = -1;
  let lastChange = Date.now();
  for (;;) {
    rows = await notices(db, caseNos);
    const done = rows.filter((r) => r.n >= NOTICES_PER_CASE).length;
    if (done !== lastDone) {
      lastDone = done;
      lastChange = Date.now();
    }
    if (done >= caseNos.length) break;
    if (Date.now() - t0 > opts.maxSeconds * 1000 || Date.now() - lastChange > stallMs) break;
    await sleep(500);
  }
  const byCase = new Map(accepted.map((a) => [a.caseNo, a]));
  const complete = rows.filter((r) => r.n >= NOTICES_PER_CASE);
  const since = (r: Row, pick: (a: Accepted) => number) => new Date(r.last).getTime() - (byCase.has(r.case_no) ? pick(byCase.get(r.case_no)!) : NaN);
  const first = Math.min(...accepted.map((a) => a.sentAt));
  const last = Math.max(...complete.map((r) => new Date(r.last).getTime()));
  return {
    cases: caseNos.length,
    done: complete.length,
    fanout: summarize(complete.map((r) => since(r, (a) => a.sentAt))),
    afterAnswer: summarize(complete.map((r) => since(r, (a) => a.at))),
    donePerSec: complete.length > 1 ? complete.length / ((last - first) / 1000) : NaN,
    waitedSeconds: (Date.now() - t0) / 1000,
  };
}
