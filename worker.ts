/** The worker process: runs every case workflow and its activities on the task queue of temporal.config.ts. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from './activities';
import { warmDocuments } from './activities/documents/warm-up';
import { gongqingDataConverter } from './activities/codec/data-converter';
import { transportFromEnv } from './activities/email/transport';
import { workerLinksFromEnv } from './activities/secrets/worker-link';
import { gatewayFromEnv } from './activities/sms/http-gateway';
import { createDb } from './db/connection';
import { temporalConfig } from './temporal.config';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));
const root = fileURLToPath(new URL('./', import.meta.url));

/** Every source a workflow bundle can hold (workflows and what they import), how it is bundled, and the locked dependencies. */
function sourceDigest(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts') || name.endsWith('.json')) hash.update(path).update(readFileSync(path));
    }
  };
  for (const dir of ['workflows', 'activities', 'db']) walk(join(root, dir));
  for (const file of ['temporal.config.ts', 'package-lock.json', 'worker.ts']) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Every module of workflows/ is evaluated once per workflow thread and shared by every case it runs, instead of once
 * per case (the SDK's default): a new case then costs no module evaluation, and a cached case holds no copy of ~100
 * modules' closures (bench/: worker RSS per cached case and CPU per case, before and after). It asks that no module keep
 * a case's state at module level: such state lives in the execution's globals (workflows/shared/execution-state.ts),
 * and test/workflows/shared-modules.test.ts shows two cases on one thread keep theirs apart.
 *
 * Before them, workflow stack traces without frames (workflows/stack-traces-off.ts says why), unless
 * GONGQING_WORKFLOW_STACK_TRACES=1 asks for them while debugging.
 */
const stackTracesOff = fileURLToPath(new URL('./workflows/stack-traces-off.ts', import.meta.url));

export function preloadedModules(workflows = workflowsPath): string[] {
  return [...(stackTracesAsked() ? [] : [stackTracesOff]), workflows];
}

/** GONGQING_WORKFLOW_STACK_TRACES=1: frames in workflow stack traces, and the SDK's promise hook in its threads. */
function stackTracesAsked(): boolean {
  return process.env.GONGQING_WORKFLOW_STACK_TRACES === '1';
}

/**
 * How a worker process is started (scripts/lib/common.sh says the same for the scripts): tsx, and the preload that keeps
 * the SDK's promise hook out of the workflow threads (scripts/lib/workflow-threads.cjs says why).
 */
export const workflowThreadsPreload = fileURLToPath(new URL('./scripts/lib/workflow-threads.cjs', import.meta.url));
export const workerNodeArgs = ['--import', 'tsx', '--require', workflowThreadsPreload];

/**
 * The workflow code a Worker runs: bundled from `workflowsPath` by the Worker itself, or, with GONGQING_BUNDLE_CACHE set
 * (npm test sets it), a bundle made once per state of the sources and kept in that folder. A suite starts a hundred
 * workers and replayers; bundling each anew cost more than a minute of the suite's ten.
 */
export async function workflowCode(): Promise<
  { workflowsPath: string; bundlerOptions: { preloadModules: string[] } } | { workflowBundle: { codePath: string } }
> {
  const dir = process.env.GONGQING_BUNDLE_CACHE;
  const preloadModules = preloadedModules();
  if (!dir) return { workflowsPath, bundlerOptions: { preloadModules } };
  const codePath = join(dir, `workflows-${sourceDigest()}${preloadModules.includes(stackTracesOff) ? '' : '-stack-traces'}.js`);
  if (!existsSync(codePath)) {
    const { code } = await bundleWorkflowCode({ workflowsPath, preloadModules });
    mkdirSync(dir, { recursive: true });
    const tmp = `${codePath}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, codePath);
  }
  return { workflowBundle: { codePath } };
}

export async function createWorker(extra: Partial<WorkerOptions> = {}) {
  const db = createDb();
  const mail = transportFromEnv();
  const connection = await NativeConnection.connect({ address: temporalConfig.address });
  const worker = await Worker.create({
    connection,
    namespace: temporalConfig.namespace,
    taskQueue: temporalConfig.taskQueue,
    ...(await workflowCode()),
    // Payloads leave this process encrypted (names, phones, descriptions): Temporal's database never holds them in clear.
    dataConverter: gongqingDataConverter(),
    activities: createActivities({ db, sms: gatewayFromEnv() ?? undefined, links: workerLinksFromEnv(), mail }),
    ...temporalConfig.worker,
    ...extra,
  });
  const close = async () => {
    await connection.close();
    mail?.close();
    await db.destroy();
  };
  return { worker, close };
}

async function main() {
  const { worker, close } = await createWorker();
  // A missing font fails the document activities with the command to install it; it does not stop the worker.
  await warmDocuments().catch((err: Error) => console.warn(`[gongqing] documents not warmed: ${err.message}`));
  const hook = process.execArgv.includes(workflowThreadsPreload) && !stackTracesAsked() ? 'off' : 'on';
  console.log(`[gongqing] worker polling ${temporalConfig.taskQueue} at ${temporalConfig.address} (workflow threads' promise hook ${hook})`);
  try {
    await worker.run(); // returns after SIGINT/SIGTERM: the SDK installs those handlers and drains first
  } finally {
    await close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
