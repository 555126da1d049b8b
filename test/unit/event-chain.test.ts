import { describe, expect, it } from 'vitest';
import { canonicalEvent, eventHash, GENESIS_HASH, type ChainedEvent } from '../../db/event-chain';

const event: ChainedEvent = {
  case_no: 'GQ0000000001', event_key: 'grievance-GQ0000000001#3', seq: 3, type: 'complainant_contacted',
  actor: '北山街道社工', actor_role: 'street_caseworker', summary: '已电话联系职工',
  data: { note: '电话联系', task: { id: 't1', due: '2026-01-05T02:00:00.000Z' }, tags: [{ b: 1, a: 2 }] },
  at: '2026-01-05T02:00:00.000Z',
};

describe('canonical form of a case event', () => {
  it('sorts keys at every depth, as jsonb hands them back in its own order', () => {
    const reordered: ChainedEvent = {
      ...event,
      data: { tags: [{ a: 2, b: 1 }], task: { due: '2026-01-05T02:00:00.000Z', id: 't1' }, note: '电话联系' },
    };
    expect(canonicalEvent(reordered)).toBe(canonicalEvent(event));
    expect(eventHash(GENESIS_HASH, reordered)).toBe(eventHash(GENESIS_HASH, event));
    expect(canonicalEvent(event)).toMatch(/^\{"actor":.*"tags":\[\{"a":2,"b":1\}\],"task":\{"due":/);
  });

  it('gives the same hash for the same instant written as a Date, in UTC or with an offset', () => {
    const h = eventHash(GENESIS_HASH, event);
    expect(eventHash(GENESIS_HASH, { ...event, at: new Date('2026-01-05T02:00:00Z') })).toBe(h);
    expect(eventHash(GENESIS_HASH, { ...event, at: '2026-01-05T10:00:00+08:00' })).toBe(h);
    expect(eventHash(GENESIS_HASH, { ...event, at: '2026-01-05T02:00:00.001Z' })).not.toBe(h);
  });

  it('treats data as it comes back from jsonb: undefined members vanish', () => {
    const withUndefined = { ...event, data: { ...(event.data as object), gone: undefined } };
    expect(eventHash(GENESIS_HASH, withUndefined)).toBe(eventHash(GENESIS_HASH, event));
  });

  it('changes the hash when any field changes', () => {
    const h = eventHash(GENESIS_HASH, event);
    const changes: Partial<ChainedEvent>[] = [
      { case_no: 'GQ0000000002' }, { event_key: 'grievance-GQ0000000001#4' }, { seq: 4 }, { type: 'filed' },
      { actor: '西溪街道社工' }, { actor_role: 'street_chair' }, { summary: '已电话联系职工。' },
      { data: { ...(event.data as object), note: '电话联系了' } }, { data: {} }, { at: '2026-01-05T02:00:01.000Z' },
    ];
    const hashes = changes.map((c) => eventHash(GENESIS_HASH, { ...event, ...c }));
    for (const other of hashes) expect(other).not.toBe(h);
    expect(new Set(hashes).size).toBe(changes.length);
  });

  it('links each hash to the one before it', () => {
    const h = eventHash(GENESIS_HASH, event);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(eventHash('f'.repeat(64), event)).not.toBe(h);
  });
});
