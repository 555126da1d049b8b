/**
 * The workflow code of an older commit, unpacked to run beside this checkout's: a Worker given its `workflowsPath`
 * runs the cases the way that deployment did (same SDK, this checkout's node_modules), so a test can start a case on the
 * old code and finish it on the new one. The tree goes to the OS temp dir, where neither tsc nor vitest looks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Payload } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { afterAll, beforeAll } from 'vitest';
import { defaultPayloadConverter } from '@temporalio/common';
import { codecFor } from '../../activities/codec/data-converter';
import { keyRingFromEnv } from '../../activities/codec/key-ring';
import { createTimeSkippingEnv } from './time-skipping';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface OldWorkflowTree {
  commit: string;
  dir: string;
  /** `<dir>/workflows/index.ts`, for Worker.create */
  workflowsPath: string;
  remove(): void;
}

/** What a workflow bundle of `ref` needs: its workflows and what they import (types of activities/, temporal.config.ts). */
export function unpackWorkflowsAt(ref: string, paths = ['workflows', 'activities', 'temporal.config.ts']): OldWorkflowTree {
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    throw new Error(`commit ${ref} is not in this checkout (a shallow clone? fetch it with \`git fetch --unshallow\`)`);
  }
  const dir = mkdtempSync(join(tmpdir(), `gongqing-${commit.slice(0, 7)}-`));
  try {
    const tar = execFileSync('git', ['archive', '--format=tar', commit, ...paths], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    // The bundler resolves @temporalio/workflow and friends from here: the same SDK the old deployment ran.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const workflowsPath = join(dir, 'workflows', 'index.ts');
  if (!existsSync(workflowsPath)) throw new Error(`${ref} has no workflows/index.ts`);
  return { commit, dir, workflowsPath, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A payload as stored in a history, read back: clear (what a client or worker without the data converter wrote) or
 * encrypted with this checkout's keys. `encrypted` tells which.
 */
export async function readPayload(payload: Payload): Promise<{ value: unknown; encrypted: boolean }> {
  const encoding = Buffer.from(payload.metadata?.encoding ?? new Uint8Array()).toString('utf8');
  const [clear] = await codecFor(keyRingFromEnv()).decode([payload]);
  return { value: defaultPayloadConverter.fromPayload(clear), encrypted: encoding === 'binary/encrypted' };
}

/**
 * For a test file that runs a case on an older commit's workflows and then on today's: the older tree unpacked and a
 * time-skipping server in beforeAll; every worker the file ran, the server and the tree removed in afterAll.
 */
export function useUpgrade(ref: string) {
  const ctx = {} as { env: TestWorkflowEnvironment; tree: OldWorkflowTree };
  const workers: { worker: Worker; running: Promise<void> }[] = [];
  beforeAll(async () => {
    ctx.tree = unpackWorkflowsAt(ref);
    ctx.env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    for (const { worker, running } of workers) {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
    }
    await ctx.env?.teardown();
    ctx.tree?.remove();
  });
  /** Runs a worker until the returned function stops it. */
  const runWorker = async (worker: Worker) => {
    const w = { worker, running: worker.run() };
    workers.push(w);
    return async () => {
      worker.shutdown();
      await w.running;
    };
  };
  return { ctx, runWorker };
}
