import { readdirSync, readFileSync } from 'node:fs';
import proto from '@temporalio/proto';

const { temporal } = proto; // a CommonJS package: named ESM imports don't resolve
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowCode } from '../../worker';

const dir = new URL('./histories/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('replay of recorded histories (determinism across versions)', () => {
  it('has recorded histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('replays %s without a determinism error', async (file) => {
    const { workflowId, base64 } = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
    const history = temporal.api.history.v1.History.decode(Buffer.from(base64, 'base64'));
    expect(history.events.length).toBeGreaterThan(10);
    await Worker.runReplayHistory(await workflowCode(), history, workflowId);
  });
});
