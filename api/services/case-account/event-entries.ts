/**
 * The case's own events (Postgres, hash-chained) as entries of the account: who did what and when, the worker's notes,
 * take-overs with their reasons, each escalation rung with the reminders it sent. Opened tasks are told by the deadline
 * entries instead (they know whether the deadline was met).
 */
import type { EventRecord } from './case-records';
import { tidyRefusal } from './failure-text';
import { person, roleLabel, when } from './format';
import type { SmsGroup } from './sms-groups';
import type { AccountEntry, EntryKind } from './types';

const SYSTEM_WARNINGS = new Set(['enterprise_chair_missing']);
const KINDS: Record<string, EntryKind> = {
  complainant_note: 'note', task_taken_over: 'takeover',
};

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

/** One entry per event; SMS groups merged into the event they belong to are added to `used`. */
export function eventEntries(events: EventRecord[], groups: SmsGroup[], used: Set<string>): AccountEntry[] {
  const out: AccountEntry[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'task_opened':
        continue;
      case 'filed':
        out.push(entry(e, 'filed', e.actor_role === 'worker' ? '职工提交诉求，案件流程启动' : '代职工登记诉求，案件流程启动', { details: [e.summary] }));
        continue;
      case 'task_escalated':
        out.push(escalation(e, groups, used));
        continue;
      case 'enterprise_notified': {
        const group = groups.find((g) => g.template === 'enterprise-notice');
        if (group) used.add(group.key);
        out.push(entry(e, 'system', e.summary, group ? { details: group.details, ...(group.troubled ? { tone: 'warn' } : {}) } : {}));
        continue;
      }
      case 'sms_rejected':
        out.push(entry(e, 'sms', tidyRefusal(e.summary), { tone: 'warn' }));
        continue;
      default: {
        const kind = KINDS[e.type] ?? (e.actor_role === 'system' ? 'system' : 'command');
        out.push(entry(e, kind, e.summary, SYSTEM_WARNINGS.has(e.type) ? { tone: 'warn' } : {}));
      }
    }
  }
  return out;
}

/** The SMS groups no event took in (the intake notice, the receipt, codes) as entries of their own. */
export function smsEntries(groups: SmsGroup[], used: Set<string>): AccountEntry[] {
  return groups.filter((g) => !used.has(g.key)).map((g) => ({
    at: g.at.toISOString(), when: when(g.at), kind: 'sms' as const, text: g.title, details: g.details, ...(g.troubled ? { tone: 'warn' as const } : {}),
  }));
}
