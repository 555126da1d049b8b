/**
 * `BENCH_ONLY=changes npm run bench` (issue 24): each change to what a case costs, measured before and after in one
 * run. Every commit of BENCH_CHANGES (default: the commits of issue 24's round trips, oldest first) gets a Temporal
 * dev server of its own, fresh and started as scripts/bench.sh starts it, and on it: the noop limit (this checkout's
 * noop worker), then intake at rising rates with that commit's worker and API (its tree unpacked and its schema built
 * as the "before" phase does, bench/lib/baseline.ts), and the history of one of its cases. One server per commit, so
 * no commit inherits another's histories, and each commit's intake is set against the limit of its own server.
 */
import type { Client } from '@temporalio/client';
import { grievanceWorkflowId } from '../api/services/case-number';
import { connectTemporal } from '../api/temporal-client';
import { createDb } from '../db/connection';
import { waitForFanout, type FanoutResult } from './fanout';
import { historyShape, type HistoryShape } from './history';
import { intakeStep, type StepResult } from './intake';
import { measureLimit, type LimitResult } from './limit';
import { staffAuth } from './lib/auth';
import { prepareBaselineDatabase, prepareBaselineTree, startDevServer } from './lib/baseline';
import { startApi, startNoopWorker, startWorker, type Child } from './lib/children';
import { CASE_TASK_QUEUE } from './lib/config';
import { postgresPids } from './lib/proc';
import { BASELINE_DB, freshDatabase } from './lib/setup';

/**
 * Before issue 24's changes (a46f02c), then one commit per change, the last with all of them: the intake fan-out in the
 * first task, fewer statements, the case row with the first task, one patch marker (session 10); modules shared per
 * worker thread, and three statements fewer per case (session 11); the case row and its texts in one local activity,
 * workflow stack traces without frames, and the new case's row written with its first step's changes (session 12); a
 * new case's row in one statement, two round trips fewer per filing, no generation marker, the API's native
 * connection, and most workflow pollers on the task queue itself (session 13); the sticky cache's default of 250, and
 * a new case's intake texts in its creation's statement (session 14); an enterprise's routing remembered for a minute,
 * and the hot statements prepared (session 15).
 */
export const DEFAULT_CHANGES = [
  'a46f02c', 'fef3174', 'c28d94a', 'a989a9b', '7a13a7d', 'f2940da', '9daeb71', 'bf54e09', 'be44ac6', '414f195',
  '52ded21', '397512d', '54c12c5', '4e7228f', 'f17910b', '4971ae7', '2f010f5', 'ed2fa7e', 'c491277',
];

export interface ChangeResult {
  ref: string;
  commit: string;
  subject: string;
  limit?: LimitResult;
  steps: { step: StepResult; fanout: FanoutResult }[];
  shape?: HistoryShape;
  /** why this commit has no numbers (its tree or its server could not be had) */
  failed?: string;
}

export interface ChangesSettings {
  adminUrl: string;
  /** the temporal CLI that starts the dev servers */
  cli: string;
  refs: string[];
  rates: number[];
  seconds: number;
  drainSeconds: number;
  limit: { callers: number; seconds: number };
  log: (s: string) => void;
}

export async function measureChanges(opts: ChangesSettings): Promise<ChangeResult[]> {
  const out: ChangeResult[] = [];
  for (const [i, ref] of opts.refs.entries()) {
    const tree = prepareBaselineTree(ref);
    if ('skipped' in tree) {
      out.push({ ref, commit: ref, subject: '', steps: [], failed: tree.skipped });
      continue;
    }
    const started: Child[] = [];
    const pragmas = (process.env.GQ_BENCH_TEMPORAL_PRAGMAS ?? 'journal_mode=wal').split(/\s+/).filter(Boolean);
    let connected: Client | undefined;
    const url = await freshDatabase(opts.adminUrl, BASELINE_DB);
    const db = createDb(url, 5);
    try {
      await prepareBaselineDatabase(tree, url);
      const server = await startDevServer(opts.cli, `changes-${i}`, pragmas);
      started.push(server);
      const client = await connectTemporal(server.address);
      connected = client;
      const procs = {
        temporal: () => [server.pid], postgres: () => postgresPids(process.env.GQ_BENCH_PG_DIR), loadgen: () => [process.pid],
        worker: () => started.filter((c) => c.name === 'worker').map((c) => c.pid),
        noopWorker: () => started.filter((c) => c.name === 'noop-worker').map((c) => c.pid),
        api: () => started.filter((c) => c.name === 'api').map((c) => c.pid),
      };
      const env = { TEMPORAL_ADDRESS: server.address, DATABASE_URL: url, GONGQING_TASK_QUEUE: `${CASE_TASK_QUEUE}-changes` };
      const label = `${tree.commit.slice(0, 7)}`;
      const noop = await startNoopWorker({ TEMPORAL_ADDRESS: server.address });
      started.push(noop);
      const limit = await measureLimit(client, { ...opts.limit, label: `changes-${label}`, procs });
      await noop.stop();
      started.splice(started.indexOf(noop), 1);
      opts.log(`changes ${label}: noop limit ${limit.perSec.toFixed(1)}/s`);
      started.push(await startWorker(env, tree.dir));
      const api = await startApi(env, tree.dir);
      started.push(api);
      const auth = await staffAuth(api.baseUrl);
      const steps: ChangeResult['steps'] = [];
      let sample: string | undefined;
      for (const rate of opts.rates) {
        const step = await intakeStep(api.baseUrl, { label: `changes-${label}-${rate}`, rate, seconds: opts.seconds, procs, headers: auth });
        const fanout = await waitForFanout(db, [...step.accepted, ...step.unanswered], { maxSeconds: opts.drainSeconds });
        sample ??= step.accepted[0]?.caseNo;
        opts.log(`changes ${label}: ${rate} req/s → ${step.acceptedPerSec.toFixed(1)}/s accepted, p95 ${step.latency.p95.toFixed(0)} ms, `
          + `${fanout.donePerSec.toFixed(1)} cases/s notified (${fanout.done}/${fanout.cases}); answers ${step.statusCodes || 'none'}`);
        steps.push({ step: { ...step, accepted: [], unanswered: [] }, fanout });
      }
      const shape = sample ? await historyShape(client, grievanceWorkflowId(sample)) : undefined;
      out.push({ ref, commit: tree.commit, subject: tree.subject, limit, steps, shape });
    } catch (err) {
      opts.log(`changes ${ref}: failed: ${(err as Error).stack ?? err}`);
      out.push({ ref, commit: tree.commit, subject: tree.subject, steps: [], failed: String((err as Error).message ?? err).split('\n')[0].slice(0, 300) });
    } finally {
      for (const c of started.reverse()) await c.stop().catch(() => undefined);
      await connected?.connection.close();
      await db.destroy();
    }
  }
  return out;
}
