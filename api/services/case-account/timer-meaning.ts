/**
 * What an engine timer is for. Timers carry no name (the workflow sets them with `condition(…, timeout)`), so each is
 * recognised by when it fires against what the case's policy and tasks say should happen then: a step's due time and
 * the rungs of its escalation ladder (workflows/shared/human-step.ts), the enterprise notice delay and the rating window
 * (workflows/grievance.ts), the end of the night's quiet hours for a reminder, a command waiting for the flow to settle.
 */
import type { EscalationRung, GrievancePolicy, MediationPolicy } from '../../../temporal.config';
import { quietDelay } from '../../../workflows/shared/quiet-hours';
import { rungLabel } from '../../../workflows/shared/rung-label';
import type { TaskRecord } from './case-records';
import type { EngineTimer } from './engine-facts';
import { span, toMs } from './format';
import type { WaitingItem } from './types';

export interface TimerMeaning {
  kind: WaitingItem['kind'] | 'command_wait';
  /** what the timer waits for, as a supervisor reads it */
  label: string;
  taskId?: string;
  /** the escalation rung the timer leads to (1 = the first, at or after the due time) */
  rung?: number;
}


/** The workflow clock is exact to the millisecond; a second of slack absorbs rounding of the timer's duration. */
const SLACK_MS = 1_500;
/** grievance.ts answers a command once the flow has reacted, or after this long at most. */
const COMMAND_SETTLE_MS = 10_000;

function near(a: number, b: number, slack = SLACK_MS): boolean {
  return Math.abs(a - b) <= slack;
}

/** The rung (1-based) of `task`'s ladder that a timer firing at `fireAt` wakes, if any. */
function rungOf(fireAt: number, task: TaskRecord, ladder: EscalationRung[]): number | undefined {
  let at = toMs(task.due_at);
  for (let i = 0; i < ladder.length; i++) {
    at += ladder[i].after;
    if (near(fireAt, at)) return i + 1;
  }
  return undefined;
}

/** A mediation's own waits (workflows/mediation/installments.ts): a payment's reminder, its due day, the grace after it. */
function installmentMeaning(t: EngineTimer, policy: Partial<MediationPolicy>): TimerMeaning | undefined {
  if (policy.installmentGrace !== undefined && near(t.durationMs, policy.installmentGrace)) {
    return { kind: 'other', label: `逾期付款宽限期（${span(policy.installmentGrace)}）届满，届时仍未付清则申请强制执行` };
  }
  const shanghai = new Date(t.fireAt + 8 * 3_600_000);
  if (shanghai.getUTCHours() === 23 && shanghai.getUTCMinutes() === 59) return { kind: 'other', label: `分期付款到期（${shanghai.toISOString().slice(0, 10)}）` };
  const due = new Date(t.fireAt + (policy.installmentReminderLead ?? 0) + 8 * 3_600_000);
  if (policy.installmentReminderLead && due.getUTCHours() === 23 && due.getUTCMinutes() === 59) {
    return { kind: 'other', label: `分期付款提醒（${due.toISOString().slice(0, 10)}到期前${span(policy.installmentReminderLead)}）` };
  }
  return undefined;
}

export function timerMeaning(t: EngineTimer, policy: Partial<GrievancePolicy & MediationPolicy>, tasks: TaskRecord[]): TimerMeaning {
  const ladder = policy.escalation ?? [];
  for (const task of tasks) {
    const rung = rungOf(t.fireAt, task, ladder);
    if (!rung) continue;
    const step = ladder[rung - 1];
    const label = rung === 1
      ? `“${task.title}”办理时限${step.after > 0 ? `后${span(step.after)}` : ''}，届时${rungLabel(step.notify)}`
      : `“${task.title}”第${rung}级督办：${rungLabel(step.notify)}`;
    return { kind: rung === 1 ? 'step_due' : 'escalation', label, taskId: task.task_id, rung };
  }
  const installment = installmentMeaning(t, policy);
  if (installment) return installment;
  if (policy.enterpriseNoticeDelay !== undefined && near(t.durationMs, policy.enterpriseNoticeDelay)) {
    return { kind: 'enterprise_notice', label: `企业工会主席通知（受理后${span(policy.enterpriseNoticeDelay)}）` };
  }
  if (policy.ratingWindow !== undefined && near(t.durationMs, policy.ratingWindow)) {
    return { kind: 'rating', label: `职工评价期限（${span(policy.ratingWindow)}），届时未评价则案件闭环办结` };
  }
  if (t.durationMs === COMMAND_SETTLE_MS) return { kind: 'command_wait', label: '等待流程处理完办理操作后答复（最多10秒）' };
  // A reminder due at night waits for the morning: its timer ends when the quiet hours do (within a minute of slack
  // for the rung's own writes before it).
  const quiet = quietDelay(t.startedAt, policy.quietHours);
  if (quiet > 0 && near(quiet, t.durationMs, 60_000)) return { kind: 'quiet_hours', label: '夜间免打扰结束，届时发送督办短信' };
  return { kind: 'other', label: `计时${span(t.durationMs)}（用途未能识别）` };
}
