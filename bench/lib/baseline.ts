/**
 * "Before" for the before/after tables, measured in the same run as "after": the worker of an older commit, and a
 * Temporal dev server with SQLite's default journal (the project's scripts now start it with a write-ahead log).
 *
 * The old worker is worker.ts with everything it imports as of BENCH_BASELINE_REF (default: the last commit before
 * Postgres writes became local activities and SMS went out in batches), unpacked with `git archive` under data/ and
 * sharing this checkout's node_modules. The API stays this checkout's: the workflow's input and the database schema
 * did not change between the two, only how the workflow does its work.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { freePort, git, root, startProcess, type Child } from './children';

export const DEFAULT_BASELINE_REF = 'e1bd368';

export interface BaselineTree {
  dir: string;
  commit: string;
  subject: string;
}

/** The older commit's files, ready to run; a reason instead when this checkout cannot provide them (no git, shallow). */
export function prepareBaselineTree(ref = process.env.BENCH_BASELINE_REF || DEFAULT_BASELINE_REF): BaselineTree | { skipped: string } {
  let commit: string;
  let subject: string;
  try {
    commit = git('rev-parse', '--verify', `${ref}^{commit}`);
    subject = git('log', '-1', '--format=%s', commit);
  } catch {
    return { skipped: `commit ${ref} is not in this checkout (a shallow clone?): no "before" worker` };
  }
  const dir = `${root}data/bench-baseline/${commit.slice(0, 12)}`;
  if (!existsSync(`${dir}/.complete`)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive --format=tar "${commit}" | tar -x -C "${dir}"`], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    symlinkSync(`${root}node_modules`, `${dir}/node_modules`, 'dir');
    writeFileSync(`${dir}/.complete`, `${commit}\n`);
  }
  return { dir, commit, subject };
}

/** `temporal server start-dev` on a fresh SQLite file with the given pragmas (none: SQLite's defaults). */
export async function startDevServer(cli: string, name: string, pragmas: string[]): Promise<Child & { address: string }> {
  const db = `${root}data/temporal-${name}.db`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  const health = async () => {
    execFileSync(cli, ['operator', 'cluster', 'health', '--address', address, '--command-timeout', '2s'], { stdio: 'ignore', timeout: 5000 });
    return true;
  };
  const child = await startProcess(`temporal-${name}`, [cli, 'server', 'start-dev', '--db-filename', db, '--ip', '127.0.0.1', '--port', String(port),
    '--headless', '--namespace', 'default', '--log-level', 'warn', ...pragmas.flatMap((p) => ['--sqlite-pragma', p])], { env: {}, ready: { check: health } });
  return { ...child, address };
}
