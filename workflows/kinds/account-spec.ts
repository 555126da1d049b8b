/**
 * What a kind tells the supervisors' account (api/services/case-account/) in its own words: what its timers wait for,
 * how its SMS and events read, what the summary says of it. The core tells what every kind has (a step's due time and
 * its escalation rungs, quiet hours, the command-settle wait, reminders, phone codes, take-overs, retries); a kind's
 * entry (`account` in kind-spec.ts, from its own account.ts) gives the rest, so a new kind adds a file, not a branch.
 * Pure: no I/O, no api/ imports, so the kinds' words are tested without a server.
 */
import { shanghaiMinute } from '../shared/deadlines';

/** A timer the workflow set, as the engine's history says. Timers carry no name: they are recognised by when they fire. */
export interface EngineTimer {
  /** the TIMER_STARTED event */
  eventId: number;
  /** the workflow's own clock when it set the timer (its workflow task's start), so fireAt equals the deadline it waits for */
  startedAt: number;
  durationMs: number;
  fireAt: number;
  state: 'pending' | 'fired' | 'canceled';
  endedAt?: number;
}

/** What a story entry is, for the page's styling and the JSON API's readers. */
export type AccountEntryKind =
  | 'filed' | 'command' | 'note' | 'takeover' | 'deadline_set' | 'deadline_met' | 'deadline_missed' | 'escalation'
  | 'sms' | 'timer' | 'system';

/** What one of the kind's own timers waits for. */
export interface KindTimerMeaning {
  /** the JSON API's `waiting[].kind`: the kind's own word ('enterprise_notice'), or 'other' */
  kind: string;
  /** what the timer waits for, as a supervisor reads it */
  label: string;
  /** counts as the case's next deadline in the summary (a reminder or a grace that only ends something does not) */
  deadline?: boolean;
  /** a wait no task tells: the story says so when it starts ("开始计时：<text>") and why it may end early */
  story?: { text: string; endedEarly?: string };
}

/** How the story tells one of the kind's own events; an event not listed is told by its summary, by whom it was done. */
export interface AccountEventRule {
  /** the entry's kind; else 'system' for what the system did, 'command' for a person's act */
  entry?: AccountEntryKind;
  /** the entry's text (the event's summary then becomes its detail) */
  text?(e: { actor_role: string; summary: string }): string;
  /** something a person must look at (a chair not registered) */
  warn?: boolean;
  /** the SMS template this event sent: its group's recipients and delivery become the entry's details */
  sms?: string;
}

/** What the summary's enterprise line is told from. */
export interface EnterpriseNoticeFacts {
  notifiedAt: Date | string | null;
  events: { type: string }[];
  sms: { template: string; status: string }[];
  /** the timers still waiting, soonest first */
  waiting: { kind: string; when: string }[];
}

export interface KindAccount {
  /** one of the kind's own timers (the core has tried the steps' rungs already); undefined when it is not the kind's */
  timerMeaning?(t: EngineTimer, policy: Readonly<Record<string, unknown>>): KindTimerMeaning | undefined;
  /** the title of one send of a template (one group of messages); undefined: the core's title from the SMS label */
  smsTitle?(template: string, to: { names: string[]; roles: string[] }): string | undefined;
  /** templates sent to several people at once, whose idempotency keys end in the recipient's role: one group a send */
  fanOut?: readonly string[];
  /** the kind's events the story tells otherwise than by their summary */
  events?: Readonly<Record<string, AccountEventRule>>;
  /** why the kind's tasks may be handed on or cancelled, as the story adds it ("（职工撤回或案件已办结）") */
  taskEnds?: { reassigned?: string; canceled?: string };
  /** the summary's line on the enterprise union chair, for a kind that tells them of the case */
  enterpriseNotice?(facts: EnterpriseNoticeFacts): string;
  /** the engine page's words for the kind's own workflow start and signals (the core names updates and activities) */
  engine?: { started?: string; signals?: Readonly<Record<string, string>> };
}

/** "2026-11-26 09:30": an instant as the account reads it, Asia/Shanghai (the form the workflows write in summaries). */
export function when(t: Date | string | number): string {
  return shanghaiMinute(t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t));
}

/** "2天3小时", "4小时15分", "12分", "40秒": a span as the account reads it. */
export function span(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}天${h ? `${h}小时` : ''}`;
  if (h > 0) return `${h}小时${m ? `${m}分` : ''}`;
  if (m > 0) return `${m}分`;
  return s > 0 ? `${s}秒` : '不到1秒';
}

/** The workflow clock is exact to the millisecond; a second and a half of slack absorbs rounding of a timer's duration. */
export const TIMER_SLACK_MS = 1_500;

export function near(a: number, b: number, slack = TIMER_SLACK_MS): boolean {
  return Math.abs(a - b) <= slack;
}
