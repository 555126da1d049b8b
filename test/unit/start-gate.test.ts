/**
 * The bound on starts in flight (api/services/start-gate.ts): a start past it waits, in turn, for a place a finishing
 * start hands over; past the wait, or with the queue full, it is refused with 503 and never runs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OverloadedError, startsInFlight, startsWaiting, withinStartGate } from '../../api/services/start-gate';

const settings = (inFlight: number, waitMs: number) => {
  process.env.GONGQING_STARTS_IN_FLIGHT = String(inFlight);
  process.env.GONGQING_START_WAIT_MS = String(waitMs);
};

afterEach(() => {
  delete process.env.GONGQING_STARTS_IN_FLIGHT;
  delete process.env.GONGQING_START_WAIT_MS;
});

/** A start that runs until released, and says whether it ever began. */
function heldStart() {
  let release = () => {};
  const s = { began: false, release: () => release() };
  const run = () => new Promise<string>((resolve) => {
    s.began = true;
    release = () => resolve('done');
  });
  return { s, run };
}

/** Lets the gate's promise callbacks run (no time passes). */
const settle = () => new Promise<void>((r) => setImmediate(r));

describe('the start gate', () => {
  it('lets a start past the bound wait for a place, and gives places in the order the starts came', async () => {
    settings(2, 60_000);
    const [a, b, c, d] = [heldStart(), heldStart(), heldStart(), heldStart()];
    const runs = [a, b, c, d].map((h) => withinStartGate(h.run));
    await settle();
    expect([a, b, c, d].map((h) => h.s.began)).toEqual([true, true, false, false]);
    expect([startsInFlight(), startsWaiting()]).toEqual([2, 2]);

    a.s.release();
    expect(await runs[0]).toBe('done');
    await settle();
    expect([c.s.began, d.s.began]).toEqual([true, false]);
    expect([startsInFlight(), startsWaiting()]).toEqual([2, 1]);
    b.s.release();
    await runs[1];
    await settle();
    expect(d.s.began).toBe(true);
    c.s.release();
    d.s.release();
    await Promise.all(runs);
    expect([startsInFlight(), startsWaiting()]).toEqual([0, 0]);
  });

  it('refuses a start with 503 once it has waited its time, and never runs it', async () => {
    settings(1, 50);
    const a = heldStart();
    const b = heldStart();
    const first = withinStartGate(a.run);
    const refused = withinStartGate(b.run).catch((err: unknown) => err);
    const err = await refused;
    expect(err).toBeInstanceOf(OverloadedError);
    expect((err as OverloadedError).statusCode).toBe(503);
    expect(b.s.began).toBe(false);
    expect([startsInFlight(), startsWaiting()]).toEqual([1, 0]);
    a.s.release();
    await first;
    expect(startsInFlight()).toBe(0);
  });

  it('refuses at once when as many wait as may be in flight, or when no wait is allowed', async () => {
    settings(1, 60_000);
    const a = heldStart();
    const b = heldStart();
    const c = heldStart();
    const first = withinStartGate(a.run);
    const second = withinStartGate(b.run);
    // A minute's wait is allowed, so only the full queue can answer this one before the test's own timeout.
    await expect(withinStartGate(c.run)).rejects.toBeInstanceOf(OverloadedError);
    expect(c.s.began).toBe(false);
    a.s.release();
    await first;
    await settle();
    b.s.release();
    await second;

    settings(1, 0);
    const d = heldStart();
    const e = heldStart();
    const held = withinStartGate(d.run);
    await expect(withinStartGate(e.run)).rejects.toBeInstanceOf(OverloadedError);
    expect(e.s.began).toBe(false);
    d.s.release();
    await held;
    expect([startsInFlight(), startsWaiting()]).toEqual([0, 0]);
  });
});
