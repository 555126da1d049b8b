import { Context } from '@temporalio/activity';

/**
 * Heartbeats every 5 s while `work` runs (a slow gateway, an SMTP server reading large attachments), so the attempt of
 * a worker that died is taken over after the heartbeat timeout rather than the whole start-to-close timeout. No beat
 * at the start: most calls finish within the first interval, and each heartbeat is a write on the Temporal server.
 */
export async function heartbeatWhile<T>(work: Promise<T>): Promise<T> {
  let ctx: Context;
  try {
    ctx = Context.current();
  } catch {
    return work; // called outside an activity (a script, a test)
  }
  const beat = setInterval(() => ctx.heartbeat(), 5_000);
  try {
    return await work;
  } finally {
    clearInterval(beat);
  }
}
