/**
 * The cluster that npm run test:cluster started (scripts/lib/cluster.sh), seen from a test: the balancer's URL, the
 * app's database and the Temporal server, the SMS each phone received (the loopback gateway's store), the balancer's
 * view of each API instance, and the pids of the supervised processes, to kill them as a crash would (their
 * supervisors start them again).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { connectTemporal } from '../../api/temporal-client';
import { createDb } from '../../db/connection';
import type { Database } from '../../db/schema';
import type { Received } from '../../scripts/fake-sms-gateway';
import { sleep } from './processes';
import { afterAll, beforeAll } from 'vitest';
import { apiClient } from './http';

export interface Cluster {
  url: string;
  db: Kysely<Database>;
  temporal: Client;
  /** every message the loopback SMS gateway accepted, once per idempotency key, in order */
  sms(): Received[];
  /** the balancer's state of api1 and api2 ('UP', 'DOWN', 'DOWN 1/2' …) */
  backends(): Promise<Record<string, string>>;
  /** the pid of a supervised process: api-1, api-2, worker-1, worker-2, temporal-server */
  pidOf(name: string): number;
  /** SIGKILL, as a crash; resolves once the process is gone (its supervisor then starts a new one) */
  crash(name: string): Promise<number>;
  close(): Promise<void>;
}

function need(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the cluster tests through \`npm run test:cluster\``);
  return v;
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function connectCluster(): Promise<Cluster> {
  const url = need('GQ_CLUSTER_URL');
  const run = need('GQ_CLUSTER_RUN');
  const store = need('GQ_CLUSTER_SMS_STORE');
  const stats = need('GQ_CLUSTER_STATS_URL');
  const db = createDb(need('DATABASE_URL'), 5);
  const temporal = await connectTemporal(need('TEMPORAL_ADDRESS'));
  const pidOf = (name: string) => Number(readFileSync(join(run, `${name}.pid`), 'utf8').trim());
  return {
    url, db, temporal, pidOf,
    sms() {
      try {
        return readFileSync(store, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Received);
      } catch {
        return [];
      }
    },
    async backends() {
      const csv = await (await fetch(`${stats};csv`)).text();
      const [head, ...rows] = csv.replace(/^# /, '').trim().split('\n').map((l) => l.split(','));
      const [px, sv, st] = ['pxname', 'svname', 'status'].map((c) => head.indexOf(c));
      return Object.fromEntries(rows.filter((r) => r[px] === 'api' && r[sv] !== 'BACKEND').map((r) => [r[sv], r[st]]));
    },
    async crash(name) {
      const pid = pidOf(name);
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 100 && running(pid); i++) await sleep(50);
      return pid;
    },
    async close() {
      await temporal.connection.close();
      await db.destroy();
    },
  };
}

/** The running cluster and a JSON client of its balancer, for one test file: connected before, closed after. */
export function useCluster(): { readonly cluster: Cluster; readonly api: ReturnType<typeof apiClient> } {
  const held: { cluster?: Cluster; api?: ReturnType<typeof apiClient> } = {};
  beforeAll(async () => {
    held.cluster = await connectCluster();
    held.api = apiClient(held.cluster.url);
  });
  afterAll(async () => {
    await held.cluster?.close();
  });
  return { get cluster() { return held.cluster!; }, get api() { return held.api!; } };
}
