/**
 * scripts/lib/workflow-threads.cjs, preloaded into the worker process as the scripts start it (worker.ts,
 * workerNodeArgs): in a thread other than the main one, the SDK's promise hook (init and settled) is not installed; a
 * hook of any other shape is, and so is every hook on the main thread, and the SDK's too when stack traces are asked for.
 * Each case runs in a Node process of its own, started with the same flags, counting the calls its hooks get.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerNodeArgs, workflowThreadsPreload } from '../../worker';

/** Hooks made on the main thread and in a worker thread; how many init calls each got while promises were made. */
const probe = `
const { Worker, isMainThread, parentPort } = require('node:worker_threads');
const v8 = require('node:v8');
function count() {
  const calls = { sdkShaped: 0, other: 0 };
  const stopSdk = v8.promiseHooks.createHook({ init() { calls.sdkShaped++; }, settled() {} });
  const stopOther = v8.promiseHooks.createHook({ init() { calls.other++; } });
  for (let i = 0; i < 10; i++) Promise.resolve(i).then(() => undefined);
  stopSdk();
  stopOther();
  return calls;
}
if (isMainThread) {
  const main = count();
  const w = new Worker(__filename);
  w.once('message', (thread) => { console.log(JSON.stringify({ main, thread })); });
} else {
  parentPort.postMessage(count());
}
`;

function run(env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gq-preload-'));
  try {
    const file = join(dir, 'probe.cjs');
    writeFileSync(file, probe);
    // The preload alone, without tsx: the probe is plain CommonJS.
    const out = execFileSync(process.execPath, ['--require', workflowThreadsPreload, file], { env: { ...process.env, GONGQING_WORKFLOW_STACK_TRACES: '', ...env } });
    return parse(out.toString());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parse(out: string) {
  return JSON.parse(out) as { main: { sdkShaped: number; other: number }; thread: { sdkShaped: number; other: number } };
}

describe('the workflow threads preload', () => {
  it('keeps the SDK-shaped promise hook out of worker threads only', () => {
    const { main, thread } = run();
    expect(thread.sdkShaped).toBe(0);
    expect(thread.other).toBeGreaterThanOrEqual(10);
    expect(main.sdkShaped).toBeGreaterThanOrEqual(10);
    expect(main.other).toBeGreaterThanOrEqual(10);
  });

  it('leaves the hook in when workflow stack traces are asked for', () => {
    const { thread } = run({ GONGQING_WORKFLOW_STACK_TRACES: '1' });
    expect(thread.sdkShaped).toBeGreaterThanOrEqual(10);
  });

  it('is what worker.ts is started with', () => {
    expect(workerNodeArgs).toEqual(['--import', 'tsx', '--require', workflowThreadsPreload]);
    expect(workflowThreadsPreload).toMatch(/scripts\/lib\/workflow-threads\.cjs$/);
  });
});
