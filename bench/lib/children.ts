/**
 * The processes under test, each a child of the bench (as test/helpers/system.ts starts the worker): the real worker,
 * the bench's noop worker, and the API. The API is a child too, unlike in the tests: autocannon runs in this process,
 * and a load generator sharing the server's event loop would add its own work to every latency it measures.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** `git <args>` in this checkout, its output trimmed; throws when git fails (no git, unknown commit). */
export const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

/** A port the kernel says is free, for the API (another copy of the app may hold 3000). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/**
 * Starts `node --import tsx <script>` with extra env (in `cwd`, this checkout by default), copies its output to
 * data/logs/bench-<name>.log, and resolves once `ready` says so (a line on stdout, or a check that passes), or rejects
 * after timeoutMs or an early exit.
 */
export function startChild(
  name: string, script: string, env: Record<string, string>,
  ready: Ready, timeoutMs = 90_000, cwd = root, nodeArgs: string[] = [],
): Promise<Child> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": flags for every Node child (NODE_OPTIONS refuses --cpu-prof).
  const extra = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  return startProcess(name, [process.execPath, ...extra, '--import', 'tsx', ...nodeArgs, script], { env, ready, timeoutMs, cwd });
}

/**
 * A worker process's own flags, as the scripts start one (worker.ts, workerNodeArgs): the workflow threads' preload of
 * the checkout in `cwd`, where it has one (an older commit's worker runs as that commit started it).
 */
function workerFlags(cwd: string): string[] {
  const preload = join(cwd, 'scripts/lib/workflow-threads.cjs');
  return existsSync(preload) ? ['--require', preload] : [];
}

type Ready = { line: string } | { check: () => Promise<boolean> };

/** Any program as a child of the bench, started and stopped as startChild describes. */
export async function startProcess(
  name: string, argv: string[], opts: { env: Record<string, string>; ready: Ready; timeoutMs?: number; cwd?: string },
): Promise<Child> {
  const { env, ready, timeoutMs = 90_000, cwd = root } = opts;
  const log = createWriteStream(`${root}data/logs/bench-${name}.log`, { flags: 'a' });
  log.write(`--- ${new Date().toISOString()} start ${argv.slice(1).join(' ')} in ${cwd} ${JSON.stringify(env)}\n`);
  const proc = spawn(argv[0], argv.slice(1), {
    cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exited: number | null | undefined;
  const collect = (c: Buffer) => {
    log.write(c);
    if (out.length < 20_000) out += c.toString();
  };
  proc.stdout!.on('data', collect);
  proc.stderr!.on('data', collect);
  proc.once('exit', (code) => { exited = code; });

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== undefined) throw new Error(`${name} exited early (${exited}):\n${out.slice(-3000)}`);
    if ('line' in ready ? out.includes(ready.line) : await ready.check().catch(() => false)) break;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${name} not ready after ${timeoutMs} ms:\n${out.slice(-3000)}`);
    }
    await sleep(100);
  }

  const stop = async (graceMs = 15_000) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM'); // the worker drains on SIGTERM; the API closes its server and pools
    const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
    log.end();
  };
  return { name, proc, pid: proc.pid!, stop };
}

/**
 * The real worker (worker.ts of this checkout, or of the `cwd` an older commit was unpacked into), with a variant's env.
 * `name` names its log (data/logs/bench-<name>.log): a second worker of a phase logs as worker-2.
 */
export function startWorker(env: Record<string, string>, cwd = root, name = 'worker'): Promise<Child> {
  return startChild(name, 'worker.ts', env, { line: '[gongqing] worker polling' }, 90_000, cwd, workerFlags(cwd));
}

/** The noop worker on its own queue, same settings as the real one (temporal.config.ts). */
export function startNoopWorker(env: Record<string, string>, name = 'noop-worker'): Promise<Child> {
  return startChild(name, 'bench/noop-worker.ts', env, { line: '[gongqing-bench] noop worker polling' }, 90_000, root, workerFlags(root));
}

/**
 * api/main.ts (of this checkout, or of the `cwd` an older commit was unpacked into) on a free loopback port; ready once
 * /healthz answers. Request logging off: it is not under test.
 */
export async function startApi(env: Record<string, string>, cwd = root): Promise<Child & { baseUrl: string }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const check = async () => (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) })).ok;
  const child = await startChild('api', 'api/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, { check }, 90_000, cwd);
  return { ...child, baseUrl };
}
