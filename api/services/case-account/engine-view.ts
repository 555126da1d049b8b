/**
 * The engine's raw history as the engine page shows it: every event, but said in zh-CN (记录案件变更, 查询联系人,
 * 发送短信…) and each timer with what it waits for. The JSON API keeps the raw rows' own labels and details (its
 * clients and tests read them); only the page's words change.
 */
import { temporalConfig } from '../../../temporal.config';
import { kindOfCaseNo, workflowIdOf } from '../../../workflows/kinds';
import { eventTypeOf, type EngineEvent, type HistoryRow } from '../workflow-history';
import type { CaseStory } from './case-story';
import { failureText } from './failure-text';
import { roleLabel, span, when } from './format';
import type { MeantTimer } from './timer-entries';

export const ACTIVITY_LABELS: Record<string, string> = {
  persistTransition: '记录案件变更',
  findContacts: '查询联系人',
  findEnterpriseChair: '查询企业工会主席',
  sendSms: '发送短信',
  sendSmsBatch: '发送短信',
  sendSmsFanOut: '发送短信',
  persistThenFanOut: '登记案件并发送短信',
};
/** Updates every kind's workflow takes (workflows/shared/case-runner.ts); its act update is named from the registry. */
const UPDATE_LABELS: Record<string, string> = { caseCreated: '确认案件已登记（答复受理）' };

/** Clearer words than the raw rows' for the engine's own bookkeeping. */
const PAGE_LABELS: Record<string, string> = {
  WORKFLOW_TASK_SCHEDULED: '引擎排队推进流程', WORKFLOW_TASK_STARTED: '引擎开始推进流程', WORKFLOW_TASK_COMPLETED: '引擎推进完毕',
  MARKER_RECORDED: '本地任务完成', ACTIVITY_TASK_FAILED: '任务失败', ACTIVITY_TASK_TIMED_OUT: '任务超时',
  // patched() records the versions a case runs (workflow upgrades) as a search attribute.
  UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: '登记流程版本', WORKFLOW_EXECUTION_FAILED: '案件流程出错', WORKFLOW_EXECUTION_TERMINATED: '案件流程被强制终止',
  WORKFLOW_EXECUTION_CANCELED: '案件流程被取消', WORKFLOW_TASK_FAILED: '引擎推进失败（将重试）', WORKFLOW_TASK_TIMED_OUT: '引擎推进超时（已转移）',
};
/** Markers that are no local activity: patched() notes which version of the workflow code a case runs. */
const MARKER_LABELS: Record<string, string> = { core_patch: '流程版本标记（升级前开始的案件按原流程继续）' };
const BOOKKEEPING = new Set(['WORKFLOW_TASK_SCHEDULED', 'WORKFLOW_TASK_STARTED', 'WORKFLOW_TASK_COMPLETED']);

export interface EngineRow extends HistoryRow {
  when: string;
  what: string;
  /** the engine's own scheduling, shown quieter than what happened to the case */
  bookkeeping: boolean;
}

const activityLabel = (name: string | null | undefined) => ACTIVITY_LABELS[name ?? ''] ?? '未登记的任务类型';

function timerText(t: MeantTimer | undefined, started: boolean): string {
  if (!t) return '';
  return started ? `${span(t.durationMs)}：${t.meaning.label}，到期 ${when(t.fireAt)}` : t.meaning.label;
}

/** The kind's words for its workflow's start, its act update and its note signal: its registry entry's, else the core's. */
interface KindWords { started: string; updates: Record<string, string>; signals: Record<string, string> }

function kindWords(caseNo: string): KindWords {
  const kind = kindOfCaseNo(caseNo);
  const own = kind?.account?.engine;
  return {
    started: own?.started ?? '启动案件流程',
    updates: { ...UPDATE_LABELS, ...(kind ? { [kind.act.name]: '办理操作' } : {}) },
    signals: { ...(kind ? { [kind.note.signal.name]: '补充说明' } : {}), ...own?.signals },
  };
}

function what(e: EngineEvent, row: HistoryRow, s: CaseStory, words: KindWords, timers: Map<string, MeantTimer>, updates: Map<string, string>, scheduled: Map<string, string>): string {
  const send = (id: unknown) => s.facts?.sends.find((x) => String(x.eventId) === String(id));
  switch (row.type) {
    case 'WORKFLOW_EXECUTION_STARTED': return words.started;
    case 'WORKFLOW_EXECUTION_COMPLETED': return '案件闭环，流程结束';
    case 'TIMER_STARTED': return timerText(timers.get(String(e.eventId)), true);
    case 'TIMER_FIRED': return timerText(timers.get(String(e.timerFiredEventAttributes?.startedEventId)), false);
    case 'TIMER_CANCELED': return timerText(timers.get(String(e.timerCanceledEventAttributes?.startedEventId)), false);
    case 'MARKER_RECORDED': {
      if (!(row.detail in ACTIVITY_LABELS)) return MARKER_LABELS[row.detail] ?? '';
      const retry = s.facts?.localRetries.find((r) => r.eventId === row.id);
      if (e.markerRecordedEventAttributes?.failure) return `${activityLabel(row.detail)}：本步未成功，转为可重试的任务`;
      return `${activityLabel(row.detail)}${retry ? `（第${retry.attempt}次尝试）` : ''}`;
    }
    case 'ACTIVITY_TASK_SCHEDULED': {
      const sms = send(e.eventId);
      return sms ? `${activityLabel(row.detail)}：${sms.keys.length}条，发给${sms.roles.map(roleLabel).join('、')}` : activityLabel(row.detail);
    }
    case 'ACTIVITY_TASK_STARTED': {
      const id = e.activityTaskStartedEventAttributes?.scheduledEventId;
      const sms = send(id);
      const failure = sms?.lastFailure ? `（上次失败：${failureText(sms.lastFailure)}）` : '';
      // A fan-out first tried within the case's first task counts that try too (engine-facts.ts).
      return `${scheduled.get(String(id)) ?? ''}：第${(e.activityTaskStartedEventAttributes?.attempt ?? 1) + (sms?.localTries ?? 0)}次尝试${failure}`;
    }
    case 'ACTIVITY_TASK_COMPLETED': return `${scheduled.get(String(e.activityTaskCompletedEventAttributes?.scheduledEventId)) ?? ''}完成`;
    case 'ACTIVITY_TASK_FAILED': return `${scheduled.get(String(e.activityTaskFailedEventAttributes?.scheduledEventId)) ?? ''}：${failureText(row.detail)}`;
    case 'ACTIVITY_TASK_TIMED_OUT': return scheduled.get(String(e.activityTaskTimedOutEventAttributes?.scheduledEventId)) ?? '';
    case 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED': return updates.get(e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId ?? '') ?? '';
    case 'WORKFLOW_EXECUTION_UPDATE_COMPLETED': {
      const text = updates.get(e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId ?? '');
      return text ? `${text}：已答复` : '';
    }
    case 'WORKFLOW_EXECUTION_SIGNALED': return words.signals[row.detail] ?? '外部通知';
    default: return BOOKKEEPING.has(row.type) ? '' : /[A-Za-z]{4,}/.test(row.detail) ? '' : row.detail;
  }
}

export function engineRows(s: CaseStory): EngineRow[] {
  if (!s.engine || !s.rows) return [];
  const words = kindWords(s.caseNo);
  const timers = new Map(s.timers.map((t) => [String(t.eventId), t]));
  const updates = new Map<string, string>();
  const scheduled = new Map<string, string>();
  return s.engine.map((e, i) => {
    const row = s.rows![i];
    const accepted = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
    // A command's detail is already in zh-CN ("已联系职工（北山街道社工）") when its action is known; else the update's name.
    if (accepted) updates.set(accepted.meta?.updateId ?? '', words.updates[row.detail] ?? row.detail);
    if (e.activityTaskScheduledEventAttributes) scheduled.set(String(e.eventId), activityLabel(row.detail));
    const type = eventTypeOf(e);
    const label = type === 'MARKER_RECORDED' && !(row.detail in ACTIVITY_LABELS) ? '引擎标记' : PAGE_LABELS[type] ?? (row.label === type ? '引擎内部记录' : row.label);
    return { ...row, label, when: when(row.at), what: what(e, row, s, words, timers, updates, scheduled), bookkeeping: BOOKKEEPING.has(type) };
  });
}

/** The case in the Temporal Web UI (district staff can decrypt its payloads there through /codec). */
export function temporalUiUrl(caseNo: string): string {
  const base = (process.env.GONGQING_TEMPORAL_UI_URL ?? 'http://127.0.0.1:8233').replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(temporalConfig.namespace)}/workflows/${encodeURIComponent(workflowIdOf(caseNo))}`;
}
