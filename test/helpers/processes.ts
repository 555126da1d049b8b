/**
 * Small process helpers for tests that start servers of their own (test/helpers/private-*.ts, worker-process.ts):
 * free loopback ports, commands with a time limit, and a last-resort stop when the test process exits without its
 * afterAll (a hook timeout, an uncaught error).
 */
import { readFileSync } from 'node:fs';
import { execFile, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A TCP port that was free on 127.0.0.1 a moment ago (the kernel picks it; the race until it is bound is accepted). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => (port ? resolve(port) : reject(new Error('no port from the kernel'))));
    });
  });
}

/** A server a fault test owns: it can be stopped and started again on the same data and port. */
export interface RestartableServer {
  stop(): Promise<void>;
  start(): Promise<void>;
  /** stops it (if running) and removes its directory; safe to call twice */
  destroy(): Promise<void>;
  /** the last lines of the server's log, for failure messages */
  logTail(lines?: number): string;
}

/** The last lines of a server's log file, for failure messages. */
export function tailOf(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server log)';
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (never through a shell); rejects with its output on a non-zero exit or timeout. */
export function run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, timeout: opts.timeoutMs ?? 60_000, killSignal: 'SIGKILL', maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${String(stdout)}${String(stderr)}`.trim()));
        } else {
          resolve({ stdout: String(stdout), stderr: String(stderr) });
        }
      });
  });
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * initdb and pg_ctl refuse to run as root, so as root they run as the `postgres` system user, from "/" (our working
 * directory may be out of that user's reach), like scripts/lib/postgres.sh does.
 */
export function runAsPostgresOwner(cmd: string, args: string[], timeoutMs = 60_000): Promise<RunResult> {
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', cmd, ...args], { cwd: '/', timeoutMs }) : run(cmd, args, { cwd: '/', timeoutMs });
}

export function runAsPostgresOwnerSync(cmd: string, args: string[], timeoutMs = 15_000): void {
  const [c, a] = isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const : [cmd, args] as const;
  execFileSync(c, a, { cwd: '/', timeout: timeoutMs, stdio: 'ignore' });
}

/** True while any process of the group runs (a zombie leader counts as gone once Node has reaped it). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const exitHooks = new Set<() => void>();
let installed = false;

/**
 * Registers a synchronous stop that runs if this process exits while the resource is still up (afterAll never ran or
 * failed half-way). Returns the function that unregisters it, to be called by the normal stop.
 */
export function onExitStop(fn: () => void): () => void {
  if (!installed) {
    installed = true;
    process.once('exit', () => {
      for (const f of [...exitHooks].reverse()) {
        try {
          f();
        } catch {
          /* best effort: the process is going away */
        }
      }
    });
  }
  exitHooks.add(fn);
  return () => {
    exitHooks.delete(fn);
  };
}

/** Thrown from a waitFor check to stop waiting at once (e.g. the process under test died). */
export class GiveUp extends Error {}

/**
 * Polls `check` until it returns something truthy; fails with `what` (and the last error) after `timeoutMs`, or at
 * once when the check throws GiveUp.
 */
export async function waitFor<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs: number, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
      lastErr = undefined;
    } catch (err) {
      if (err instanceof GiveUp) throw err;
      lastErr = err;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? ` (last error: ${(lastErr as Error).message ?? lastErr})` : ''}`);
    }
    await sleep(everyMs);
  }
}
