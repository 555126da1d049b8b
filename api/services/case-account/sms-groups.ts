/**
 * The case's SMS as sends a person understands: one group per occasion (a notice to five people at once, a receipt,
 * each reminder rung), titled in the kind's words (its registry entry), every recipient with its delivery state from
 * the outbox, and the engine's retries of the send that carried them (attempts and the last failure).
 */
import { kindOfCaseNo } from '../../../workflows/kinds';
import type { KindAccount } from '../../../workflows/kinds/account-spec';
import { labelOf } from '../../../workflows/kinds/labels';
import { maskPhone } from '../../../workflows/shared/present/format';
import type { SmsRecord, TaskRecord } from './case-records';
import type { EngineSend } from './engine-facts';
import { failureText, tidyRefusal } from './failure-text';
import { clock, roleLabel, span, toMs } from './format';

export interface SmsGroup {
  /** the idempotency key without its per-recipient part: what the messages of one occasion share */
  key: string;
  template: string;
  at: Date;
  title: string;
  details: string[];
  /** some message was refused for good or is still waiting */
  troubled: boolean;
  /** for a reminder: the task and rung it belongs to (keys `<taskId>:escalation:<level>:<role>`) */
  taskId?: string;
  level?: number;
}

/** Templates every kind may send to several people at once (a rung's reminder), whose keys end in the recipient's role. */
const FAN_OUT = ['task-overdue'];

function groupKey(row: SmsRecord, fanOut: Set<string>): string {
  return fanOut.has(row.template) ? row.idempotency_key.replace(/:[^:]+$/, '') : row.idempotency_key;
}

/** 已发送 / 重试N次后发送 / 号码被拒绝 / 等待发送, as the outbox knows it. */
export function deliveryState(row: SmsRecord): string {
  if (row.status === 'sent' || row.status === 'stored') {
    const how = row.status === 'stored' ? '已存入发件箱（未接短信网关）' : row.attempts > 1 ? `重试${row.attempts - 1}次后发送` : '已发送';
    return row.sent_at ? `${how} ${clock(row.sent_at, row.created_at)}` : how;
  }
  if (row.status === 'rejected') return `号码被拒绝（${tidyRefusal(row.last_error ?? '') || '短信网关拒收'}），需改用电话等方式联系`;
  return row.attempts > 0 ? `等待发送（已尝试${row.attempts}次，上次失败：${failureText(row.last_error) || '原因未记录'}）` : '等待发送';
}

/** The core's titles (reminders, phone codes), else the kind's own, else the template's registry label. */
function title(caseNo: string, account: KindAccount, template: string, rows: SmsRecord[], task: TaskRecord | undefined, level: number | undefined): string {
  const roles = rows.map((r) => roleLabel(r.recipient_role));
  if (template === 'task-overdue') return `第${level ?? '?'}级督办短信${task ? `（“${task.title}”）` : ''}发给${roles.join('、')}`;
  if (template === 'phone-code') return '验证码短信发给职工（查询进度用）';
  const own = account.smsTitle?.(template, { names: rows.map((r) => r.recipient_name), roles });
  if (own) return own;
  const label = labelOf('sms', template, caseNo);
  const who = whom(roles);
  return label === template ? `短信发给${who}` : `“${label}”短信发给${who}`;
}

/** 用人单位、职工43人: each role once, with how many when several of it were texted at once. */
function whom(roles: string[]): string {
  const counts = new Map<string, number>();
  for (const r of roles) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([role, n]) => (n > 1 ? `${role}${n}人` : role)).join('、');
}

/** What the engine did with the send that carried these messages: retries, the failure it last met. */
function engineNote(keys: string[], sends: EngineSend[]): string | undefined {
  const send = sends.find((s) => s.keys.some((k) => keys.includes(k)));
  if (!send || (send.attempt <= 1 && !send.lastFailure)) return undefined;
  const failure = send.lastFailure ? `，上次失败：${failureText(send.lastFailure)}` : '';
  if (send.state === 'completed') return `引擎记录：发送任务第${send.attempt}次尝试成功（此前失败${send.attempt - 1}次${failure}）`;
  if (send.state === 'pending') {
    const next = send.nextAttemptAt ? `，${span(send.nextAttemptAt - Date.now())}后再试` : '';
    return `引擎记录：发送任务正在重试（第${send.attempt}次尝试${failure}${next}）`;
  }
  return `引擎记录：发送任务未完成（${send.state}，共尝试${send.attempt}次${failure}）`;
}

export function smsGroups(caseNo: string, rows: SmsRecord[], sends: EngineSend[], tasks: TaskRecord[]): SmsGroup[] {
  const account = kindOfCaseNo(caseNo)?.account ?? {};
  const fanOut = new Set([...FAN_OUT, ...(account.fanOut ?? [])]);
  const byKey = new Map<string, SmsRecord[]>();
  for (const row of rows) {
    const key = groupKey(row, fanOut);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return [...byKey.entries()].map(([key, members]) => {
    const first = members[0];
    const reminder = first.template === 'task-overdue' ? /^(.*):escalation:(\d+)$/.exec(key) : null;
    const taskId = reminder?.[1];
    const level = reminder ? Number(reminder[2]) : undefined;
    const task = tasks.find((t) => t.task_id === taskId);
    const details = members.map((r) => `${roleLabel(r.recipient_role)} ${r.recipient_name} ${maskPhone(r.recipient_phone)}：${deliveryState(r)}`);
    const note = engineNote(members.map((r) => r.idempotency_key), sends);
    return {
      key, template: first.template, at: new Date(Math.min(...members.map((r) => toMs(r.created_at)))),
      title: title(caseNo, account, first.template, members, task, level), details: note ? [...details, note] : details,
      troubled: members.some((r) => r.status === 'rejected' || r.status === 'pending'), taskId, level,
    };
  });
}
