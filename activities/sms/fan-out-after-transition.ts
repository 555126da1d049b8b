import type { FanOutAfterTransition, SmsBatchResult, SmsFanOut, Transition, TransitionThenFanOut } from '../types';

/** As long as the fan-out's own first try as a local activity was allowed (workflows/shared/case-host.ts). */
export const FAN_OUT_TRY_MS = 3_000;

/**
 * A new case's row and its intake texts in one local activity (issue 24): the texts were a second local activity of
 * the case's first task, and each local activity costs the worker an activation and the task a marker. The transition
 * is written first, so no text names a case that does not exist; a failure to write it fails the activity (and is
 * retried, idempotent as always). The texts are then tried once, within FAN_OUT_TRY_MS: a gateway slow or down leaves
 * the transition written and reports why, and the workflow hands the batch to the retrying activity, whose outbox keys
 * keep anyone from being texted twice (also by a try that goes on after its time ran out).
 */
export function createPersistThenFanOut(
  persistTransition: (t: Transition) => Promise<void>,
  sendSmsFanOut: (f: SmsFanOut) => Promise<SmsBatchResult>,
  tryMs = FAN_OUT_TRY_MS,
  /**
   * a new case and its texts in one statement where it can (texts-with-the-case.ts), giving the texts' delivery still to
   * do; else (null) the transition, then the fan-out
   */
  createWithTexts?: (t: Transition, f: SmsFanOut) => Promise<(() => Promise<SmsBatchResult>) | null>,
) {
  return async function persistThenFanOut({ transition, fanOut }: TransitionThenFanOut): Promise<FanOutAfterTransition> {
    const deliverWritten = createWithTexts ? await createWithTexts(transition, fanOut) : null;
    if (!deliverWritten) await persistTransition(transition);
    let timer: NodeJS.Timeout | undefined;
    const timeUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`短信网关在 ${tryMs / 1000} 秒内未应答`)), tryMs);
    });
    try {
      return { sent: await Promise.race([deliverWritten ? deliverWritten() : sendSmsFanOut(fanOut), timeUp]) };
    } catch (err) {
      return { failed: String((err as Error)?.message ?? err).slice(0, 500) };
    } finally {
      clearTimeout(timer);
    }
  };
}
