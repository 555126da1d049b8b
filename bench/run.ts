/**
 * `npm run bench` (issue 8), run by scripts/bench.sh once Postgres and a fresh Temporal dev server are up. Everything is
 * measured in this one run on the same Postgres server: the noop limit, intake at rising load with SMS fan-out, the
 * history page and N open cases on the Temporal server scripts/bench.sh started (as npm start would); then "before" on a
 * second dev server with SQLite's default journal: this worker and API, and an older commit's worker and API on a
 * database of its own (bench/lib/baseline.ts); the mediation handoff and legal aid (bench/mediation.ts,
 * bench/legal-aid.ts) with the defaults' worker and API; last, with no Temporal at all, the legal documents as PDF
 * (bench/documents.ts); the wage plan's schedule opening 1,000 enterprises' rounds (bench/wage-plan.ts); then the negotiation index's roll-up for 1,000 enterprises (bench/negotiation-index.ts; BENCH_ONLY=negotiation-index runs it
 * alone), and the library's search at 10,000 items and 100,000 grievances (bench/library.ts). Intake files as staff with a bearer token (bench/intake.ts says why).
 * Writes bench/results/<date>.md and <date>-latency.png and prints the report. Every process it starts is stopped on
 * the way out, also on Ctrl-C. BENCH_ONLY=case-finder runs the case finder's list at 100,000 cases alone (bench/case-finder.ts);
 * BENCH_ONLY=figures the figures' queries at 100,000 cases (bench/figures.ts).
 *
 * Issue 24: the same run also measures the noop limit and intake on the production topology's Temporal server (the full
 * server on PostgreSQL that scripts/bench.sh started, GQ_BENCH_CLUSTER_ADDRESS), with one worker and with two on the
 * same task queue ("cluster, 1 worker", "cluster, 2 workers"), and the report gives intake ÷ noop on each server and
 * cluster ÷ dev server. BENCH_ONLY=intake runs only those noop limits and intake phases (dev server, cluster 1 and 2
 * workers) and writes bench/results/<date>[-quick]-intake.md; BENCH_ONLY=cluster-scale opens cases on the cluster toward
 * 100,000 within a time box (bench/results/<date>[-quick]-cluster-scale.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { grievanceWorkflowId } from '../api/services/case-number';
import { connectTemporal } from '../api/temporal-client';
import { createDb } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import type { Database } from '../db/schema';
import { seedDemo } from '../db/seed/seed-demo';
import { documentSettings, measureDocuments, type DocumentsResult } from './documents';
import { waitForFanout } from './fanout';
import { historyShape, measureHistory } from './history';
import { intakeStep } from './intake';
import { measureLimit, type LimitResult } from './limit';
import { measureIntakeLimit } from './intake-limit';
import { measureFloorLimit } from './floor-limit';
import { renderChart } from './lib/chart';
import { staffAuth } from './lib/auth';
import { prepareBaselineDatabase, prepareBaselineTree, startDevServer, type BaselineTree } from './lib/baseline';
import { root, startApi, startNoopWorker, startWorker, type Child } from './lib/children';
import { benchConfig as cfg, CASE_TASK_QUEUE } from './lib/config';
import { groupPids, postgresPids, type ProcSet } from './lib/proc';
import {
  gitState, sustained, writeClusterScaleReport, writeIntakeReport, writeReport, type ClusterScaleRunData, type IntakeRunData, type Phase, type RunData,
} from './lib/report';
import { BASELINE_DB, freshDatabase, machineFacts } from './lib/setup';
import { temporalConfig } from '../temporal.config';
import { openManyCases } from './scale';
import { measureMediationHandoff } from './mediation';
import { measureLegalAid } from './legal-aid';
import { measureWagePlanOpening, type WagePlanResult } from './wage-plan';
import { measureNegotiationIndex, negotiationIndexSettings, type NegotiationIndexResult } from './negotiation-index';
import { writeNegotiationIndexReport } from './lib/report-negotiation-index';
import { librarySettings, measureLibrary, type LibraryResult } from './library';
import { caseFinderSection, caseFinderSettings, measureCaseFinder } from './case-finder';
import { figuresSection, figuresSettings, measureFigures } from './figures';
import { startFakeSmtpServer } from '../scripts/fake-smtp-server';
import { DEFAULT_CHANGES, measureChanges } from './changes';
import { changesSection } from './lib/report-changes';

const t0 = Date.now();
const commit = gitState();
const log = (s: string) => console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

/**
 * An env-only variant, measured when BENCH_VARIANT="K=V,K=V" is set: e.g. a worker with more room
 * (GONGQING_WF_CONCURRENCY=100,GONGQING_ACT_CONCURRENCY=200,GONGQING_PG_POOL=30 moved nothing in bench/results of
 * 2026-11-23: the Temporal server, not the worker, was the limit).
 */
function variantEnv(): Record<string, string> | undefined {
  const spec = process.env.BENCH_VARIANT;
  if (!spec) return undefined;
  return Object.fromEntries(spec.split(',').filter(Boolean).map((kv) => kv.split('=').map((x) => x.trim()) as [string, string]));
}

/** A Temporal server the phases run against, and how to find its processes for CPU and memory. */
interface Server { label: string; address: string; client: Client; pids: () => number[] }

const running = new Set<Child>();
async function stopAll() {
  await Promise.all([...running].map((c) => c.stop().catch(() => undefined)));
  running.clear();
}
async function track<T extends Child>(p: Promise<T>): Promise<T> {
  const c = await p;
  running.add(c);
  return c;
}
async function stop(c: Child | undefined) {
  if (!c) return;
  running.delete(c);
  await c.stop();
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`${sig}: stopping the processes the bench started`);
    void stopAll().finally(() => process.exit(130));
  });
}

async function main() {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl || !process.env.TEMPORAL_ADDRESS) throw new Error('run through `npm run bench` (scripts/bench.sh)');
  process.env.GONGQING_TASK_QUEUE = CASE_TASK_QUEUE; // read by temporal.config.ts here and in every child
  process.env.DATABASE_URL = await freshDatabase(adminUrl);
  const databaseLabel = `${new URL(process.env.DATABASE_URL).pathname.slice(1)} (this checkout's schema)`;
  const db = createDb(process.env.DATABASE_URL, 10);
  await migrateToLatest(db);
  await seedDemo(db);
  if (process.env.BENCH_ONLY === 'negotiation-index') {
    // One phase alone (it needs Postgres only), for working on the index without the half hour of the rest.
    try {
      const r = await measureNegotiationIndex(db, { ...negotiationIndexSettings(cfg.quick), log });
      mkdirSync(`${root}bench/results`, { recursive: true });
      const { markdown, file } = writeNegotiationIndexReport(r, `${root}bench/results`, { date: new Date(), commit, quick: cfg.quick });
      console.log(markdown);
      log(`wrote ${file}`);
    } finally {
      await db.destroy();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'changes') {
    // Each change of issue 24 before and after: every commit of BENCH_CHANGES on a dev server of its own (bench/changes.ts).
    try {
      const refs = (process.env.BENCH_CHANGES ?? DEFAULT_CHANGES.join(',')).split(',').map((r) => r.trim()).filter(Boolean);
      const rates = process.env.BENCH_RATES ? process.env.BENCH_RATES.split(',').map(Number).filter((n) => n > 0) : cfg.intake.rates;
      const cli = process.env.GQ_BENCH_TEMPORAL_CLI;
      if (!cli) throw new Error('BENCH_ONLY=changes starts dev servers of its own: run it through npm run bench');
      const results = await measureChanges({ adminUrl, cli, refs, rates, seconds: cfg.intake.seconds, drainSeconds: cfg.drainSeconds, limit: cfg.limit, log });
      const markdown = changesSection(results, rates);
      mkdirSync(`${root}bench/results`, { recursive: true });
      const file = `${root}bench/results/${new Date().toISOString().slice(0, 10)}${cfg.quick ? '-quick' : ''}-changes.md`;
      writeFileSync(file, `# Changes bench, ${new Date().toISOString()} (${commit})\n\n${markdown}\n`);
      console.log(markdown);
      log(`wrote ${file}`);
    } finally {
      await db.destroy();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'figures') {
    // The figures alone (Postgres only): 100,000 cases with their events, each report's query (bench/figures.ts).
    try {
      const markdown = figuresSection(await measureFigures(db, { ...figuresSettings(cfg.quick), log }));
      mkdirSync(`${root}bench/results`, { recursive: true });
      const file = `${root}bench/results/${new Date().toISOString().slice(0, 10)}-figures.md`;
      writeFileSync(file, `# Figures bench, ${new Date().toISOString()} (${commit})\n\n${markdown}`);
      console.log(markdown);
      log(`wrote ${file}`);
    } finally {
      await db.destroy();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'case-finder') {
    // The case finder alone (Postgres only): 100,000 generated case rows, a filtered page's p95 (bench/case-finder.ts).
    try {
      const markdown = caseFinderSection(await measureCaseFinder(db, { ...caseFinderSettings(cfg.quick), log }));
      mkdirSync(`${root}bench/results`, { recursive: true });
      const file = `${root}bench/results/${new Date().toISOString().slice(0, 10)}-case-finder.md`;
      writeFileSync(file, `# Case finder bench, ${new Date().toISOString()} (${commit})\n\n${markdown}`);
      console.log(markdown);
      log(`wrote ${file}`);
    } finally {
      await db.destroy();
    }
    return;
  }
  const machine = await machineFacts(process.env.DATABASE_URL);
  const temporal = await connectTemporal();
  // The documents of mediation cases are e-mailed: to a loopback SMTP server, as npm start does (every worker inherits it).
  const smtp = await startFakeSmtpServer({ smtpPort: 0, httpPort: 0 });
  process.env.GONGQING_SMTP_URL = smtp.url;
  log(`database ${process.env.DATABASE_URL}, Temporal ${process.env.TEMPORAL_ADDRESS}, quick=${cfg.quick}`);

  // A phase may run several workers (and noop workers) on the same task queue: CPU counts all of them.
  let workers: Child[] = [];
  let noops: Child[] = [];
  let api: (Child & { baseUrl: string }) | undefined;
  const procs: ProcSet = {
    worker: () => workers.map((w) => w.pid),
    noopWorker: () => noops.map((n) => n.pid),
    api: () => (api ? [api.pid] : []),
    temporal: () => groupPids(Number(process.env.GQ_BENCH_TEMPORAL_PGID) || undefined),
    postgres: () => postgresPids(process.env.GQ_BENCH_PG_DIR),
    loadgen: () => [process.pid],
  };

  /** After a phase (and after the history page, which uses the defaults' API): the next one starts its own. */
  async function stopWorkerAndApi() {
    await Promise.all(workers.map(stop));
    workers = [];
    await stop(api);
    api = undefined;
  }

  /** `n` workers of one setup, one after the other (two cores: starting them at once only slows both). */
  async function startWorkers(n: number, env: Record<string, string>, cwd?: string) {
    for (let i = 0; i < n; i++) workers.push(await track(startWorker(env, cwd, i === 0 ? 'worker' : `worker-${i + 1}`)));
  }

  const mainServer: Server = {
    label: `fresh SQLite file, ${process.env.GQ_BENCH_TEMPORAL_PRAGMAS || "SQLite's defaults"} (scripts/bench.sh)`,
    address: process.env.TEMPORAL_ADDRESS!, client: temporal, pids: procs.temporal,
  };

  /**
   * The production topology's Temporal server, when scripts/bench.sh could start it (else the note says why and the
   * cluster phases are left out). Its process group counts as "temporal" for CPU and RSS; its Postgres is the bench's.
   */
  let clusterClient: Client | undefined;
  async function clusterServer(notes: string[]): Promise<Server | undefined> {
    if (!cfg.cluster.address) {
      notes.push(cfg.cluster.note ?? 'no cluster phases: scripts/bench.sh started no Temporal server for them');
      return undefined;
    }
    // The noop callers connect as the API does (api/temporal-client.ts): the limit and the intake pay the same client.
    clusterClient ??= await connectTemporal(cfg.cluster.address);
    return {
      label: `Temporal server ${cfg.cluster.version} on PostgreSQL (fresh databases temporal and temporal_visibility on the bench's Postgres, scripts/bench.sh)`,
      address: cfg.cluster.address, pids: () => groupPids(cfg.cluster.pgid),
      client: clusterClient,
    };
  }

  /**
   * The noop limit and intake on the cluster with one worker, then with two on the same task queue (two noop workers
   * for the limit, two real workers behind one API for intake), or as BENCH_CLUSTER_WORKERS says. A failing phase is a
   * note; the run goes on.
   */
  async function clusterPhases(notes: string[]): Promise<Phase[]> {
    const server = await clusterServer(notes);
    if (!server) return [];
    const out: Phase[] = [];
    for (const n of cfg.cluster.workers) {
      const name = `cluster, ${n} worker${n === 1 ? '' : 's'}`;
      try {
        out.push(await phase(name, { server, limit: true, workers: n, topology: 'cluster' }));
      } catch (err) {
        log(`${name}: failed: ${(err as Error).stack ?? err}`);
        notes.push(`no "${name}" phase: it failed (${String((err as Error).message ?? err).split('\n')[0].slice(0, 300)}); see data/logs/bench-*.log`);
      } finally {
        await stopWorkerAndApi();
      }
    }
    return out;
  }

  /**
   * One column of the before/after tables: the noop limit (unless skipped) and the intake steps with one worker setup
   * on one server. Worker and API are restarted for each, so no phase inherits another's caches or connections. With a
   * `tree`, worker and API are that older commit's, on its own database (`database`).
   */
  async function phase(name: string, opts: {
    server: Server; env?: Record<string, string>; tree?: BaselineTree; queue?: string; limit: boolean;
    database?: { url: string; db: Kysely<Database>; label: string };
    /** workers (and noop workers for the limit) on the same task queue; 1 unless said */
    workers?: number; topology?: Phase['topology'];
  }): Promise<Phase> {
    const env = opts.env ?? {};
    const n = opts.workers ?? 1;
    const childEnv = {
      ...env, TEMPORAL_ADDRESS: opts.server.address, ...(opts.queue ? { GONGQING_TASK_QUEUE: opts.queue } : {}),
      ...(opts.database ? { DATABASE_URL: opts.database.url } : {}),
    };
    const phaseDb = opts.database?.db ?? db;
    const phaseProcs = { ...procs, temporal: opts.server.pids };
    /**
     * The noop limit with `n` noop workers of the phase's setup, started for it and stopped after, and on the same
     * workers right after it the shape floor (floor-limit.ts).
     */
    const noopAndFloor = async (which: 'first' | 'second'): Promise<{ noop: LimitResult; floor: LimitResult }> => {
      log(`${name}: noop limit, ${which} (${cfg.limit.callers} callers, ${cfg.limit.seconds} s, ${n} noop worker${n === 1 ? '' : 's'}) on ${opts.server.label} ${JSON.stringify(env)}`);
      try {
        for (let i = 0; i < n; i++) noops.push(await track(startNoopWorker(childEnv, i === 0 ? 'noop-worker' : `noop-worker-${i + 1}`)));
        const label = `${name.replace(/\W+/g, '-')}-${which}`;
        const noop = await measureLimit(opts.server.client, { ...cfg.limit, label, procs: phaseProcs });
        log(`${name}: noop limit, ${which}: ${noop.perSec.toFixed(1)}/s, p50 ${noop.latency.p50.toFixed(0)} ms`);
        const floor = await measureFloorLimit(opts.server.client, { ...cfg.limit, label, procs: phaseProcs });
        log(`${name}: shape floor, ${which}: ${floor.perSec.toFixed(1)}/s, p50 ${floor.latency.p50.toFixed(0)} ms, errors ${floor.errors}${floor.firstError ? ` (${floor.firstError})` : ''}`);
        return { noop, floor };
      } finally {
        await Promise.all(noops.map(stop));
        noops = [];
      }
    };
    await startWorkers(n, childEnv, opts.tree?.dir);
    api = await track(startApi(childEnv, opts.tree?.dir));
    const auth = await staffAuth(api.baseUrl);
    /** The intake limit, each right after a noop limit (intake-limit.ts). */
    const intakeLimit = async (which: 'first' | 'second') => {
      const l = await measureIntakeLimit(api!.baseUrl, phaseDb, {
        ...cfg.intakeLimit, seconds: cfg.limit.seconds, label: `${name.replace(/\W+/g, '-')}-${which}`, procs: phaseProcs,
        headers: auth, drainSeconds: cfg.drainSeconds,
      });
      log(`${name}: intake limit, ${which}: ${l.perSec.toFixed(1)} cases/s notified (${l.notified}/${l.accepted}), p50 ${l.latency.p50.toFixed(0)} ms, `
        + `503 ${l.comeBack}, errors ${l.errors}${l.firstError ? ` (${l.firstError})` : ''}`);
      return l;
    };
    const steps: Phase['steps'] = [];
    let sampleCase: string | undefined;
    for (const rate of cfg.intake.rates) {
      const step = await intakeStep(api.baseUrl, { label: `${name}-${rate}`, rate, seconds: cfg.intake.seconds, procs: phaseProcs, headers: auth });
      const fanout = await waitForFanout(phaseDb, [...step.accepted, ...step.unanswered], { maxSeconds: cfg.drainSeconds });
      log(`${name}: ${rate} req/s → ${step.acceptedPerSec.toFixed(1)}/s accepted, p95 ${step.latency.p95.toFixed(0)} ms; `
        + `fan-out ${fanout.done}/${fanout.cases}, p95 ${(fanout.fanout.p95 / 1000).toFixed(1)} s (after the 201 ${(fanout.afterAnswer.p95 / 1000).toFixed(1)} s), `
        + `${fanout.donePerSec.toFixed(1)} cases/s; answers ${step.statusCodes || 'none'}`);
      steps.push({ step: { ...step, accepted: [], unanswered: [] }, fanout });
      sampleCase ??= step.accepted[0]?.caseNo;
      // Two steps in a row not sustained: higher rates would only add a backlog that takes minutes to drain.
      if (steps.length >= 2 && !steps.slice(-2).some(sustained)) {
        log(`${name}: two steps in a row not sustained; skipping the higher rates`);
        break;
      }
    }
    // The limits after the steps, noop and intake in turn, twice (the phase's worker and API idle during a noop run).
    // After: on a fresh server the first noop runs come out higher (one dev server, five 8 s runs in a row, no intake
    // between: 84.5, 82.2, 75.0, 77.7, 75.1/s), and measuring both on the server the steps left sets them alike; in
    // turn: the VM's pace drifts within minutes, and a pair's two runs are under a minute apart (paired-limits.ts).
    const first = opts.limit ? await noopAndFloor('first') : undefined;
    const intakeLimitFirst = opts.limit ? await intakeLimit('first') : undefined;
    const second = opts.limit ? await noopAndFloor('second') : undefined;
    const intakeLimitSecond = opts.limit ? await intakeLimit('second') : undefined;
    const [limit, limitAfter] = [first?.noop, second?.noop];
    const shape = sampleCase ? await historyShape(opts.server.client, grievanceWorkflowId(sampleCase)) : undefined;
    const noopShape = limit?.sampleWorkflowId ? await historyShape(opts.server.client, limit.sampleWorkflowId) : undefined;
    const workerText = opts.tree ? `worker.ts and api/main.ts at ${opts.tree.commit.slice(0, 7)} ("${opts.tree.subject}")` : 'worker.ts';
    return {
      name, env, worker: workerText, server: opts.server.label, database: opts.database?.label ?? databaseLabel, limit, limitAfter,
      intakeLimit: intakeLimitFirst, intakeLimitAfter: intakeLimitSecond, floorLimit: first?.floor, floorLimitAfter: second?.floor,
      floorShape: first?.floor.sampleWorkflowId ? await historyShape(opts.server.client, first.floor.sampleWorkflowId) : undefined,
      steps, shape, noopShape,
      workers: n, topology: opts.topology ?? 'dev server',
    };
  }

  /**
   * "Before": a second dev server with SQLite's default journal, this worker and API on it, then the older commit's
   * worker and API, with its schema in a database of its own (bench/lib/baseline.ts says why).
   */
  async function beforePhases(notes: string[]): Promise<Phase[]> {
    const cli = process.env.GQ_BENCH_TEMPORAL_CLI;
    if (!cli) {
      notes.push('no "before" phases: TEMPORAL_ADDRESS points at a server this bench did not start');
      return [];
    }
    const server = await track(startDevServer(cli, 'bench-before', []));
    const client = await connectTemporal(server.address);
    try {
      const before: Server = {
        label: "fresh SQLite file, SQLite's defaults (rollback journal)", address: server.address,
        client, pids: () => [server.pid],
      };
      const out = [await phase('rollback journal', { server: before, limit: true })];
      await stopWorkerAndApi();
      const tree = prepareBaselineTree();
      if ('skipped' in tree) notes.push(tree.skipped);
      else {
        // An older commit may stop running one day (a dependency it needs gone from node_modules): the run then keeps
        // the rest of its numbers and says why this column is missing.
        const name = `before (${tree.commit.slice(0, 7)})`;
        let baselineDb: Kysely<Database> | undefined;
        try {
          const url = await freshDatabase(adminUrl!, BASELINE_DB);
          await prepareBaselineDatabase(tree, url);
          baselineDb = createDb(url, 5);
          // Its own queue: the two workers' workflow code differs, and neither may ever see the other's tasks.
          out.push(await phase(name, {
            server: before, tree, queue: `${CASE_TASK_QUEUE}-before`, limit: false,
            database: { url, db: baselineDb, label: `${BASELINE_DB} (schema and demo data of ${tree.commit.slice(0, 7)})` },
          }));
        } catch (err) {
          log(`${name}: failed: ${(err as Error).stack ?? err}`);
          notes.push(`no "${name}" phase: it failed (${String((err as Error).message ?? err).split('\n')[0].slice(0, 300)}); see data/logs/bench-*.log`);
        } finally {
          await stopWorkerAndApi();
          await baselineDb?.destroy();
        }
      }
      return out;
    } finally {
      await client.connection.close();
      await stop(server);
    }
  }

  /** BENCH_ONLY=intake: the noop limits and intake phases on the dev server and the cluster (1 and 2 workers), nothing else. */
  async function intakeOnly() {
    const notes: string[] = [];
    const phases: Phase[] = [await phase('defaults', { server: mainServer, limit: true })];
    await stopWorkerAndApi();
    phases.push(...await clusterPhases(notes));
    const data: IntakeRunData = { date: new Date(), commit, quick: cfg.quick, machine, phases, moderateRate: cfg.fanoutRate, notes, wallSeconds: (Date.now() - t0) / 1000 };
    mkdirSync(`${root}bench/results`, { recursive: true });
    const { markdown, file } = writeIntakeReport(data, `${root}bench/results`);
    const png = await renderChart(data, file.replace(/\.md$/, '-latency.png'));
    writeFileSync(`${root}data/logs/bench-last-intake.json`, JSON.stringify(data, null, 1));
    console.log(markdown);
    log(`wrote ${file} and ${png}`);
  }

  /**
   * BENCH_ONLY=cluster-scale: as many grievances as reach rest toward BENCH_OPEN_CASES (100,000) on the cluster within
   * the time box, with one worker and one API; worker and server RSS per resting case, and intake while they are open.
   */
  async function clusterScaleOnly() {
    const notes: string[] = [];
    const server = await clusterServer(notes);
    if (!server) throw new Error(`BENCH_ONLY=cluster-scale needs the cluster's Temporal server: ${notes.join('; ')}`);
    const env = { TEMPORAL_ADDRESS: server.address };
    await startWorkers(1, env);
    api = await track(startApi(env));
    const s = cfg.clusterScale;
    log(`cluster scale: opening up to ${s.openCases} cases within ${s.settleSeconds} s on ${server.label}`);
    const scale = await openManyCases(db, server.client, {
      count: s.openCases, concurrency: s.startConcurrency, window: s.window, settleSeconds: s.settleSeconds, log,
      procs: { worker: () => workers[0]?.pid ?? 0, api: () => api?.pid ?? 0, temporal: server.pids, postgres: procs.postgres },
    });
    log(`cluster scale: ${scale.resting} of ${scale.target} at rest after ${scale.restSeconds.toFixed(0)} s (${scale.started} started, ${scale.startErrors} start errors, stopped starting: ${scale.startStop})`);
    const scaleProcs = { ...procs, temporal: server.pids };
    const probe = await intakeStep(api.baseUrl, { label: 'cluster-scale', rate: s.probeRate, seconds: s.probeSeconds, procs: scaleProcs, headers: await staffAuth(api.baseUrl) });
    const probeFanout = await waitForFanout(db, [...probe.accepted, ...probe.unanswered], { maxSeconds: 30, stallSeconds: 15 });
    await stopWorkerAndApi();
    const data: ClusterScaleRunData = {
      date: new Date(), commit, quick: cfg.quick, machine, notes, server: server.label, wallSeconds: (Date.now() - t0) / 1000,
      scale: { ...scale, probe: { ...probe, accepted: [], unanswered: [] }, probeFanout, cacheSize: temporalConfig.worker.maxCachedWorkflows },
    };
    mkdirSync(`${root}bench/results`, { recursive: true });
    const { markdown, file } = writeClusterScaleReport(data, `${root}bench/results`);
    writeFileSync(`${root}data/logs/bench-last-cluster-scale.json`, JSON.stringify(data, null, 1));
    console.log(markdown);
    log(`wrote ${file}`);
  }

  try {
    if (process.env.BENCH_ONLY === 'intake') return await intakeOnly();
    if (process.env.BENCH_ONLY === 'cluster-scale') return await clusterScaleOnly();
    const notes: string[] = [];
    const phases: Phase[] = [await phase('defaults', { server: mainServer, limit: true })];
    const history = await measureHistory(api!.baseUrl, db, { ...cfg.history, log });
    log(`history: p50 ${history.latency.p50.toFixed(0)} ms, p95 ${history.latency.p95.toFixed(0)} ms`);
    const mediation = await measureMediationHandoff(api!.baseUrl, { db, cases: cfg.quick ? 3 : 10, log })
      .catch((err: Error) => { notes.push(`no mediation section: ${String(err.message).split('\n')[0].slice(0, 300)}`); return undefined; });
    const legalAid = await measureLegalAid(api!.baseUrl, { db, procs, ...cfg.legalAid, log })
      .catch((err: Error) => { log(`legal aid: failed: ${err.stack ?? err}`); notes.push(`no legal-aid section: ${String(err.message).split('\n')[0].slice(0, 300)}`); return undefined; });
    if (legalAid?.handoffError) notes.push(`no legal-aid handoff (application → 指派函): ${legalAid.handoffError}`);
    // A city's rounds opened by the plan's schedule; they rest from then on, so the worker is restarted before the next phase.
    const wagePlan: WagePlanResult | undefined = await measureWagePlanOpening(db, temporal, { taskQueue: CASE_TASK_QUEUE, enterprises: 1000, log })
      .catch((err: Error) => { log(`wage plan: failed: ${err.stack ?? err}`); notes.push(`no wage-plan section: ${String(err.message).split('\n')[0].slice(0, 300)}`); return undefined; });
    await stopWorkerAndApi();
    const variant = variantEnv();
    if (variant) {
      phases.push(await phase('env variant', { server: mainServer, env: variant, limit: true }));
      await stopWorkerAndApi();
    }
    // The production topology (issue 24), after the dev server's phases and before "before": one worker, then two.
    phases.push(...await clusterPhases(notes));
    if (cfg.before) phases.push(...await beforePhases(notes));

    // Scale last, with the default settings: ten thousand resting cases would weigh on every later measurement.
    await startWorkers(1, {});
    api = await track(startApi({}));
    log(`scale: opening ${cfg.scale.openCases} cases`);
    const scale = await openManyCases(db, temporal, {
      count: cfg.scale.openCases, concurrency: cfg.scale.startConcurrency, window: cfg.scale.window, settleSeconds: cfg.scale.settleSeconds, log,
      procs: { worker: () => workers[0]?.pid ?? 0, api: () => api?.pid ?? 0, temporal: procs.temporal, postgres: procs.postgres },
    });
    const probe = await intakeStep(api.baseUrl, { label: 'scale', rate: cfg.scale.probeRate, seconds: cfg.scale.probeSeconds, procs, headers: await staffAuth(api.baseUrl) });
    // Short wait: behind a backlog of thousands these cases are not notified soon, and the report says so.
    const probeFanout = await waitForFanout(db, [...probe.accepted, ...probe.unanswered], { maxSeconds: 30, stallSeconds: 15 });
    await stopWorkerAndApi();

    // Documents (PDF) last and alone: they need neither Temporal nor Postgres, only the CJK font (scripts/lib/fonts.sh).
    let documents: DocumentsResult | undefined;
    try {
      log('documents: the five legal documents as PDF, no Temporal');
      documents = await measureDocuments({ ...documentSettings(cfg.quick), log });
    } catch (err) {
      log(`documents: failed: ${(err as Error).stack ?? err}`);
      notes.push(`no "Documents (PDF)" section: ${String((err as Error).message ?? err).split('\n')[0].slice(0, 300)}`);
    }

    // The negotiation index after everything else: its district of 1,000 enterprises is in the database from then on.
    let negotiationIndex: NegotiationIndexResult | undefined;
    try {
      negotiationIndex = await measureNegotiationIndex(db, { ...negotiationIndexSettings(cfg.quick), log });
    } catch (err) {
      log(`negotiation index: failed: ${(err as Error).stack ?? err}`);
      notes.push(`no "Negotiation index" section: ${String((err as Error).message ?? err).split('\n')[0].slice(0, 300)}`);
    }

    // The library (issue 23) last: 10,000 items and 100,000 grievances added to this database would weigh on the rest.
    let library: LibraryResult | undefined;
    try {
      log('library: search and "cases like mine" with 10,000 items and 100,000 grievances, no Temporal');
      library = await measureLibrary(db, { ...librarySettings(cfg.quick), log });
      log(`library: search p95 ${library.search.p95.toFixed(1)} ms, cases like mine p95 ${library.similar.p95.toFixed(1)} ms`);
    } catch (err) {
      log(`library: failed: ${(err as Error).stack ?? err}`);
      notes.push(`no "Library search" section: ${String((err as Error).message ?? err).split('\n')[0].slice(0, 300)}`);
    }

    const data: RunData = {
      date: new Date(), commit, quick: cfg.quick, machine, phases, moderateRate: cfg.fanoutRate, history, notes,
      scale: { ...scale, probe: { ...probe, accepted: [], unanswered: [] }, probeFanout, cacheSize: temporalConfig.worker.maxCachedWorkflows }, documents, mediation, legalAid, wagePlan, negotiationIndex, library, wallSeconds: 0,
    };
    data.wallSeconds = (Date.now() - t0) / 1000;
    mkdirSync(`${root}bench/results`, { recursive: true });
    const { markdown, file } = writeReport(data, `${root}bench/results`);
    const png = await renderChart(data, file.replace(/\.md$/, '-latency.png'));
    writeFileSync(`${root}data/logs/bench-last.json`, JSON.stringify(data, null, 1));
    console.log(markdown);
    log(`wrote ${file} and ${png}`);
  } finally {
    await stopAll();
    await smtp.close();
    await clusterClient?.connection.close();
    await temporal.connection.close();
    await db.destroy();
  }
}

main().catch(async (err) => {
  console.error(err);
  await stopAll();
  process.exit(1);
});
