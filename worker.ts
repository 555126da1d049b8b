/** The worker process: runs every case workflow and its activities on the task queue of temporal.config.ts. */
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from './activities';
import { gongqingDataConverter } from './activities/codec/data-converter';
import { transportFromEnv } from './activities/email/transport';
import { workerLinksFromEnv } from './activities/secrets/worker-link';
import { gatewayFromEnv } from './activities/sms/http-gateway';
import { createDb } from './db/connection';
import { temporalConfig } from './temporal.config';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export async function createWorker(extra: Partial<WorkerOptions> = {}) {
  const db = createDb();
  const mail = transportFromEnv();
  const connection = await NativeConnection.connect({ address: temporalConfig.address });
  const worker = await Worker.create({
    connection,
    namespace: temporalConfig.namespace,
    taskQueue: temporalConfig.taskQueue,
    workflowsPath,
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
  console.log(`[gongqing] worker polling ${temporalConfig.taskQueue} at ${temporalConfig.address}`);
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
