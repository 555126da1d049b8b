/**
 * The worker as a child process, started as the scripts start it (worker.ts, workerNodeArgs), so a test can kill it like a crash would, or keep it
 * running while the servers it talks to go away. The child gets the whole of process.env (payload keys, SMS adapter
 * settings …) plus the database, Temporal address and task queue given here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { workerNodeArgs } from '../../worker';
import { GiveUp, onExitStop } from './processes';

const root = fileURLToPath(new URL('../../', import.meta.url));
const READY_LINE = '[gongqing] worker polling';
const KEEP_OUTPUT = 64 * 1024;

export interface WorkerProcessOptions {
  databaseUrl: string;
  taskQueue: string;
  /** default: TEMPORAL_ADDRESS of this process (the shared dev server) */
  temporalAddress?: string;
  /** more variables on top of process.env (e.g. GONGQING_PG_POOL) */
  env?: Record<string, string>;
  /** how long to wait for the ready line; the first start bundles the workflows (default 90 s) */
  readyTimeoutMs?: number;
}

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** true until the process has exited */
  alive(): boolean;
  /** the last 64 KiB of its stdout and stderr */
  output(): string;
  /** resolves when the process exits, with its exit code or signal */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, like a crash; resolves once it has exited */
  kill(): Promise<void>;
  /** throws GiveUp (ends a waitFor at once) with the worker's last output if it has exited */
  assertAlive(): void;
}

export async function startWorkerProcess(opts: WorkerProcessOptions): Promise<WorkerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: opts.databaseUrl,
    GONGQING_TASK_QUEUE: opts.taskQueue,
    ...(opts.temporalAddress ? { TEMPORAL_ADDRESS: opts.temporalAddress } : {}),
    ...opts.env,
  };
  const child = spawn(process.execPath, [...workerNodeArgs, 'worker.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const append = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > KEEP_OUTPUT * 2) out = out.slice(-KEEP_OUTPUT);
  };
  // Both pipes are always drained, or a chatty worker would block on a full pipe.
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  const unregister = onExitStop(() => {
    if (alive()) child.kill('SIGKILL');
  });
  const kill = async () => {
    if (alive()) child.kill('SIGKILL');
    await exited;
    unregister();
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const timeoutMs = opts.readyTimeoutMs ?? 90_000;
      const timer = setTimeout(() => reject(new Error(`worker not polling after ${timeoutMs} ms:\n${out.slice(-4000)}`)), timeoutMs);
      const onData = () => {
        if (out.includes(READY_LINE)) {
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`worker exited before polling (${code ?? signal}):\n${out.slice(-4000)}`));
      });
    });
  } catch (err) {
    await kill();
    throw err;
  }

  const assertAlive = () => {
    if (!alive()) throw new GiveUp(`the worker process exited (${child.exitCode ?? child.signalCode}):\n${out.slice(-4000)}`);
  };
  return { child, pid: child.pid!, alive, output: () => out.slice(-KEEP_OUTPUT), exited, kill, assertAlive };
}
