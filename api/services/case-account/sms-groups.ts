/**
 * The case's SMS as sends a person understands: one group per occasion (the intake notice to five people, the worker's
 * receipt, the enterprise notice, each reminder rung), every recipient with its delivery state from the outbox, and
 * the engine's retries of the send that carried them (attempts and the last failure).
 */
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

/** Templates sent to several people at once, whose keys end in the recipient's role. */
const FAN_OUT = new Set(['intake-notice', 'task-overdue']);

function groupKey(row: SmsRecord): string {
  return FAN_OUT.has(row.template) ? row.idempotency_key.replace(/:[^:]+$/, '') : row.idempotency_key;
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

function title(template: string, rows: SmsRecord[], task: TaskRecord | undefined, level: number | undefined): string {
  const roles = rows.map((r) => roleLabel(r.recipient_role)).join('、');
  switch (template) {
    case 'intake-notice': return `短信通知${rows.length}人：${roles}`;
    case 'intake-receipt': return `回执短信发给职工${rows[0].recipient_name}（含案件编号和查看进度的专属链接）`;
    case 'enterprise-notice': return `短信通知企业工会主席${rows[0].recipient_name}`;
    case 'task-overdue': return `第${level ?? '?'}级督办短信${task ? `（“${task.title}”）` : ''}发给${roles}`;
    case 'phone-code': return '验证码短信发给职工（查询进度用）';
    case 'worker-taken': return `短信告知职工${rows[0].recipient_name}：诉求已有人承办`;
    case 'worker-outcome': return `短信告知职工${rows[0].recipient_name}处理结果`;
    case 'worker-rate': return `短信请职工${rows[0].recipient_name}评价本次办理`;
    default: return `短信发给${roles}`;
  }
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

export function smsGroups(rows: SmsRecord[], sends: EngineSend[], tasks: TaskRecord[]): SmsGroup[] {
  const byKey = new Map<string, SmsRecord[]>();
  for (const row of rows) {
    const key = groupKey(row);
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
      title: title(first.template, members, task, level), details: note ? [...details, note] : details,
      troubled: members.some((r) => r.status === 'rejected' || r.status === 'pending'), taskId, level,
    };
  });
}
