/**
 * A case's full Temporal history, readable by a supervisor (全过程溯源): every timer, activity, command and signal the
 * engine recorded, in order, with what it was about. The raw rows feed the JSON API and the engine page; the same
 * decoded events feed the supervisor's account of the case (services/case-account/).
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';
import { codecFor } from '../../activities/codec/data-converter';
import { keyRingFromEnv } from '../../activities/codec/key-ring';
import { actionLabel } from '../../workflows/kinds';
import { workflowIdOf } from '../../workflows/kinds';

const { temporal } = proto;
const EventType = temporal.api.enums.v1.EventType;

export type EngineEvent = proto.temporal.api.history.v1.IHistoryEvent;
export interface HistoryRow { id: number; at: string; type: string; label: string; detail: string }

let codec: PayloadCodec | undefined;
/** The history comes from the server as stored: encrypted payloads are opened with the same keys as the worker's. */
async function decoded(payload: Payload | null | undefined): Promise<Payload | undefined> {
  if (!payload) return undefined;
  codec ??= codecFor(keyRingFromEnv(), () => keyRingFromEnv());
  try {
    return (await codec.decode([payload]))[0];
  } catch {
    return undefined;
  }
}

const LABELS: Record<string, string> = {
  WORKFLOW_EXECUTION_STARTED: '案件流程启动', WORKFLOW_EXECUTION_COMPLETED: '案件流程结束',
  ACTIVITY_TASK_SCHEDULED: '安排任务', ACTIVITY_TASK_COMPLETED: '任务完成', ACTIVITY_TASK_FAILED: '任务失败（将重试）',
  ACTIVITY_TASK_TIMED_OUT: '任务超时（将重试）', ACTIVITY_TASK_STARTED: '任务开始执行',
  TIMER_STARTED: '计时开始', TIMER_FIRED: '计时到期', TIMER_CANCELED: '计时取消',
  WORKFLOW_EXECUTION_UPDATE_ACCEPTED: '收到办理操作', WORKFLOW_EXECUTION_UPDATE_COMPLETED: '办理操作完成',
  WORKFLOW_EXECUTION_SIGNALED: '收到通知', WORKFLOW_TASK_SCHEDULED: '引擎调度', WORKFLOW_TASK_STARTED: '引擎执行',
  WORKFLOW_TASK_COMPLETED: '引擎执行完成', MARKER_RECORDED: '记录数据（本地任务）', WORKFLOW_TASK_TIMED_OUT: '引擎执行超时（已转移）', WORKFLOW_TASK_FAILED: '引擎执行失败',
};

function parseJson(payload: { data?: Uint8Array | null } | null | undefined): unknown {
  try {
    return payload?.data ? JSON.parse(Buffer.from(payload.data).toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/** A payload as the workflow code saw it (decrypted, JSON), or undefined when it cannot be read. */
export async function payloadValue(payload: unknown): Promise<unknown> {
  return parseJson(await decoded(payload as Payload | null | undefined));
}

/** A failure's message: with encrypted failures it travels in encodedAttributes, "Encoded failure" stands in its place. */
export async function failureMessage(failure: proto.temporal.api.failure.v1.IFailure | null | undefined): Promise<string> {
  if (!failure) return '';
  const attrs = (await payloadValue(failure.encodedAttributes)) as { message?: string } | undefined;
  return attrs?.message ?? failure.message ?? '';
}

export function eventTypeOf(e: EngineEvent): string {
  return String(EventType[e.eventType ?? 0] ?? 'UNKNOWN').replace(/^EVENT_TYPE_/, '');
}

export function eventTimeMs(e: EngineEvent): number {
  return Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
}

export function durationMs(d: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  return Number(d?.seconds ?? 0) * 1000 + Math.floor((d?.nanos ?? 0) / 1e6);
}

/** "12.0 小时" / "30 秒": the raw rows keep this form (API clients and tests read it). */
export function timerLength(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s >= 3600 ? `${(s / 3600).toFixed(1)} 小时` : `${s} 秒`;
}

/** The type a local activity's marker records, in the "data" payload (the SDK core's own JSON). */
export async function markerData(e: EngineEvent): Promise<Record<string, unknown> | undefined> {
  const marker = e.markerRecordedEventAttributes;
  if (!marker) return undefined;
  return (await payloadValue(marker.details?.data?.payloads?.[0])) as Record<string, unknown> | undefined;
}

async function detail(e: EngineEvent): Promise<string> {
  if (e.activityTaskScheduledEventAttributes) return e.activityTaskScheduledEventAttributes.activityType?.name ?? '';
  if (e.timerStartedEventAttributes) return timerLength(durationMs(e.timerStartedEventAttributes.startToFireTimeout));
  const update = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
  if (update) {
    const cmd = (await payloadValue(update.args?.payloads?.[0])) as { action?: string; actor?: { name?: string } } | undefined;
    // any kind's word for the command (action names are unique across kinds, or the core's own)
    const action = typeof cmd?.action === 'string' ? actionLabel(cmd.action) : update.name ?? '';
    return cmd?.actor?.name ? `${action}（${cmd.actor.name}）` : action;
  }
  if (e.markerRecordedEventAttributes) {
    const data = await markerData(e);
    return String(data?.activity_type ?? data?.activityType ?? e.markerRecordedEventAttributes.markerName ?? '');
  }
  if (e.workflowExecutionSignaledEventAttributes) return e.workflowExecutionSignaledEventAttributes.signalName ?? '';
  const failure = e.activityTaskFailedEventAttributes?.failure;
  if (failure) return failureMessage(failure);
  return '';
}

/** The engine's events of a case, or null once the workflow has left Temporal's retention (Postgres keeps the events). */
export async function engineHistory(temporal: Client, caseNo: string): Promise<EngineEvent[] | null> {
  try {
    return (await temporal.workflow.getHandle(workflowIdOf(caseNo)).fetchHistory()).events ?? [];
  } catch (err) {
    // fetchHistory passes the server's gRPC NOT_FOUND (code 5) through unwrapped, unlike describe and query.
    if (err instanceof WorkflowNotFoundError || (err as { code?: unknown }).code === 5) return null;
    throw err;
  }
}

/** One row per engine event, as the JSON API has always returned them. */
export async function historyRows(events: EngineEvent[]): Promise<HistoryRow[]> {
  return Promise.all(events.map(async (e) => {
    const type = eventTypeOf(e);
    return { id: Number(e.eventId), at: new Date(eventTimeMs(e)).toISOString(), type, label: LABELS[type] ?? type, detail: await detail(e) };
  }));
}

/** The engine's history of a case as rows, or null once the workflow has left Temporal's retention. */
export async function caseHistory(temporal: Client, caseNo: string): Promise<HistoryRow[] | null> {
  const events = await engineHistory(temporal, caseNo);
  return events && historyRows(events);
}
