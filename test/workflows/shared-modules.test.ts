/**
 * The worker shares the modules of workflows/ between the cases of a thread (worker.ts, preloadModules). A case that
 * rests in the cache while another runs must find its own state when it wakes: module-level state is then one
 * variable for both, the execution's state (workflows/shared/execution-state.ts) is its own.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goSignal, nameQuery } from '../helpers/workflows/execution-state';
import { createTimeSkippingEnv } from '../helpers/time-skipping';

const workflowsPath = fileURLToPath(new URL('../helpers/workflows/execution-state.ts', import.meta.url));
const taskQueue = `gq-test-shared-modules-${randomBytes(4).toString('hex')}`;
let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;

beforeAll(async () => {
  env = await createTimeSkippingEnv({ encrypted: false });
  // As worker.ts bundles workflows/: the workflows' module preloaded, so every case on the thread shares it.
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath, bundlerOptions: { preloadModules: [workflowsPath] } });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running?.catch(() => undefined);
  await env?.teardown();
});

describe('two cases on one thread of a worker that shares its modules', () => {
  it('keep their own execution state while a module-level variable is the last one written', async () => {
    const start = async (name: string) => {
      const handle = await env.client.workflow.start('remembersItsName', { taskQueue, workflowId: `${taskQueue}-${name}`, args: [name] });
      // Answered once the first task ran: the case has set its state and rests in the cache.
      expect(await handle.query(nameQuery)).toBe(name);
      return handle;
    };
    const first = await start('甲');
    const second = await start('乙');
    await first.signal(goSignal);
    await second.signal(goSignal);
    expect(await first.result()).toEqual({ own: '甲', moduleLevel: '乙' });
    expect(await second.result()).toEqual({ own: '乙', moduleLevel: '乙' });
  }, 60_000);
});
