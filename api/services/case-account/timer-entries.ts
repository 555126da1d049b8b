/**
 * The engine's timers in the account: the two that no task tells (the enterprise notice delay, the rating window) as
 * entries of the story, and every timer still waiting, with what it waits for, as the case's "waiting" list. Sends the
 * engine is still retrying are waiting too.
 */
import type { GrievancePolicy } from '../../../temporal.config';
import type { TaskRecord } from './case-records';
import type { EngineFacts, EngineTimer } from './engine-facts';
import { failureText } from './failure-text';
import { when } from './format';
import { timerMeaning, type TimerMeaning } from './timer-meaning';
import type { AccountEntry, WaitingItem } from './types';

export interface MeantTimer extends EngineTimer {
  meaning: TimerMeaning;
}

export function meantTimers(facts: EngineFacts, policy: GrievancePolicy, tasks: TaskRecord[]): MeantTimer[] {
  return facts.timers.map((t) => ({ ...t, meaning: timerMeaning(t, policy, tasks) }));
}

function fate(t: MeantTimer): string {
  if (t.state === 'fired') return `${when(t.endedAt!)} 计时到期`;
  if (t.state === 'canceled') {
    const why = t.meaning.kind === 'enterprise_notice' ? '（提前通知、职工撤回或案件办结）' : t.meaning.kind === 'rating' ? '（职工已评价）' : '';
    return `${when(t.endedAt!)} 计时提前结束${why}`;
  }
  return '仍在计时';
}

export function timerEntries(timers: MeantTimer[]): AccountEntry[] {
  return timers.filter((t) => t.meaning.kind === 'enterprise_notice' || t.meaning.kind === 'rating').map((t) => ({
    at: new Date(t.startedAt).toISOString(), when: when(t.startedAt), kind: 'timer' as const,
    text: t.meaning.kind === 'enterprise_notice'
      ? `开始计时：${t.meaning.label}，预计 ${when(t.fireAt)} 短信通知企业工会主席`
      : `开始计时：${t.meaning.label}，期限至 ${when(t.fireAt)}`,
    details: [fate(t)],
  }));
}

export function waitingItems(timers: MeantTimer[], facts: EngineFacts): WaitingItem[] {
  const items: WaitingItem[] = timers
    .filter((t) => t.state === 'pending' && t.meaning.kind !== 'command_wait')
    .map((t) => ({ at: new Date(t.fireAt).toISOString(), when: when(t.fireAt), kind: t.meaning.kind as WaitingItem['kind'], text: t.meaning.label }));
  for (const s of facts.sends) {
    if (s.state !== 'pending' || s.attempt <= 1) continue;
    const at = s.nextAttemptAt ?? Date.now();
    const failure = s.lastFailure ? `，上次失败：${failureText(s.lastFailure)}` : '';
    items.push({ at: new Date(at).toISOString(), when: when(at), kind: 'sms_retry', text: `短信发送重试（已失败${s.attempt - 1}次${failure}）` });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}
