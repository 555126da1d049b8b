/**
 * The bench's worker for the noop workflow: its own task queue, but the same Temporal settings as worker.ts
 * (temporalConfig.worker, i.e. the same GONGQING_* env, and its preloaded modules) and the same payload codec (every
 * client and worker of Gongqing encrypts its payloads, and the bench's noop client does too), so the limit it shows
 * applies to the real worker. It also runs the shape floor (bench/workflows/shape-floor.ts), whose local activity does
 * nothing; without ordinary activities it polls for workflow tasks only, as it always did.
 */
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { gongqingDataConverter } from '../activities/codec/data-converter';
import { temporalConfig } from '../temporal.config';
import { preloadedModules } from '../worker';
import { NOOP_TASK_QUEUE } from './lib/config';

const noopWorkflows = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

async function main() {
  const connection = await NativeConnection.connect({ address: temporalConfig.address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: temporalConfig.namespace,
      taskQueue: NOOP_TASK_QUEUE,
      workflowsPath: noopWorkflows,
      // As the case worker: modules once per thread, workflow stack traces without frames unless asked for.
      bundlerOptions: { preloadModules: preloadedModules(noopWorkflows) },
      dataConverter: gongqingDataConverter(),
      activities: { touch: async () => undefined },
      ...temporalConfig.worker,
      enableNonLocalActivities: false,
    });
    console.log(`[gongqing-bench] noop worker polling ${NOOP_TASK_QUEUE} at ${temporalConfig.address}`);
    await worker.run(); // returns after SIGTERM/SIGINT, once drained
  } finally {
    await connection.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
