/**
 * A bound on the case starts one API process has in flight. Past what the engine and the worker take, a start waits
 * behind the others until its client gives up (measured: at 1.5× the sustainable rate, p95 9.3 s and hundreds of
 * timeouts); it is better told at once to come back. A refused start has started nothing: the same submission sent
 * again (same idempotency key) is the same case, so nothing accepted is ever lost.
 */
import { HttpError } from '../errors';

const positive = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

export const startGateConfig = {
  /**
   * Starts in flight per API process. At the sustainable pace (about 25 cases/s on 2 cores, each answered in about a
   * second) some 25 are in flight; 32 leaves room for bursts and keeps an accepted start's wait near a second.
   */
  get maxInFlight() { return positive('GONGQING_STARTS_IN_FLIGHT', 32); },
  /** what Retry-After tells a refused client, in seconds */
  get retryAfterSeconds() { return positive('GONGQING_RETRY_AFTER_SECONDS', 2); },
};

/** 503 with Retry-After: the error handler sets the header from `retryAfterSeconds`. */
export class OverloadedError extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(503, `提交的人较多，系统繁忙，请${retryAfterSeconds}秒后重试（已填写的内容不会重复登记）`, 'OVERLOADED');
  }
}

let inFlight = 0;

/** Refuses at once when the process is at its bound (before a one-time code is used up on a start that cannot run). */
export function assertRoomToStart(): void {
  if (inFlight >= startGateConfig.maxInFlight) throw new OverloadedError(startGateConfig.retryAfterSeconds);
}

/** Runs a start within the bound, or refuses it with 503 and nothing started. */
export async function withinStartGate<T>(start: () => Promise<T>): Promise<T> {
  assertRoomToStart();
  inFlight += 1;
  try {
    return await start();
  } finally {
    inFlight -= 1;
  }
}

/** Starts in flight now (for the tests and the bench's report). */
export function startsInFlight(): number {
  return inFlight;
}
