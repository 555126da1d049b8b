/** A fresh database for each run, and the facts about this machine and its settings that every result depends on. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { temporalConfig } from '../../temporal.config';

/** The bench's databases: this checkout's, and the older commit's of the "before" phase (bench/lib/baseline.ts). */
export const BENCH_DB = 'gq_bench';
export const BASELINE_DB = 'gq_bench_baseline';

/**
 * Drops and recreates a database of the bench (gq_bench or gq_bench_baseline) on the server of DATABASE_URL and returns
 * its URL: cases of an earlier run would make every table and index bigger than the run itself made them. Only ever
 * touches those two database names.
 */
export async function freshDatabase(adminUrl: string, name: typeof BENCH_DB | typeof BASELINE_DB = BENCH_DB): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function firstLine(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0].trim();
  } catch {
    return 'unknown';
  }
}

export interface MachineFacts {
  cpus: string;
  memory: string;
  os: string;
  node: string;
  temporalCli: string;
  postgres: string;
  settings: Record<string, string>;
}

export async function machineFacts(databaseUrl: string): Promise<MachineFacts> {
  const cli = process.env.GQ_BENCH_TEMPORAL_CLI;
  // `go version -m` shows the module version the CLI was built from; the binary itself says 0.0.0-DEV when go-installed.
  let temporalCli = cli ? firstLine(cli, ['--version']) : 'external server (TEMPORAL_ADDRESS)';
  if (cli) {
    const mod = firstLine('sh', ['-c', `go version -m '${cli}' 2>/dev/null | awk '$1=="mod"{print $2" "$3}'`]);
    if (mod && mod !== 'unknown') temporalCli += ` (${mod})`;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postgres = 'unknown';
  let fsync = '?';
  try {
    postgres = String((await client.query('select version() as v')).rows[0].v).split(' on ')[0];
    fsync = String((await client.query('show fsync')).rows[0].fsync);
  } finally {
    await client.end();
  }
  const cpus = os.cpus();
  const w = temporalConfig.worker;
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'} (load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB total, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    temporalCli,
    postgres: `${postgres}, fsync=${fsync}`,
    settings: {
      GONGQING_WF_CONCURRENCY: `${process.env.GONGQING_WF_CONCURRENCY ?? '(unset)'} → maxConcurrentWorkflowTaskExecutions ${w.maxConcurrentWorkflowTaskExecutions}`,
      GONGQING_ACT_CONCURRENCY: `${process.env.GONGQING_ACT_CONCURRENCY ?? '(unset)'} → maxConcurrentActivityTaskExecutions ${w.maxConcurrentActivityTaskExecutions}`,
      GONGQING_WF_CACHE: `${process.env.GONGQING_WF_CACHE ?? '(unset)'} → maxCachedWorkflows ${w.maxCachedWorkflows}`,
      'GONGQING_WF_POLLS, GONGQING_NONSTICKY_RATIO': `${process.env.GONGQING_WF_POLLS ?? '(unset)'}, ${process.env.GONGQING_NONSTICKY_RATIO ?? '(unset)'} → `
        + `${'maxConcurrentWorkflowTaskPolls' in w ? w.maxConcurrentWorkflowTaskPolls : "the SDK's 10"} pollers, nonStickyToStickyPollRatio ${w.nonStickyToStickyPollRatio}`,
      GONGQING_WORKFLOW_STACK_TRACES: `${process.env.GONGQING_WORKFLOW_STACK_TRACES ?? '(unset)'} → ${process.env.GONGQING_WORKFLOW_STACK_TRACES === '1' ? "the SDK's source-mapped stack for every promise" : 'workflow stack traces without frames (workflows/stack-traces-off.ts), case and noop workers alike'}`,
      GONGQING_PG_POOL: `${process.env.GONGQING_PG_POOL ?? '(unset)'} → pg pool size ${Number(process.env.GONGQING_PG_POOL ?? 10)} per process (API, worker)`,
      GONGQING_SMS_ADAPTER: process.env.GONGQING_SMS_ADAPTER ?? 'outbox (default)',
      'payload codec': `AES-GCM (gongqingDataConverter) on every client and worker of this checkout, bench's own included; keys ${process.env.GONGQING_KEYS_FILE ? `from ${process.env.GONGQING_KEYS_FILE.replace(/^.*\/data\//, 'data/')}` : process.env.GONGQING_PAYLOAD_KEYS ? 'from GONGQING_PAYLOAD_KEYS' : 'not configured'}`,
      'Temporal server of the cluster phases': process.env.GQ_BENCH_CLUSTER_ADDRESS
        ? `${process.env.GQ_BENCH_CLUSTER_VERSION ?? '?'} built from go.temporal.io/server (scripts/lib/temporal-server.sh, scripts/cluster/temporal-postgres.yaml), `
          + `on the bench's Postgres in databases temporal and temporal_visibility dropped and created again by scripts/bench.sh, at ${process.env.GQ_BENCH_CLUSTER_ADDRESS}`
        : (process.env.GQ_BENCH_CLUSTER_NOTE ?? 'none'),
      'Temporal dev server': process.env.GQ_BENCH_TEMPORAL_CLI ? `fresh SQLite file data/temporal-bench.db, pragmas: ${process.env.GQ_BENCH_TEMPORAL_PRAGMAS || "SQLite's defaults"} (GONGQING_TEMPORAL_SQLITE_PRAGMAS), started by scripts/bench.sh` : `${temporalConfig.address} (not started here)`,
    },
  };
}
