/**
 * Figures over cases (issues 21 and 23) at 100,000 cases: the case finder's generated rows (bench/case-finder.ts) with,
 * written by SQL, each case's filing event, a first response for two cases in three, and for every mediation case an
 * agreement, a 调解书 and a payment, assigned to the station. Times the "four haves" query by street, caseworker and
 * kind over a year and over three, a street chair's, and the station's facts over twelve months for the district and
 * the station; prints EXPLAIN ANALYZE of the widest. Run alone: `BENCH_ONLY=figures npm run bench`, or
 * `DATABASE_URL=… node --import tsx bench/figures.ts` (BENCH_QUICK=1 for fewer rounds).
 */
import { sql, type Kysely } from 'kysely';
import { fileURLToPath } from 'node:url';
import { fourHavesFigures, type FiguresScope } from '../db/queries/figures';
import { stationFacts } from '../db/queries/station-figures';
import type { Database } from '../db/schema';
import { insertFinderCases } from './case-finder';
import { summarize, type Summary } from './lib/stats';
import { runStandalone } from './lib/standalone';

export const figuresSettings = (quick: boolean) => ({ cases: 100_000, rounds: quick ? 3 : 10 });

/** events for the generated cases, as the workflows would have written them (the chain columns only unique) */
async function insertEvents(db: Kysely<Database>): Promise<void> {
  const ev = (seq: number, type: string, actor: string, role: string, at: string, data: string, where = 'true') => sql.raw(`
    insert into case_events (event_key, case_no, seq, type, actor, actor_role, summary, data, at, prev_hash, hash)
    select case_no || '#${seq}', case_no, ${seq}, '${type}', ${actor}, '${role}', '${type}', ${data}::jsonb, ${at},
      ${seq === 1 ? `repeat('0', 64)` : `md5(case_no || '${seq - 1}')`}, md5(case_no || '${seq}')
    from cases where ${where}`).execute(db);
  await ev(1, 'filed', `'职工'`, 'worker', 'created_at', `'{}'`);
  await ev(2, 'complainant_contacted', `'社工' || (abs(hashtext(case_no)) % 12)`, 'street_caseworker', `created_at + interval '1 hour' * (abs(hashtext(case_no)) % 48)`, `'{}'`, 'abs(hashtext(case_no)) % 3 <> 0');
  const med = `kind = 'mediation' and abs(hashtext(case_no)) % 3 <> 0`;
  await ev(3, 'agreement_confirmed', `'用人单位'`, 'employer', `created_at + interval '5 days'`, `'{"remaining":0}'`, med);
  await ev(4, 'review_confirmed', `'书记员'`, 'arbitration_clerk', `created_at + interval '6 days'`, `'{}'`, med);
  await ev(5, 'payment_recorded', `'调解员'`, 'union_mediator', `created_at + interval '20 days'`, `'{"paidFen":100000}'`, med);
  await sql`insert into case_access (case_no, unit_id, role, user_id, reason, granted_at)
    select case_no, 'i-xihu-station', 'union_mediator', null, 'assigned', created_at from cases where kind = 'mediation'`.execute(db);
  await sql`analyze case_events, case_access`.execute(db);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export interface FiguresBenchResult { cases: number; events: number; loadSeconds: number; rows: { name: string; s: Summary }[]; plan: string }

export async function measureFigures(db: Kysely<Database>, opts: { cases: number; rounds: number; log?: (s: string) => void }): Promise<FiguresBenchResult> {
  const log = opts.log ?? (() => undefined);
  const t0 = performance.now();
  await insertFinderCases(db, opts.cases);
  await insertEvents(db);
  const loadSeconds = (performance.now() - t0) / 1000;
  const count = async (t: 'cases' | 'case_events') => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0].n);
  const [cases, events] = [await count('cases'), await count('case_events')];
  log(`figures: ${cases} cases, ${events} events in ${loadSeconds.toFixed(0)} s; timing`);
  const now = new Date();
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  const threeYears = new Date(now.getTime() - 3 * 365 * 86_400_000);
  const district = (from: Date): FiguresScope => ({ districtId: 'd-xihu', from, before: now });
  const runs: [string, () => Promise<unknown>][] = [
    ['four haves by street, a year', () => fourHavesFigures(db, district(yearAgo), 'street', now)],
    ['four haves by caseworker, a year', () => fourHavesFigures(db, district(yearAgo), 'caseworker', now)],
    ['four haves by kind, three years', () => fourHavesFigures(db, district(threeYears), 'kind', now)],
    ['four haves, a street chair, a year', () => fourHavesFigures(db, { streetId: 's-beishan', from: yearAgo, before: now }, 'street', now)],
    ['station, district, 12 months', () => stationFacts(db, { districtId: 'd-xihu', from: yearAgo, before: now })],
    ['station, its mediator, 12 months', () => stationFacts(db, { stationUnitId: 'i-xihu-station', from: yearAgo, before: now })],
  ];
  for (const [, f] of runs) await f();
  const rows = runs.map(([name]) => ({ name, samples: [] as number[] }));
  for (let round = 0; round < opts.rounds; round++) for (const [i, [, f]] of runs.entries()) rows[i].samples.push(await timed(f));
  // the part that grows with the cases: each case's first response, found by case_events_case_seq
  const explained = await sql<{ 'QUERY PLAN': string }>`explain (analyze, costs off, timing off)
    select c.street_id, count(*) from cases c left join lateral (select e.actor from case_events e where e.case_no = c.case_no and e.seq > 1
      and e.actor_role in ('street_caseworker') order by e.seq limit 1) r on true
    where c.district_id = 'd-xihu' and c.created_at >= ${threeYears} group by 1`.execute(db);
  const plan = explained.rows.map((x) => x['QUERY PLAN']).join('\n');
  return { cases, events, loadSeconds, rows: rows.map((x) => ({ name: x.name, s: summarize(x.samples) })), plan };
}

const ms = (v: number) => v.toFixed(0);

export function figuresSection(r: FiguresBenchResult): string {
  return ['## Figures (issues 21, 23)', '',
    `${r.cases.toLocaleString('en')} cases (bench/case-finder.ts's rows) and ${r.events.toLocaleString('en')} events in one district, loaded in ${r.loadSeconds.toFixed(0)} s; `
    + 'each report\'s query as the services call it, one at a time.', '',
    '| report | n | p50 ms | p95 ms | max ms |', '|---|---|---|---|---|',
    ...r.rows.map((x) => `| ${x.name} | ${x.s.n} | ${ms(x.s.p50)} | ${ms(x.s.p95)} | ${ms(x.s.max)} |`), '',
    'Plan of the first-response lookup over three years (EXPLAIN ANALYZE):', '', `\`\`\`\n${r.plan}\n\`\`\``, ''].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runStandalone(async (db, quick, log) => figuresSection(await measureFigures(db, { ...figuresSettings(quick), log })));
}
