/**
 * The few lines a supervisor reads before the story: where the case stands, who holds it, what is overdue, and the
 * next thing the engine will do on its own; a kind's own line (the grievance's enterprise notice) from its registry entry.
 */
import type { CaseRow } from '../../../db/schema';
import { kindOfCaseNo } from '../../../workflows/kinds';
import type { EventRecord, SmsRecord, TaskRecord } from './case-records';
import { holderOf } from './deadline-entries';
import { span, toMs, when } from './format';
import type { AccountSummary, WaitingItem } from './types';

function label(table: Record<string, string>, key: string | null): string {
  return key ? table[key] ?? key : '';
}

export function accountSummary(row: CaseRow, records: { events: EventRecord[]; tasks: TaskRecord[]; sms: SmsRecord[] }, waiting: WaitingItem[], deadline: WaitingItem | undefined, now: number): AccountSummary {
  const { events, tasks, sms } = records;
  const open = tasks.filter((t) => t.status === 'open');
  const overdue = open.filter((t) => toMs(t.due_at) <= now).map((t) => {
    const escalated = t.escalation_level > 0 ? `，已督办至第${t.escalation_level}级` : '，尚未督办';
    return `“${t.title}”已超过时限${span(now - toMs(t.due_at))}（时限 ${when(t.due_at)}，承办：${holderOf(t)}${escalated}）`;
  });
  // Without the engine (past retention) the next deadline can still be read from the open tasks.
  const upcoming = open.filter((t) => toMs(t.due_at) > now).sort((a, b) => toMs(a.due_at) - toMs(b.due_at))[0];
  const next = deadline ?? (upcoming
    ? { at: new Date(upcoming.due_at).toISOString(), when: when(upcoming.due_at), kind: 'step_due' as const, text: `“${upcoming.title}”办理时限` }
    : null);
  const closed = row.status === 'closed';
  const kind = kindOfCaseNo(row.case_no)!;
  return {
    stage: label(kind.labels.stages, row.stage),
    status: closed ? `已办结${row.outcome ? `（${label(kind.labels.outcomes, row.outcome)}）` : ''}` : '办理中',
    level: kind.labels.level(row.level),
    assignees: open.map((t) => `“${t.title}”：${holderOf(t)}，时限 ${when(t.due_at)}`),
    overdue,
    next,
    enterpriseNotice: kind.account?.enterpriseNotice?.({ notifiedAt: row.enterprise_notified_at, events, sms, waiting }) ?? '',
    filedAt: when(row.created_at),
  };
}
