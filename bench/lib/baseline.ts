/**
 * "Before" for the before/after tables, measured in the same run as "after": an older commit, and a Temporal dev
 * server with SQLite's default journal (the project's scripts now start it with a write-ahead log).
 *
 * The older commit is BENCH_BASELINE_REF (default: the last commit before Postgres writes became local activities and
 * SMS went out in batches), unpacked with `git archive` under data/ and sharing this checkout's node_modules. Its phase
 * runs that commit whole: its worker.ts, its api/main.ts, and its schema and demo data (its own scripts/prepare-db.ts)
 * in a database of its own on the same Postgres server. Until issue 14 this checkout's API could drive the old worker;
 * since then it cannot: it encrypts every payload (the old worker has no codec), it files with an update-with-start
 * (`caseCreated`, which the old workflow does not know), and the schema moves on (the old worker's writes need not fit
 * it). The load is the same for both: the same JSON bodies, filed as the same staff member with a bearer token.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
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
    return { skipped: `commit ${ref} is not in this checkout (a shallow clone?): no "before" phase of an older commit` };
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

/**
 * The older commit's schema and demo organisation in the (fresh) database of `databaseUrl`, by its own
 * scripts/prepare-db.ts, so that its worker and API meet the tables they were written for.
 */
export async function prepareBaselineDatabase(tree: BaselineTree, databaseUrl: string): Promise<void> {
  const script = 'scripts/prepare-db.ts';
  if (!existsSync(`${tree.dir}/${script}`)) throw new Error(`${tree.commit.slice(0, 7)} has no ${script} to build its schema with`);
  await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
    cwd: tree.dir, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000,
  });
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
