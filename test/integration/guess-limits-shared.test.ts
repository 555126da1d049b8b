/**
 * The guess limits behind a load balancer (npm run start:cluster): two API instances on one Postgres draw on one count
 * per key, so a client that spreads its tries over both still gets only N, even when it sends them all at once; and a
 * window that has ended starts afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/server';
import { countGuess } from '../../api/security/guess-count-store';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';

let sys: System;
let second: FastifyInstance;
let one: ReturnType<typeof apiClient>;
let two: ReturnType<typeof apiClient>;

beforeAll(async () => {
  sys = await startSystem('sharedguesses');
  // A second instance of the app: its own process state, the same database (what the balancer's two instances share).
  second = await buildApp({ db: sys.db, temporal: sys.temporal, logger: { level: 'error' } });
  await second.listen({ port: 0, host: '127.0.0.1' });
  const address = second.server.address();
  one = apiClient(sys.baseUrl);
  two = apiClient(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});

afterAll(async () => {
  await second?.close();
  await sys?.stop();
});

describe('guess limits shared by two API instances', () => {
  it('allows 10 password tries for one account in all, however they are spread over the two', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await (i % 2 ? two : one).call('POST', '/api/v1/sessions', { username: 'cuiyuan.sg', password: `guess-${i}` });
      expect(r.status).toBe(401);
    }
    for (const api of [one, two]) {
      const r = await api.call('POST', '/api/v1/sessions', { username: 'cuiyuan.sg', password: 'gongqing2026' });
      expect(r).toMatchObject({ status: 429, body: { error: 'TOO_MANY_ATTEMPTS' } });
    }
    // another account is not affected, on either instance
    expect(await two.login('xixi.sg')).toEqual(expect.any(String));
  });

  it('counts tries sent at once to both instances one by one: exactly 30 code tries for a case get an answer', async () => {
    const wrong = { caseNo: 'GQ00000000AB', phone: '13800000000', code: '000000' };
    const answers = await Promise.all(Array.from({ length: 44 }, (_, i) => (i % 2 ? two : one).call('POST', '/api/v1/worker-sessions', wrong)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 422)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(14);
  });

  it('starts a window afresh once it has ended, and says how long is left of a live one', async () => {
    const key = `test|${Date.now()}`;
    expect(await countGuess(sys.db, key, 200)).toMatchObject({ current: 1 });
    const live = await countGuess(sys.db, key, 200);
    expect(live.current).toBe(2);
    expect(live.ttl).toBeGreaterThan(0);
    expect(live.ttl).toBeLessThanOrEqual(200);
    await new Promise((r) => setTimeout(r, 250));
    expect(await countGuess(sys.db, key, 200)).toMatchObject({ current: 1 });
  });
});
