/**
 * The engine's timers in the account: the kind's waits that no task tells (the grievance's enterprise notice delay and
 * rating window: those its registry entry gives a story) as entries of the story, and every timer still waiting, with
 * what it waits for, as the case's "waiting" list. Sends the engine is still retrying are waiting too.
 */
import type { KindAccount } from '../../../workflows/kinds/account-spec';
import type { TaskRecord } from './case-records';
import type { EngineFacts, EngineTimer } from './engine-facts';
import { failureText } from './failure-text';
import { when } from './format';
import { timerMeaning, type AccountPolicy, type TimerMeaning } from './timer-meaning';
import type { AccountEntry, WaitingItem } from './types';

export interface MeantTimer extends EngineTimer {
  meaning: TimerMeaning;
}

export function meantTimers(facts: EngineFacts, policy: AccountPolicy, tasks: TaskRecord[], account?: KindAccount): MeantTimer[] {
  return facts.timers.map((t) => ({ ...t, meaning: timerMeaning(t, policy, tasks, account) }));
}

function fate(t: MeantTimer): string {
  if (t.state === 'fired') return `${when(t.endedAt!)} 计时到期`;
  if (t.state === 'canceled') return `${when(t.endedAt!)} 计时提前结束${t.meaning.story?.endedEarly ?? ''}`;
  return '仍在计时';
}

export function timerEntries(timers: MeantTimer[]): AccountEntry[] {
  return timers.flatMap((t) => (t.meaning.story ? [{
    at: new Date(t.startedAt).toISOString(), when: when(t.startedAt), kind: 'timer' as const,
    text: `开始计时：${t.meaning.story.text}`,
    details: [fate(t)],
  }] : []));
}

function item(t: MeantTimer): WaitingItem {
  return { at: new Date(t.fireAt).toISOString(), when: when(t.fireAt), kind: t.meaning.kind, text: t.meaning.label };
}

/** The soonest deadline still waiting (a step's due time, a rung, a kind's own deadline), for the summary. */
export function nextDeadline(timers: MeantTimer[]): WaitingItem | undefined {
  const pending = timers.filter((t) => t.state === 'pending' && t.meaning.deadline);
  return pending.length ? item(pending.reduce((a, b) => (b.fireAt < a.fireAt ? b : a))) : undefined;
}

export function waitingItems(timers: MeantTimer[], facts: EngineFacts): WaitingItem[] {
  const items: WaitingItem[] = timers.filter((t) => t.state === 'pending' && t.meaning.kind !== 'command_wait').map(item);
  for (const s of facts.sends) {
    if (s.state !== 'pending' || s.attempt <= 1) continue;
    const at = s.nextAttemptAt ?? Date.now();
    const failure = s.lastFailure ? `，上次失败：${failureText(s.lastFailure)}` : '';
    items.push({ at: new Date(at).toISOString(), when: when(at), kind: 'sms_retry', text: `短信发送重试（已失败${s.attempt - 1}次${failure}）` });
  }
  return items.sort((a, b) => a.at.localeCompare(b.at));
}
