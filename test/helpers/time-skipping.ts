import { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll } from 'vitest';
import { Worker } from '@temporalio/worker';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { workflowCode } from '../../worker';
import { RecordingActivities } from './recording-activities';

/**
 * One time-skipping server (Temporal's Java test server, built by scripts/lib/test-server.sh) per test file: the JVM
 * takes seconds to start, so files share it across their tests and always tear it down in afterAll.
 */
export async function createTimeSkippingEnv({ encrypted = true } = {}): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER;
  if (!path) throw new Error('TEMPORAL_TEST_SERVER is not set: run the tests through `npm test` (scripts/test.sh)');
  // The same payload encryption as the worker and the API (keys from scripts/test.sh's data/keys-test.json); recorded
  // histories are kept unencrypted, since each machine makes keys of its own.
  const options = { server: { executable: { type: 'existing-path' as const, path } }, ...(encrypted ? { client: { dataConverter: gongqingDataConverter() } } : {}) };
  // The SDK gives the JVM a fixed 5 s to listen; on two busy cores that is sometimes too short, so try again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping(options);
    } catch (err) {
      if (attempt >= 3 || !/did not start within/.test(String((err as Error).message))) throw err;
      console.warn(`[time-skipping] test server slow to start (attempt ${attempt}); starting another`);
    }
  }
}

/** Polls in real time: an activity finishes a moment after the timer that started it. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A time-skipping server plus a worker with recording activities on `taskQueue`, for one test file. */
export async function startRecordingWorker(taskQueue: string) {
  const env = await createTimeSkippingEnv();
  const rec = new RecordingActivities();
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  try {
    worker = await Worker.create({ connection: env.nativeConnection, taskQueue, ...(await workflowCode()), activities: rec.build(), dataConverter: gongqingDataConverter() });
    running = worker.run();
  } catch (err) {
    await env.teardown();
    throw err;
  }
  return {
    env, rec,
    async stop() {
      worker?.shutdown();
      await running?.catch(() => undefined);
      await env.teardown();
    },
  };
}

/** startRecordingWorker for the whole file: started in beforeAll, always torn down in afterAll (no orphaned JVM). */
export function useRecordingWorker(taskQueue: string) {
  const ctx = {} as { env: TestWorkflowEnvironment; rec: RecordingActivities };
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await startRecordingWorker(taskQueue);
    Object.assign(ctx, { env: started.env, rec: started.rec });
    stop = started.stop;
  });
  afterAll(async () => {
    await stop?.();
  });
  return ctx;
}
