/**
 * Measurement 3, SMS fan-out: from the 201 answer of intake to the last of the five 'intake-notice' outbox rows of the
 * case (street caseworker, street chair, district staff, supervising leader, district chair). This is what the API's
 * quick answer hides: the worker's own pace. Waiting for it after each intake step also lets the worker's backlog drain,
 * so that one step's leftovers do not slow the next.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Accepted } from './intake';
import { sleep, summarize, type Summary } from './lib/stats';

const NOTICES_PER_CASE = 5;

export interface FanoutResult {
  cases: number;
  done: number;
  /** per case: max(created_at) of its five notices minus the time the API answered */
  fanout: Summary;
  /** cases fully notified per second, from the first answer to the last notice: the worker's pace at this load */
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
  const answeredAt = new Map(accepted.map((a) => [a.caseNo, a.at]));
  const complete = rows.filter((r) => r.n >= NOTICES_PER_CASE);
  const durations = complete.map((r) => new Date(r.last).getTime() - (answeredAt.get(r.case_no) ?? NaN));
  const first = Math.min(...accepted.map((a) => a.at));
  const last = Math.max(...complete.map((r) => new Date(r.last).getTime()));
  return {
    cases: caseNos.length,
    done: complete.length,
    fanout: summarize(durations),
    donePerSec: complete.length > 1 ? complete.length / ((last - first) / 1000) : NaN,
    waitedSeconds: (Date.now() - t0) / 1000,
  };
}
