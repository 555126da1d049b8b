/**
 * The case's own events (Postgres, hash-chained) as entries of the account: who did what and when, the worker's notes,
 * take-overs with their reasons, each escalation rung with the reminders it sent. Opened tasks are told by the deadline
 * entries instead (they know whether the deadline was met). A kind's own events (its filing, a note, a notice it sent)
 * read as its registry entry says.
 */
import type { AccountEventRule, KindAccount } from '../../../workflows/kinds/account-spec';
import type { EventRecord } from './case-records';
import { tidyRefusal } from './failure-text';
import { person, roleLabel, when } from './format';
import type { SmsGroup } from './sms-groups';
import type { AccountEntry, EntryKind } from './types';

/** Events of the core's features every kind shares (a take-over, a supervisor's reassignment): a change of who holds a step. */
const CORE: Record<string, AccountEventRule> = { task_taken_over: { entry: 'takeover' }, tasks_reassigned: { entry: 'takeover' } };

function entry(e: EventRecord, kind: EntryKind, text: string, extra: Partial<AccountEntry> = {}): AccountEntry {
  const at = new Date(e.at);
  return { at: at.toISOString(), when: when(at), kind, ...(e.actor_role === 'system' ? {} : { who: person(e.actor, e.actor_role) }), text, ...extra };
}

function escalation(e: EventRecord, groups: SmsGroup[], used: Set<string>): AccountEntry {
  const data = e.data as { taskId?: string; level?: number; recipients?: string[] };
  const group = groups.find((g) => g.taskId === data.taskId && g.level === data.level);
  const details: string[] = [];
  if (group) {
    used.add(group.key);
    details.push(group.title, ...group.details);
  } else if ((data.recipients ?? []).length === 0) {
    details.push('该级没有可通知的人员，未发短信');
  } else {
    details.push(`通知：${(data.recipients ?? []).map(roleLabel).join('、')}（短信尚未发出）`);
  }
  return entry(e, 'escalation', e.summary, { details, tone: 'late' });
}

/** An event as its kind's entry tells it (account-spec.ts AccountEventRule), taking in the SMS group it sent. */
function told(e: EventRecord, rule: AccountEventRule, groups: SmsGroup[], used: Set<string>): AccountEntry {
  const group = rule.sms ? groups.find((g) => g.template === rule.sms) : undefined;
  if (group) used.add(group.key);
  const details = [...(rule.text ? [e.summary] : []), ...(group?.details ?? [])];
  const kind = rule.entry ?? (e.actor_role === 'system' ? 'system' : 'command');
  return entry(e, kind, rule.text?.(e) ?? e.summary, {
    ...(details.length ? { details } : {}), ...(rule.warn || group?.troubled ? { tone: 'warn' as const } : {}),
  });
}

/** One entry per event; SMS groups merged into the event they belong to are added to `used`. */
export function eventEntries(events: EventRecord[], groups: SmsGroup[], used: Set<string>, account: KindAccount = {}): AccountEntry[] {
  const rules = { ...CORE, ...account.events };
  const out: AccountEntry[] = [];
  for (const e of events) {
    if (e.type === 'task_opened') continue;
    if (e.type === 'task_escalated') out.push(escalation(e, groups, used));
    else if (e.type === 'sms_rejected') out.push(entry(e, 'sms', tidyRefusal(e.summary), { tone: 'warn' }));
    else out.push(told(e, rules[e.type] ?? {}, groups, used));
  }
  return out;
}

/** The SMS groups no event took in (the intake notice, the receipt, codes) as entries of their own. */
export function smsEntries(groups: SmsGroup[], used: Set<string>): AccountEntry[] {
  return groups.filter((g) => !used.has(g.key)).map((g) => ({
    at: g.at.toISOString(), when: when(g.at), kind: 'sms' as const, text: g.title, details: g.details, ...(g.troubled ? { tone: 'warn' as const } : {}),
  }));
}
