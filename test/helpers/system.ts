/**
 * The real system for integration tests: a fresh Postgres database per test file (on the cluster scripts/test.sh
 * started), the real Temporal dev server, the worker as a child process (so it can be killed) on a queue of the file's
 * own, and the Fastify app listening on a loopback port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { httpGateway } from '../../activities/sms/http-gateway';
import { buildApp } from '../../api/server';
import { connectTemporal } from '../../api/temporal-client';
import { createDb } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { seedDemo } from '../../db/seed/seed-demo';
import { startFakeSmsGateway, type FakeSmsGateway } from '../../scripts/fake-sms-gateway';
import { workerNodeArgs } from '../../worker';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface System {
  db: Kysely<Database>;
  temporal: Client;
  baseUrl: string;
  databaseUrl: string;
  taskQueue: string;
  /** the loopback SMS gateway: every phone's messages (personal links, one-time codes) */
  sms: FakeSmsGateway;
  /** every route of the app (each method, HEAD routes included) with the access it declares (api/plugins/app/access.ts) */
  routes: { method: string; url: string; access?: string }[];
  startWorker(): Promise<ChildProcess>;
  killWorker(): Promise<void>;
  stop(): Promise<void>;
}

export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}

function waitForWorkerReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start in time:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('[gongqing] worker polling')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => { out += c.toString(); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`worker exited early (${code}):\n${out}`)); });
  });
}

export async function startSystem(label: string): Promise<System> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl || !process.env.TEMPORAL_ADDRESS) throw new Error('run integration tests through `npm test` (scripts/test.sh)');
  const suffix = `${label}_${randomBytes(4).toString('hex')}`;
  const dbName = `gq_test_${suffix}`;
  const databaseUrl = await createDatabase(adminUrl, dbName);
  const taskQueue = `gq-test-${suffix}`;
  process.env.GONGQING_TASK_QUEUE = taskQueue;

  const db = createDb(databaseUrl, 5);
  await migrateToLatest(db);
  await seedDemo(db);
  const temporal = await connectTemporal();
  const sms = await startFakeSmsGateway();
  const app = await buildApp({ db, temporal, sms: httpGateway({ url: sms.url }), logger: { level: 'error' } }); // a 5xx in a test prints why
  const routes: System['routes'] = app.accessTable;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  let worker: ChildProcess | null = null;
  const startWorker = async () => {
    const child = spawn(process.execPath, [...workerNodeArgs, 'worker.ts'], {
      cwd: root,
      // A test may point the worker at a gateway of its own (GONGQING_SMS_* set before it starts).
      env: {
        GONGQING_SMS_ADAPTER: 'http', GONGQING_SMS_URL: sms.url, ...process.env,
        DATABASE_URL: databaseUrl, GONGQING_TASK_QUEUE: taskQueue, GONGQING_PG_POOL: '5', GONGQING_PUBLIC_URL: baseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker = child;
    await waitForWorkerReady(child);
    return child;
  };
  const killWorker = async () => {
    const w = worker;
    worker = null;
    if (!w || w.exitCode !== null) return;
    const exited = new Promise((r) => w.once('exit', r));
    w.kill('SIGKILL');
    await exited;
  };

  return {
    db, temporal, baseUrl, databaseUrl, taskQueue, sms, routes, startWorker, killWorker,
    async stop() {
      await killWorker();
      await app.close();
      await sms.close();
      await temporal.connection.close();
      await db.destroy();
      await dropDatabase(adminUrl, dbName);
    },
  };
}
