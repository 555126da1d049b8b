/**
 * A PostgreSQL cluster of one test file's own, for fault tests that must stop and start the database without touching
 * the cluster the rest of the suite shares. Made with initdb under /var/tmp (the `postgres` user, who runs the server
 * when we are root, must reach it), trust auth for role `gongqing`, loopback TCP only, fsync off.
 *
 * `stop()` is a real outage (`pg_ctl -m fast stop`: sessions are terminated, open transactions roll back, new
 * connections are refused); `start()` brings the same data back on the same port.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, isRoot, onExitStop, runAsPostgresOwner, runAsPostgresOwnerSync, waitFor, type RestartableServer, tailOf } from './processes';

/** stop() is a fast shutdown: connections are cut and refused until start() brings the cluster back on its port. */
export interface PrivatePostgres extends RestartableServer {
  /** postgres://gongqing@127.0.0.1:<port>/gongqing */
  url: string;
  port: number;
  /** the cluster's directory (data/ and postgres.log inside) */
  dir: string;
}

/** GQ_PG_BINDIR from scripts/test.sh, else the newest /usr/lib/postgresql/<major>/bin with initdb and pg_ctl. */
export function postgresBinDir(): string {
  const fromEnv = process.env.GQ_PG_BINDIR;
  if (fromEnv && existsSync(join(fromEnv, 'pg_ctl'))) return fromEnv;
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base)
    ? readdirSync(base).filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const v of majors) {
    const dir = join(base, v, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error('no PostgreSQL server binaries: set GQ_PG_BINDIR (scripts/test.sh does) or install them under /usr/lib/postgresql');
}

function postgresUid(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

export async function startPrivatePostgres(label: string): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const safe = label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const dir = mkdtempSync(`/var/tmp/gq-pg-${safe}-`);
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  if (isRoot()) {
    const { uid, gid } = postgresUid();
    chownSync(dir, uid, gid);
  }
  const pgCtl = join(bin, 'pg_ctl');
  let running = false;
  let destroyed = false;

  const logTail = (lines = 30) => tailOf(log, lines);

  // If this process exits before destroy() (a hook timeout, a crash), the server must not outlive it.
  const unregister = onExitStop(() => {
    if (running) runAsPostgresOwnerSync(pgCtl, ['-D', data, '-m', 'immediate', '-w', '-t', '10', '-s', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  });

  let port = 0;
  const serverStart = async () => {
    // No Unix socket (-k ''): TCP on loopback only, so nothing of this cluster lands outside its directory.
    const opts = `-p ${port} -k '' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
    running = true; // before pg_ctl returns: a timeout during its wait must still stop the server
    try {
      await runAsPostgresOwner(pgCtl, ['-D', data, '-l', log, '-o', opts, '-w', '-t', '60', '-s', 'start'], 90_000);
    } catch (err) {
      throw new Error(`${(err as Error).message}\n--- postgres.log ---\n${logTail()}`);
    }
  };
  const serverStop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    await runAsPostgresOwner(pgCtl, ['-D', data, '-m', mode, '-w', '-t', '30', '-s', 'stop'], 45_000);
    running = false;
  };

  try {
    await runAsPostgresOwner(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'gongqing', '--encoding=UTF8', '--locale=C', '--no-sync'], 120_000);
    port = await freePort();
    await serverStart();
    const admin = new pg.Client({ connectionString: `postgres://gongqing@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      await admin.query('create database gongqing');
    } finally {
      await admin.end();
    }
  } catch (err) {
    await serverStop('immediate').catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    unregister();
    throw err;
  }

  const url = `postgres://gongqing@127.0.0.1:${port}/gongqing`;
  return {
    url, port, dir, logTail,
    async stop() {
      if (destroyed) throw new Error('private Postgres already destroyed');
      await serverStop('fast');
    },
    async start() {
      if (destroyed) throw new Error('private Postgres already destroyed');
      if (running) return;
      await serverStart();
      // pg_ctl -w returns once the postmaster accepts connections; make sure ours can log in before saying so.
      await waitFor('private Postgres to accept a login', async () => {
        const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
        try {
          await c.connect();
          await c.query('select 1');
          return true;
        } finally {
          await c.end().catch(() => undefined);
        }
      }, 30_000, 100);
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        await serverStop('fast').catch(() => serverStop('immediate'));
      } finally {
        rmSync(dir, { recursive: true, force: true });
        unregister();
      }
    },
  };
}
