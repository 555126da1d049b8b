/**
 * Finding cases (issue 23): with 100,000 generated case rows of every registered kind in one district (a third with an
 * open task, some of those past due), how long one page of the filtered list takes, called as the API calls it
 * (api/services/case-finder) in this process: Postgres and the row's words, not HTTP. Filters of every field, a
 * district's and a street chair's view, and a page far down the list by its keyset cursor. Target: p95 < 100 ms.
 * Prints EXPLAIN ANALYZE of the unfiltered first page and of a deep page (an index range scan that stops after its
 * rows, not a sort of the district). Run alone: `BENCH_ONLY=case-finder npm run bench`, or with a database of your own
 * `DATABASE_URL=… node --import tsx bench/case-finder.ts` (BENCH_QUICK=1 for fewer rounds).
 */
import { sql, type Kysely } from 'kysely';
import { fileURLToPath } from 'node:url';
import { findCasesQuery } from '../db/queries/case-finder';
import type { Viewer } from '../db/queries/cases';
import type { Database } from '../db/schema';
import { casePage, toFilter, type FilterQuery } from '../api/services/case-finder';
import { CASE_KINDS } from '../workflows/kinds';
import { summarize, type Summary } from './lib/stats';
import { runStandalone } from './lib/standalone';

export interface CaseFinderResult { cases: number; loadSeconds: number; rows: { name: string; s: Summary }[]; all: Summary; plans: string[]; target: number }
export const caseFinderSettings = (quick: boolean) => ({ cases: 100_000, rounds: quick ? 5 : 20 });

const DISTRICT: Viewer = { scope: 'district', role: 'district_staff', userId: 0, unitId: 'd-xihu', department: null };
const STREET: Viewer = { scope: 'street', role: 'street_chair', userId: 0, unitId: 's-beishan', department: null };
const STREETS: [string, string[]][] = [['s-beishan', ['e-jingmi', 'e-kuaidi']], ['s-xixi', ['e-fangzhi']], ['s-cuiyuan', ['e-canyin', 'e-jianzhu']]];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** `count` cases over two years, every kind, its stages and categories from the registry; deterministic. */
export async function insertFinderCases(db: Kysely<Database>, count: number, seed = 23): Promise<void> {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = Date.now() - start;
  for (let from = 0; from < count; from += 2000) {
    const made = Array.from({ length: Math.min(2000, count - from) }, (_, k) => {
      const kind = pick(CASE_KINDS);
      const [street, enterprises] = pick(STREETS);
      const created = new Date(start + Math.floor(r() * span));
      const task = r() < 0.33 ? (r() < 0.3 ? -1 : 1) : 0;
      return { kind, street, enterprise: pick(enterprises), created, task, caseNo: `${kind.prefix}B${String(from + k).padStart(9, '0')}`,
        stage: pick(Object.keys(kind.labels.stages)), category: pick(Object.keys(kind.labels.categories)), rating: r() < 0.4 ? 1 + Math.floor(r() * 5) : null };
    });
    await db.insertInto('cases').values(made.map((m) => ({
      case_no: m.caseNo, kind: m.kind.kind, workflow_id: `${m.kind.kind}-${m.caseNo}`, district_id: 'd-xihu', street_id: m.street, enterprise_id: m.enterprise,
      enterprise_name: m.enterprise, status: m.task ? 'open' : 'closed', stage: m.stage, level: 'street', complainant_name: '测试', complainant_phone: null,
      claimed_fen: 0, worker_count: 1, outcome: null, recovered_fen: null, rating: m.rating, rating_comment: null, enterprise_notified_at: null,
      created_at: m.created, updated_at: m.created,
    }))).execute();
    // the kinds that keep a category per case: their table (db/queries/case-facts.ts knows which)
    const perCase = made.filter((m) => Object.keys(m.kind.labels.categories).length > 1);
    if (perCase.length) await db.insertInto('grievance_cases').values(perCase.map((m) => ({ case_no: m.caseNo, category: m.category, description: '测试' }))).execute();
    const tasks = made.filter((m) => m.task !== 0);
    if (tasks.length) {
      await db.insertInto('tasks').values(tasks.map((m) => ({
        task_id: `bench-${m.caseNo}`, case_no: m.caseNo, kind: 'step', title: '测试', assignee_role: 'street_caseworker', org_unit_id: m.street,
        department: null, due_at: new Date(Date.now() + m.task * 86_400_000), status: 'open', escalation_level: 0, opened_at: m.created,
      }))).execute();
    }
  }
  await sql`analyze cases, tasks, grievance_cases`.execute(db);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function measureCaseFinder(db: Kysely<Database>, opts: { cases: number; rounds: number; log?: (s: string) => void }): Promise<CaseFinderResult> {
  const log = opts.log ?? (() => undefined);
  const t0 = performance.now();
  await insertFinderCases(db, opts.cases);
  const loadSeconds = (performance.now() - t0) / 1000;
  const cases = Number((await sql<{ n: string }>`select count(*) as n from cases`.execute(db)).rows[0].n);
  log(`case finder: ${cases} cases in ${loadSeconds.toFixed(0)} s; timing`);
  const multi = CASE_KINDS.find((k) => Object.keys(k.labels.categories).length > 1) ?? CASE_KINDS[0];
  // a cursor 50 pages down: a keyset page costs what the first does
  let deep: string | null = null;
  for (let i = 0, after: string | undefined; i < 50; i++) { deep = (await casePage(db, DISTRICT, {}, 50, after)).next; after = deep ?? undefined; }
  const filters: [string, Viewer, FilterQuery, string?][] = [
    ['district, no filter', DISTRICT, {}], ['district, page 51 (keyset)', DISTRICT, {}, deep ?? undefined],
    ['kind', DISTRICT, { kind: CASE_KINDS[1].kind }], ['street + overdue', DISTRICT, { street: 's-xixi', overdue: 'yes' }],
    ['enterprise', DISTRICT, { enterprise: 'e-jianzhu' }], ['category', DISTRICT, { category: Object.keys(multi.labels.categories)[1] }],
    ['stage', DISTRICT, { stage: Object.keys(CASE_KINDS[0].labels.stages)[0] }], ['rating 1', DISTRICT, { rating: 1 }],
    ['one month', DISTRICT, { from: '2025-06-01', to: '2025-06-30' }], ['overdue, whole district', DISTRICT, { overdue: 'yes' }],
    ['kind + rating + dates', DISTRICT, { kind: multi.kind, rating: 2, from: '2025-01-01', to: '2025-12-31' }],
    ['street chair, no filter', STREET, {}], ['street chair, overdue', STREET, { overdue: 'yes' }],
  ];
  for (const [, v, q, after] of filters) await casePage(db, v, q, 50, after);
  const rows = filters.map(([name]) => ({ name, samples: [] as number[] }));
  for (let round = 0; round < opts.rounds; round++) {
    for (const [i, [, v, q, after]] of filters.entries()) rows[i].samples.push(await timed(() => casePage(db, v, q, 50, after)));
  }
  const explain = async (q: FilterQuery, after?: string) => {
    const [createdAt, caseNo] = (after ?? '').split('~');
    const query = findCasesQuery(db, DISTRICT, await toFilter(db, DISTRICT, q), after ? { createdAt, caseNo } : undefined).limit(51).compile();
    const r = await sql.raw<{ 'QUERY PLAN': string }>(`explain (analyze, costs off, timing off) ${query.sql.replace(/\$(\d+)/g, (_, n) => lit(query.parameters[Number(n) - 1]))}`).execute(db);
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  };
  const plans = [await explain({}), await explain({}, deep ?? undefined), await explain({ street: 's-xixi', overdue: 'yes' })];
  return { cases, loadSeconds, rows: rows.map((x) => ({ name: x.name, s: summarize(x.samples) })), all: summarize(rows.flatMap((x) => x.samples)), plans, target: 100 };
}

const lit = (v: unknown) => (typeof v === 'number' ? String(v) : v instanceof Date ? `'${v.toISOString()}'` : `'${String(v).replace(/'/g, "''")}'`);
const ms = (v: number) => v.toFixed(1);

export function caseFinderSection(r: CaseFinderResult): string {
  const row = (name: string, s: Summary) => `| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${s.p95 < r.target ? 'yes' : '**no**'} |`;
  return ['## Case finder (issue 23)', '',
    `${r.cases.toLocaleString('en')} case rows of every kind in one district (three streets, a third with an open task), loaded in ${r.loadSeconds.toFixed(0)} s; `
    + 'one page of 50 as api/services/case-finder gives it (filter checks, keyset query, the registry\'s words), one at a time.', '',
    '| filter | n | p50 ms | p95 ms | max ms | p95 < 100 ms |', '|---|---|---|---|---|---|',
    ...r.rows.map((x) => row(x.name, x.s)), row('**all**', r.all), '',
    'Plans (EXPLAIN ANALYZE: first page, page 51 by cursor, street + overdue):', '', ...r.plans.map((p) => `\`\`\`\n${p}\n\`\`\``), ''].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runStandalone(async (db, quick, log) => caseFinderSection(await measureCaseFinder(db, { ...caseFinderSettings(quick), log })));
}
