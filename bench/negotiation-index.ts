/**
 * Negotiation index (issue 22): the roll-up for 1,000 enterprises, with no Temporal, on the bench's Postgres. A
 * district of its own ("bench-ni": 10 streets of 100 enterprises) gets a year of data like the workflow's: each
 * enterprise a plan, a round with its dates, 3 offers and 20 posts (a tenth removed), 2 grievances, and a value for each of the 44 entered
 * values. Then the whole computation the page and the API make (computed-values queries, entered values, scoring of
 * 52 leaves each, roll-up to streets and the city) is timed `runs` times one after another, and separately its two
 * halves (the queries; the scoring and roll-up on what they read), the CSV, and the chart as PNG.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { indexChartPng } from '../api/services/negotiation-index/chart';
import { indexCsv } from '../api/services/negotiation-index/csv';
import { computeIndex, loadIndexInputs, scoreIndex } from '../api/services/negotiation-index/report';
import type { IndexArea } from '../api/services/negotiation-index/area';
import { leavesOf, SHIPPED_TREE } from '../workflows/shared/negotiation-index';
import { summarize, type Summary } from './lib/stats';

export interface NegotiationIndexResult {
  enterprises: number;
  streets: number;
  rows: { rounds: number; offers: number; posts: number; grievances: number; enteredValues: number };
  setupSeconds: number;
  runs: number;
  /** the whole computation, one after another */
  total: Summary;
  /** the reads alone, and the scoring with roll-up alone */
  queries: Summary;
  scoring: Summary;
  csv: { ms: number; bytes: number };
  chart: { ms: number; bytes: number };
  cityTotal: number;
}

export const negotiationIndexSettings = (quick: boolean) => ({ enterprises: 1000, streets: 10, runs: quick ? 5 : 20 });

const YEAR = 2026;
const DISTRICT = 'd-bench-ni';
const day = (m: number, d: number) => new Date(Date.UTC(YEAR, m - 1, d, 2));

/** Inserts the district's year; safe to call again on the same database (it checks for the district first). */
async function prepare(db: Kysely<Database>, enterprises: number, streets: number) {
  const rows = { rounds: 0, offers: 0, posts: 0, grievances: 0, enteredValues: 0 };
  const userId = (await db.selectFrom('staff_users').select('id').where('username', '=', 'xihu.qb').executeTakeFirstOrThrow()).id;
  await db.insertInto('org_units').values({ id: DISTRICT, name: '压测区总工会', level: 'district', parent_id: null }).execute();
  const streetIds = Array.from({ length: streets }, (_, i) => `s-bench-ni-${i}`);
  await db.insertInto('org_units').values(streetIds.map((id, i) => ({ id, name: `压测街道${i + 1}`, level: 'street' as const, parent_id: DISTRICT }))).execute();
  const entered = leavesOf(SHIPPED_TREE).filter((l) => l.source.kind === 'entered');
  const BATCH = 100;
  for (let start = 0; start < enterprises; start += BATCH) {
    const ids = Array.from({ length: Math.min(BATCH, enterprises - start) }, (_, k) => start + k);
    const eid = (i: number) => `e-bench-ni-${i}`;
    const street = (i: number) => streetIds[i % streets];
    await db.insertInto('enterprises').values(ids.map((i) => ({ id: eid(i), name: `压测企业${i + 1}`, street_id: street(i), union_unit_id: null }))).execute();
    await db.insertInto('wage_plans').values(ids.map((i) => ({ year: YEAR, enterprise_id: eid(i), planned_start: `${YEAR}-03-01` }))).execute();
    const caseRow = (no: string, kind: string, i: number, created: Date) => ({
      case_no: no, kind, workflow_id: `${kind}-${no}`, district_id: DISTRICT, street_id: street(i), enterprise_id: eid(i), enterprise_name: `压测企业${i + 1}`,
      status: 'closed', stage: 'closed', level: 'street', complainant_name: '压测', complainant_phone: null, claimed_fen: 0, worker_count: 1,
      outcome: null, recovered_fen: null, rating: null, rating_comment: null, enterprise_notified_at: null, created_at: created, updated_at: created,
    });
    await db.insertInto('cases').values(ids.flatMap((i) => [
      caseRow(`XS-BENCH-${i}`, 'wage-negotiation', i, day(2, 1)),
      caseRow(`GQ-BENCH-${i}-1`, 'grievance', i, day(4, 1 + (i % 28))), caseRow(`GQ-BENCH-${i}-2`, 'grievance', i, day(8, 1 + (i % 28))),
    ])).execute();
    rows.grievances += ids.length * 2;
    await db.insertInto('wage_rounds').values(ids.map((i) => {
      const agreed = 20 + (i % 100);
      return {
        case_no: `XS-BENCH-${i}`, enterprise_id: eid(i), year: YEAR, public_code: `bench-ni-${i}`, planned_start: `${YEAR}-03-01`,
        requested_at: day(3, 1), answered_at: day(3, 10), agreed_at: day(3, 1 + agreed), signed_at: day(3, 3 + agreed),
        filed_at: day(3, 3 + agreed + (i % 14)), effective_at: day(3, 20 + agreed + (i % 14)), published_at: day(3, 22 + agreed + (i % 14)),
        offers: 3, agreement_text: null,
      };
    })).execute();
    rows.rounds += ids.length;
    await db.insertInto('wage_offers').values(ids.flatMap((i) => [1, 2, 3].map((n) => ({
      case_no: `XS-BENCH-${i}`, offer_no: n, side: n % 2 ? 'union' as const : 'employer' as const, clauses: '[]', made_at: day(3, 10 + n),
    })))).execute();
    rows.offers += ids.length * 3;
    await db.insertInto('wage_posts').values(ids.flatMap((i) => Array.from({ length: 20 }, (_, n) => ({
      case_no: `XS-BENCH-${i}`, post_no: n + 1, kind: n % 4 === 3 ? 'comment' as const : 'suggestion' as const, text: '建议', phone_masked: '138****0000',
      posted_at: day(3, 5), removed_at: n % 10 === 0 ? day(3, 6) : null, removed_by: null, removed_reason: null,
    })))).execute();
    rows.posts += ids.length * 20;
    // Values spread over each leaf's range, the same every run.
    await db.insertInto('negotiation_index_values').values(ids.flatMap((i) => entered.map((l, k) => {
      const src = l.source as { min: number; max: number };
      const span = Math.max(1, Math.round(Math.min(src.max - src.min, 200)));
      const value = l.scoring.kind === 'boolean' ? (i + k) % 2 : Math.min(src.max, src.min + ((i * 7 + k * 13) % span));
      return { enterprise_id: eid(i), year: YEAR, code: l.code, value, entered_by: userId };
    }))).execute();
    rows.enteredValues += ids.length * entered.length;
  }
  const names = await db.selectFrom('org_units').select(['id', 'name']).where('parent_id', '=', DISTRICT).orderBy('id').execute();
  const area: IndexArea = { district: { id: DISTRICT, name: '压测区总工会' }, streetOnly: false, streets: names };
  return { rows, area };
}

export async function measureNegotiationIndex(db: Kysely<Database>, opts: {
  enterprises: number; streets: number; runs: number; log?: (s: string) => void;
}): Promise<NegotiationIndexResult> {
  const s0 = performance.now();
  const { rows, area } = await prepare(db, opts.enterprises, opts.streets);
  // Fresh statistics, as autovacuum would give a table of this size soon after it was filled.
  await sql`analyze`.execute(db);
  const setupSeconds = (performance.now() - s0) / 1000;
  opts.log?.(`negotiation index: ${opts.enterprises} enterprises in ${opts.streets} streets prepared in ${setupSeconds.toFixed(1)} s`);

  // Untimed: the first computation warms the pool's connections, the planner and the JIT.
  const first = await computeIndex(db, area, YEAR);
  if (first.city?.enterprises !== opts.enterprises) throw new Error(`the index counted ${first.city?.enterprises} enterprises, not ${opts.enterprises}`);
  const total: number[] = [];
  const queries: number[] = [];
  const scoring: number[] = [];
  // Interleaved, so that the whole and its halves see the same machine (it is shared, and its load drifts).
  for (let i = 0; i < opts.runs; i++) {
    const t0 = performance.now();
    await computeIndex(db, area, YEAR);
    const t1 = performance.now();
    const inputs = await loadIndexInputs(db, area, YEAR);
    const t2 = performance.now();
    scoreIndex(area, YEAR, inputs);
    total.push(t1 - t0);
    queries.push(t2 - t1);
    scoring.push(performance.now() - t2);
  }
  const c0 = performance.now();
  const csv = indexCsv(first);
  const csvMs = performance.now() - c0;
  const p0 = performance.now();
  const png = await indexChartPng(first);
  const chartMs = performance.now() - p0;
  const result: NegotiationIndexResult = {
    enterprises: opts.enterprises, streets: opts.streets, rows, setupSeconds, runs: opts.runs,
    total: summarize(total), queries: summarize(queries), scoring: summarize(scoring),
    csv: { ms: csvMs, bytes: Buffer.byteLength(csv) }, chart: { ms: chartMs, bytes: png.length }, cityTotal: first.city!.total,
  };
  opts.log?.(`negotiation index: roll-up of ${opts.enterprises} p50 ${result.total.p50.toFixed(0)} ms `
    + `(queries ${result.queries.p50.toFixed(0)} ms, scoring ${result.scoring.p50.toFixed(1)} ms) = ${(opts.enterprises / (result.total.p50 / 1000)).toFixed(0)} enterprises/s`);
  return result;
}
