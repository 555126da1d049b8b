/**
 * The wage plan's daily schedule at a city's size: a district of 1,000 enterprises (each with its union), every one
 * planned to start in ten days, and the opener the schedule runs (openPlannedWageRounds) started as the schedule starts
 * it. Measured: how long the opener takes to start every round, how long until every round has written its case row and
 * its wage_rounds row (the city union's plan page and the 协商码 read those), and a second run, which must open none.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { wagePlanConfig } from '../temporal.config';
import { shanghaiDate } from '../workflows/shared/deadlines';
import { sleep } from './lib/stats';

export interface WagePlanResult {
  enterprises: number;
  /** the opener's run: start → every round's workflow started, s */
  openerSeconds: number;
  /** start → every round's case row and wage_rounds row written, s */
  writtenSeconds: number;
  roundsPerSec: number;
  opened: number;
  /** the second run of the opener: rounds it opened (must be 0) and its time, s */
  second: { opened: number; alreadyOpen: number; seconds: number };
}

async function seedDistrict(db: Kysely<Database>, n: number, tag: string, year: number, start: string): Promise<string> {
  const district = `d-bw-${tag}`;
  const streets = Array.from({ length: 10 }, (_, i) => `s-bw-${tag}-${i}`);
  await db.insertInto('org_units').values([
    { id: district, name: `压测市总工会${tag}`, level: 'district', parent_id: null },
    ...streets.map((id, i) => ({ id, name: `压测街道${i + 1}`, level: 'street' as const, parent_id: district })),
  ]).execute();
  for (let from = 0; from < n; from += 500) {
    const ids = Array.from({ length: Math.min(500, n - from) }, (_, k) => from + k);
    await db.insertInto('org_units').values(ids.map((i) => ({ id: `u-bw-${tag}-${i}`, name: `压测企业${i}工会`, level: 'enterprise' as const, parent_id: streets[i % 10] }))).execute();
    await db.insertInto('enterprises').values(ids.map((i) => ({ id: `e-bw-${tag}-${i}`, name: `压测企业${i}有限公司`, street_id: streets[i % 10], union_unit_id: `u-bw-${tag}-${i}` }))).execute();
    await db.insertInto('wage_plans').values(ids.map((i) => ({ enterprise_id: `e-bw-${tag}-${i}`, year, planned_start: start, note: '' }))).execute();
  }
  return district;
}

export async function measureWagePlanOpening(db: Kysely<Database>, temporal: Client, opts: { taskQueue: string; enterprises: number; log: (m: string) => void }): Promise<WagePlanResult> {
  const tag = randomBytes(3).toString('hex');
  const start = shanghaiDate(Date.now() + 10 * 86_400_000);
  const year = Number(start.slice(0, 4));
  await seedDistrict(db, opts.enterprises, tag, year, start);
  const written = () => db.selectFrom('wage_rounds').innerJoin('enterprises', 'enterprises.id', 'wage_rounds.enterprise_id')
    .select((eb) => eb.fn.countAll<string>().as('n')).where('enterprises.id', 'like', `e-bw-${tag}-%`).executeTakeFirstOrThrow().then((r) => Number(r.n));
  const run = async (n: number) => temporal.workflow.execute('openPlannedWageRounds', {
    taskQueue: opts.taskQueue, workflowId: `bench-wage-opener-${tag}-${n}`, args: [{ aheadDays: wagePlanConfig.openAheadDays }],
  }) as Promise<{ opened: string[]; alreadyOpen: number }>;

  opts.log(`wage plan: opening ${opts.enterprises} rounds planned for ${start}`);
  const t0 = Date.now();
  const first = await run(1);
  const openerSeconds = (Date.now() - t0) / 1000;
  const deadline = Date.now() + 600_000;
  let rows = 0;
  while ((rows = await written()) < first.opened.length && Date.now() < deadline) await sleep(250);
  const writtenSeconds = (Date.now() - t0) / 1000;
  if (rows < first.opened.length) throw new Error(`only ${rows} of ${first.opened.length} rounds wrote their rows in 10 minutes`);
  const t1 = Date.now();
  const second = await run(2);
  const result: WagePlanResult = {
    enterprises: opts.enterprises, openerSeconds, writtenSeconds, roundsPerSec: first.opened.length / writtenSeconds, opened: first.opened.length,
    second: { opened: second.opened.length, alreadyOpen: second.alreadyOpen, seconds: (Date.now() - t1) / 1000 },
  };
  opts.log(`wage plan: ${result.opened} rounds started in ${openerSeconds.toFixed(1)} s, written in ${writtenSeconds.toFixed(1)} s (${result.roundsPerSec.toFixed(1)}/s); second run opened ${result.second.opened}`);
  return result;
}
