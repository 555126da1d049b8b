/**
 * Library search (issue 23): with 10,000 library items and 100,000 grievances (70 % closed) in Postgres, how long the
 * library search and "cases like mine" take, one query at a time, called as the API calls them (api/services/library)
 * in this process against the bench's database: Postgres and the ranking, not HTTP. Target: p95 < 50 ms.
 * Run alone with `DATABASE_URL=… node --import tsx bench/library.ts` (BENCH_QUICK=1 for fewer rounds).
 */
import { sql, type Kysely } from 'kysely';
import { fileURLToPath } from 'node:url';
import { searchLibrary } from '../api/services/library/search';
import { casesLikeMine } from '../api/services/library/similar';
import type { Database } from '../db/schema';
import { insertBenchCases, insertLibraryItems } from './lib/library-data';
import { summarize, type Summary } from './lib/stats';
import { runStandalone } from './lib/standalone';

export interface LibraryResult {
  items: number; cases: number; closed: number; loadSeconds: number;
  search: Summary; similar: Summary; target: number;
}

/** Settings, not results: the sizes are the issue's; quick mode asks each query fewer times. */
export const librarySettings = (quick: boolean) => ({ items: 10_000, cases: 100_000, rounds: quick ? 3 : 10 });

const QUERIES = ['双胞胎 哺乳', '高温', '加班 休息日', '试用期', '没签合同 二倍工资', '经济补偿', '产假', '工伤认定', '不交社保', '仲裁时效',
  '拖欠工资', '最低工资', '年休假', '中暑', '辞职', '押金', '竞业限制', '劳务派遣', '年终奖', '工资', '加班', '合同', '薪', '社保 补缴'];
const DESCRIPTIONS = [
  '我在厂里上班，公司已经三个月没发工资了，老板说资金困难让我们再等等，想问问怎么办。',
  '我们车间周六周日经常加班，加班费按平时工资算，也不安排补休，这样合法吗？',
  '夏天在工地户外干活，气温超过35度，老板一直不发高温津贴。',
  '我生了双胞胎，休完产假回来，车间主任说哺乳时间每天只有1小时，同事也是这样吗？',
  '上个月在车间被机器压伤了手，老板说不算工伤，也不给报销医药费。',
  '老板说我怀孕了干不了活，让我自己辞职。',
  '入职半年了一直没签劳动合同，也没交社保，现在被辞退了。',
  '年终奖说好了年底发，现在已经三月份了还没有发。',
];

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function measureLibrary(db: Kysely<Database>, opts: { items: number; cases: number; rounds: number; log?: (s: string) => void }): Promise<LibraryResult> {
  const log = opts.log ?? (() => undefined);
  const t0 = performance.now();
  await insertLibraryItems(db, opts.items);
  log(`library: ${opts.items} items in ${((performance.now() - t0) / 1000).toFixed(0)} s; now ${opts.cases} grievances`);
  await insertBenchCases(db, opts.cases);
  const loadSeconds = (performance.now() - t0) / 1000;
  const count = async (where: ReturnType<typeof sql>) => Number((await sql<{ n: string }>`select count(*) as n from ${where}`.execute(db)).rows[0].n);
  const [items, cases, closed] = await Promise.all([
    count(sql`library_items`), count(sql`grievance_cases`), count(sql`cases where status = 'closed' and kind = 'grievance'`),
  ]);
  log(`library: loaded in ${loadSeconds.toFixed(0)} s (${items} items, ${cases} grievances, ${closed} closed); timing`);
  // warm: the first call reads the key-term vocabulary (kept a minute) and fills Postgres's caches
  for (const q of QUERIES) await searchLibrary(db, q, { limit: 10 });
  for (const d of DESCRIPTIONS) await casesLikeMine(db, d);
  const search: number[] = [];
  const similar: number[] = [];
  for (let round = 0; round < opts.rounds; round++) {
    for (const q of QUERIES) search.push(await timed(() => searchLibrary(db, q, { limit: 10 })));
    for (const d of DESCRIPTIONS) similar.push(await timed(() => casesLikeMine(db, d, { category: 'other' })));
  }
  return { items, cases, closed, loadSeconds, search: summarize(search), similar: summarize(similar), target: 50 };
}

const ms = (v: number) => v.toFixed(1);

export function librarySection(r: LibraryResult): string {
  const row = (name: string, s: Summary) => `| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.p95 < r.target ? 'yes' : '**no**'} |`;
  return ['## 9. Library search (issue 23)', '',
    `${r.items.toLocaleString('en')} library items (the seeded ones and generated ones made of their sentences) and `
    + `${r.cases.toLocaleString('en')} grievances (${r.closed.toLocaleString('en')} closed) in Postgres, loaded in ${r.loadSeconds.toFixed(0)} s; `
    + 'api/services/library called as the API calls it, one query at a time, in the bench process after every other phase. '
    + `Search: ${QUERIES.length} queries of 1–8 characters; "cases like mine": ${DESCRIPTIONS.length} descriptions a worker might type (items and closed cases).`, '',
    '| query | n | p50 ms | p95 ms | p99 ms | max ms | p95 < 50 ms |', '|---|---|---|---|---|---|---|',
    row('library search', r.search), row('cases like mine', r.similar), ''].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runStandalone(async (db, quick, log) => librarySection(await measureLibrary(db, { ...librarySettings(quick), log })));
}
