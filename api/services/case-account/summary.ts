/**
 * The few lines a supervisor reads before the story: where the case stands, who holds it, what is overdue, and the
 * next thing the engine will do on its own.
 */
import type { CaseRow } from '../../../db/schema';
import { kindOfCaseNo } from '../../../workflows/kinds';
import type { EventRecord, SmsRecord, TaskRecord } from './case-records';
import { holderOf } from './deadline-entries';
import { span, toMs, when } from './format';
import type { AccountSummary, WaitingItem } from './types';

/** What counts as a deadline for "下一时限" (a retry or the end of the night is not one). */
const DEADLINES = new Set<WaitingItem['kind']>(['enterprise_notice', 'step_due', 'escalation', 'rating']);

function label(table: Record<string, string>, key: string | null): string {
  return key ? table[key] ?? key : '';
}

function enterpriseNotice(row: CaseRow, events: EventRecord[], sms: SmsRecord[], waiting: WaitingItem[]): string {
  if (row.enterprise_notified_at) {
    // The workflow counts the chair as told once the send was made; a refused number still needs a phone call.
    const refused = sms.some((m) => m.template === 'enterprise-notice' && m.status === 'rejected');
    return refused
      ? `已于 ${when(row.enterprise_notified_at)} 向企业工会主席发出短信，但号码被拒绝，需改用电话等方式通知`
      : `已于 ${when(row.enterprise_notified_at)} 短信通知企业工会主席`;
  }
  const pending = waiting.find((w) => w.kind === 'enterprise_notice');
  if (pending) return `尚未通知，预计 ${pending.when} 短信通知企业工会主席`;
  if (events.some((e) => e.type === 'enterprise_chair_missing')) return '该企业未登记工会主席，未能通知';
  if (events.some((e) => e.type === 'enterprise_notice_cancelled')) return '不再通知（职工撤回或案件已办结）';
  return '尚未通知';
}

export function accountSummary(row: CaseRow, records: { events: EventRecord[]; tasks: TaskRecord[]; sms: SmsRecord[] }, waiting: WaitingItem[], now: number): AccountSummary {
  const { events, tasks, sms } = records;
  const open = tasks.filter((t) => t.status === 'open');
  const overdue = open.filter((t) => toMs(t.due_at) <= now).map((t) => {
    const escalated = t.escalation_level > 0 ? `，已督办至第${t.escalation_level}级` : '，尚未督办';
    return `“${t.title}”已超过时限${span(now - toMs(t.due_at))}（时限 ${when(t.due_at)}，承办：${holderOf(t)}${escalated}）`;
  });
  // Without the engine (past retention) the next deadline can still be read from the open tasks.
  const upcoming = open.filter((t) => toMs(t.due_at) > now).sort((a, b) => toMs(a.due_at) - toMs(b.due_at))[0];
  const next = waiting.find((w) => DEADLINES.has(w.kind)) ?? (upcoming
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
    enterpriseNotice: kind.tellsEnterprise ? enterpriseNotice(row, events, sms, waiting) : '',
    filedAt: when(row.created_at),
  };
}
