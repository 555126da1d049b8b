import { describe, expect, it } from 'vitest';
import { createPersistThenFanOut } from '../../activities/sms/fan-out-after-transition';
import type { SmsFanOut, Transition } from '../../activities/types';

const transition: Transition = { caseNo: 'GQ-1', at: '2026-12-07T00:00:00.000Z', events: [] };
const fanOut: SmsFanOut = { posts: [], message: { keyPrefix: 'k', caseNo: 'GQ-1', template: 'intake-notice', vars: {} }, direct: [] };

describe('the new case and its texts in one local activity', () => {
  it('writes the transition before it sends, and returns what the fan-out reported', async () => {
    const order: string[] = [];
    const act = createPersistThenFanOut(
      async () => { order.push('persist'); },
      async () => { order.push('send'); return { rejected: [{ key: 'k:worker', role: 'worker', name: '职工', reason: 'HTTP 400' }] }; },
    );
    expect(await act({ transition, fanOut })).toEqual({ sent: { rejected: [{ key: 'k:worker', role: 'worker', name: '职工', reason: 'HTTP 400' }] } });
    expect(order).toEqual(['persist', 'send']);
  });

  it('sends nothing and fails when the transition cannot be written, so the whole activity is retried', async () => {
    let sent = 0;
    const act = createPersistThenFanOut(async () => { throw new Error('connection refused'); }, async () => { sent += 1; return { rejected: [] }; });
    await expect(act({ transition, fanOut })).rejects.toThrow('connection refused');
    expect(sent).toBe(0);
  });

  it('reports a gateway that failed, with the transition written, for the retrying activity to take over', async () => {
    let persisted = 0;
    const act = createPersistThenFanOut(async () => { persisted += 1; }, async () => { throw new Error('gateway HTTP 503'); });
    expect(await act({ transition, fanOut })).toEqual({ failed: 'gateway HTTP 503' });
    expect(persisted).toBe(1);
  });

  it('gives up on a gateway that does not answer within its time, in zh-CN', async () => {
    const act = createPersistThenFanOut(async () => {}, () => new Promise(() => {}), 50);
    const t0 = performance.now();
    const r = await act({ transition, fanOut });
    expect(r).toEqual({ failed: '短信网关在 0.05 秒内未应答' });
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
