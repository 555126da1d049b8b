/**
 * A bound on the case starts one API process has in flight. Past what the engine and the worker take, a start waits
 * behind the others until its client gives up (measured: at 1.5× the sustainable rate, p95 9.3 s and hundreds of
 * timeouts); it is better told early to come back. A refused start has started nothing: the same submission sent again
 * (same idempotency key) is the same case, so nothing accepted is ever lost.
 *
 * Filings come in bursts (a shift ends, a lane of the bench sends its share of the second at once): a start that finds
 * the bound reached waits a moment, in turn, for one in flight to finish (bench/: at 36 req/s on 2 cores, with no
 * wait, a sixth of the filings were refused while the worker had room). The wait is short and so is the queue: past
 * either, the answer is 503 at once.
 */
import { HttpError } from '../errors';

const positive = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
};

const notNegative = (name: string, fallback: number) => {
  const raw = process.env[name];
  const v = Number(raw);
  return raw !== undefined && raw !== '' && Number.isInteger(v) && v >= 0 ? v : fallback;
};

export const startGateConfig = {
  /**
   * Starts in flight per API process. At the sustainable pace (about 25–35 cases/s on 2 cores, each answered in about a
   * second) some 25–35 are in flight; 32 keeps an accepted start's wait near a second.
   */
  get maxInFlight() { return positive('GONGQING_STARTS_IN_FLIGHT', 32); },
  /** how long a start past the bound waits for a place before it is refused (0: refused at once) */
  get maxWaitMs() { return notNegative('GONGQING_START_WAIT_MS', 1000); },
  /** at most this many wait at a time (as many as may be in flight); one more is refused at once */
  get maxWaiting() { return this.maxInFlight; },
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
/** Starts waiting for a place, oldest first; each is called with the place a finishing start hands over. */
const waiting: (() => void)[] = [];

const refusal = () => new OverloadedError(startGateConfig.retryAfterSeconds);

/** Refuses at once when neither a place nor a place in the queue is free (before a one-time code is used up). */
export function assertRoomToStart(): void {
  if (inFlight >= startGateConfig.maxInFlight && waiting.length >= startGateConfig.maxWaiting) throw refusal();
}

/** Takes a place, waiting for one in turn up to `maxWaitMs`; refuses with 503 if none comes. */
async function enter(): Promise<void> {
  if (inFlight < startGateConfig.maxInFlight && waiting.length === 0) {
    inFlight += 1;
    return;
  }
  const maxWaitMs = startGateConfig.maxWaitMs;
  if (maxWaitMs === 0 || waiting.length >= startGateConfig.maxWaiting) throw refusal();
  await new Promise<void>((resolve, reject) => {
    const handOver = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(handOver), 1);
      reject(refusal());
    }, maxWaitMs);
    waiting.push(handOver);
  });
}

/** Gives the place to the oldest waiting start, or frees it. */
function leave(): void {
  const next = waiting.shift();
  if (next) next();
  else inFlight -= 1;
}

/** Runs a start within the bound (waiting a moment for a place), or refuses it with 503 and nothing started. */
export async function withinStartGate<T>(start: () => Promise<T>): Promise<T> {
  await enter();
  try {
    return await start();
  } finally {
    leave();
  }
}

/** Starts in flight now, and starts waiting for a place (for the tests and the bench's report). */
export function startsInFlight(): number {
  return inFlight;
}

export function startsWaiting(): number {
  return waiting.length;
}
