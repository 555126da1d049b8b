/**
 * A Temporal dev server of one test file's own (`temporal server start-dev`, SQLite), for fault tests that stop and
 * restart the engine without touching the server the rest of the suite shares. It runs as the leader of its own
 * process group; `stop()` sends SIGTERM to the group and waits for it to exit (SIGKILL after 10 s); `start()` runs it
 * again on the same SQLite file and port, so workflows, timers and task queues survive as on a real restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, groupAlive, onExitStop, run, sleep, type RestartableServer, tailOf } from './processes';

/**
 * stop() sends SIGTERM to the server's process group (SIGKILL after 10 s) and resolves once it is gone; start() runs the
 * same SQLite file on the same port and resolves once the frontend reports SERVING.
 */
export interface PrivateTemporal extends RestartableServer {
  /** 127.0.0.1:<port> */
  address: string;
  port: number;
  /** the SQLite file */
  dbFile: string;
}

export function temporalCli(): string {
  const cli = process.env.GQ_TEMPORAL_CLI || process.env.TEMPORAL_CLI;
  if (cli && existsSync(cli)) return cli;
  throw new Error('GQ_TEMPORAL_CLI is not set (or not a file): run fault tests through `npm test` (scripts/test.sh exports it)');
}

export async function startPrivateTemporal(label: string): Promise<PrivateTemporal> {
  const cli = temporalCli();
  const safe = label.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  const dir = mkdtempSync(join(tmpdir(), `gq-temporal-${safe}-`));
  const dbFile = join(dir, 'temporal.db');
  const log = join(dir, 'temporal.log');
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let destroyed = false;

  const logTail = (lines = 30) => tailOf(log, lines);

  const killGroupSync = () => {
    const pid = child?.pid;
    if (pid && groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  };
  const unregister = onExitStop(() => {
    killGroupSync();
    rmSync(dir, { recursive: true, force: true });
  });

  const stopServer = async () => {
    const c = child;
    if (!c?.pid) return;
    const pid = c.pid;
    const gone = () => c.exitCode !== null || c.signalCode !== null;
    if (!gone() || groupAlive(pid)) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 10_000;
      while ((!gone() || groupAlive(pid)) && Date.now() < deadline) await sleep(50);
      if (!gone() || groupAlive(pid)) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone meanwhile */
        }
      }
    }
    await exited;
    child = null;
  };

  const startServer = async () => {
    if (child) return;
    const out = openSync(log, 'a');
    try {
      // --ip 127.0.0.1: "localhost" may resolve to ::1 first. HTTP API and metrics ports are random free ones.
      const c = spawn(cli, [
        'server', 'start-dev', '--db-filename', dbFile, '--ip', '127.0.0.1', '--port', String(port), '--headless',
        '--namespace', 'default', '--log-level', 'warn', '--sqlite-pragma', 'journal_mode=wal',
      ], { cwd: dir, detached: true, stdio: ['ignore', out, out], env: process.env });
      child = c;
      exited = new Promise<void>((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) resolve();
        else c.once('exit', () => resolve());
      });
      c.once('error', () => undefined); // a spawn failure shows as an early exit below
    } finally {
      closeSync(out);
    }
    const c = child!;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (c.exitCode !== null || c.signalCode !== null) {
        child = null;
        throw new Error(`Temporal dev server exited during startup (${c.exitCode ?? c.signalCode}):\n${logTail()}`);
      }
      try {
        await run(cli, ['operator', 'cluster', 'health', '--address', address, '--command-timeout', '2s'], { timeoutMs: 5_000 });
        return;
      } catch {
        /* not serving yet */
      }
      if (Date.now() > deadline) {
        await stopServer();
        throw new Error(`Temporal dev server not healthy on ${address} after 60 s:\n${logTail()}`);
      }
      await sleep(200);
    }
  };

  try {
    await startServer();
  } catch (err) {
    await stopServer().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    unregister();
    throw err;
  }

  return {
    address, port, dbFile, logTail,
    async stop() {
      if (destroyed) throw new Error('private Temporal already destroyed');
      await stopServer();
    },
    async start() {
      if (destroyed) throw new Error('private Temporal already destroyed');
      await startServer();
    },
    async destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        await stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
        unregister();
      }
    },
  };
}
