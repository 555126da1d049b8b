/**
 * What an engine timer is for. Timers carry no name (the workflow sets them with `condition(…, timeout)`), so each is
 * recognised by when it fires against what the case's policy and tasks say should happen then. The core knows what
 * every kind has: a step's due time and the rungs of its escalation ladder (workflows/shared/human-step.ts), a command
 * waiting for the flow to settle (workflows/shared/case-runner.ts), the end of the night's quiet hours for a reminder.
 * Anything else is the kind's own wait, named by its registry entry (workflows/kinds/<kind>/account.ts).
 */
import type { EscalationRung } from '../../../temporal.config';
import type { EngineTimer, KindAccount, KindTimerMeaning } from '../../../workflows/kinds/account-spec';
import { near } from '../../../workflows/kinds/account-spec';
import { quietDelay, type QuietHours } from '../../../workflows/shared/quiet-hours';
import { rungLabel } from '../../../workflows/shared/rung-label';
import type { TaskRecord } from './case-records';
import { span, toMs } from './format';

export interface TimerMeaning extends KindTimerMeaning {
  /** what every kind's timers wait for (types.ts CoreWaitingKind), 'command_wait', or the kind's own word */
  kind: string;
  taskId?: string;
  /** the escalation rung the timer leads to (1 = the first, at or after the due time) */
  rung?: number;
}

/** What the core reads of any kind's policy: the steps' ladder and the quiet hours; the rest is the kind's. */
export type AccountPolicy = Readonly<Record<string, unknown>> & { escalation?: EscalationRung[]; quietHours?: QuietHours | null };

/** case-runner.ts answers a command once the flow has reacted, or after this long at most. */
const COMMAND_SETTLE_MS = 10_000;

/** The rung (1-based) of `task`'s ladder that a timer firing at `fireAt` wakes, if any. */
function rungOf(fireAt: number, task: TaskRecord, ladder: EscalationRung[]): number | undefined {
  let at = toMs(task.due_at);
  for (let i = 0; i < ladder.length; i++) {
    at += ladder[i].after;
    if (near(fireAt, at)) return i + 1;
  }
  return undefined;
}

export function timerMeaning(t: EngineTimer, policy: AccountPolicy, tasks: TaskRecord[], account: KindAccount = {}): TimerMeaning {
  const ladder = policy.escalation ?? [];
  for (const task of tasks) {
    const rung = rungOf(t.fireAt, task, ladder);
    if (!rung) continue;
    const step = ladder[rung - 1];
    const label = rung === 1
      ? `“${task.title}”办理时限${step.after > 0 ? `后${span(step.after)}` : ''}，届时${rungLabel(step.notify)}`
      : `“${task.title}”第${rung}级督办：${rungLabel(step.notify)}`;
    return { kind: rung === 1 ? 'step_due' : 'escalation', label, deadline: true, taskId: task.task_id, rung };
  }
  const own = account.timerMeaning?.(t, policy);
  if (own) return own;
  if (t.durationMs === COMMAND_SETTLE_MS) return { kind: 'command_wait', label: '等待流程处理完办理操作后答复（最多10秒）' };
  // A reminder due at night waits for the morning: its timer ends when the quiet hours do (within a minute of slack
  // for the rung's own writes before it).
  const quiet = quietDelay(t.startedAt, policy.quietHours);
  if (quiet > 0 && near(quiet, t.durationMs, 60_000)) return { kind: 'quiet_hours', label: '夜间免打扰结束，届时发送督办短信' };
  return { kind: 'other', label: `计时${span(t.durationMs)}（用途未能识别）` };
}
