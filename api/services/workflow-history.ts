/**
 * A case's full Temporal history, readable by a supervisor (全过程溯源): every timer, activity, command and signal the
 * engine recorded, in order, with what it was about.
 */
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';
import { codecFor } from '../../activities/codec/data-converter';
import { keyRingFromEnv } from '../../activities/codec/key-ring';
import { ACTION_LABELS } from '../../workflows/shared/grievance-model';
import { grievanceWorkflowId } from './case-number';

const { temporal } = proto;
const EventType = temporal.api.enums.v1.EventType;

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

function decodeJson(payload: { data?: Uint8Array | null } | null | undefined): unknown {
  try {
    return payload?.data ? JSON.parse(Buffer.from(payload.data).toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

function seconds(d: { seconds?: unknown } | null | undefined): number {
  return Number(d?.seconds ?? 0);
}

async function detail(e: proto.temporal.api.history.v1.IHistoryEvent): Promise<string> {
  if (e.activityTaskScheduledEventAttributes) return e.activityTaskScheduledEventAttributes.activityType?.name ?? '';
  if (e.timerStartedEventAttributes) {
    const s = seconds(e.timerStartedEventAttributes.startToFireTimeout);
    return s >= 3600 ? `${(s / 3600).toFixed(1)} 小时` : `${s} 秒`;
  }
  const update = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
  if (update) {
    const cmd = decodeJson(await decoded(update.args?.payloads?.[0] as Payload)) as { action?: string; actor?: { name?: string } } | undefined;
    const action = cmd?.action && cmd.action in ACTION_LABELS ? ACTION_LABELS[cmd.action as keyof typeof ACTION_LABELS] : update.name ?? '';
    return cmd?.actor?.name ? `${action}（${cmd.actor.name}）` : action;
  }
  const marker = e.markerRecordedEventAttributes;
  if (marker) {
    // A local activity's marker carries its type in the "data" payload (the SDK core's own JSON).
    const data = decodeJson(await decoded(marker.details?.data?.payloads?.[0] as Payload)) as Record<string, unknown> | undefined;
    return String(data?.activity_type ?? data?.activityType ?? marker.markerName ?? '');
  }
  if (e.workflowExecutionSignaledEventAttributes) return e.workflowExecutionSignaledEventAttributes.signalName ?? '';
  const failure = e.activityTaskFailedEventAttributes?.failure;
  if (failure) {
    // With encrypted failures the message travels in encodedAttributes; "Encoded failure" stands in its place.
    const attrs = decodeJson(await decoded(failure.encodedAttributes as Payload)) as { message?: string } | undefined;
    return attrs?.message ?? failure.message ?? '';
  }
  return '';
}

/** The engine's history of a case, or null once the workflow has left Temporal's retention (Postgres keeps the events). */
export async function caseHistory(temporal: Client, caseNo: string) {
  let history;
  try {
    history = await temporal.workflow.getHandle(grievanceWorkflowId(caseNo)).fetchHistory();
  } catch (err) {
    // fetchHistory passes the server's gRPC NOT_FOUND (code 5) through unwrapped, unlike describe and query.
    if (err instanceof WorkflowNotFoundError || (err as { code?: unknown }).code === 5) return null;
    throw err;
  }
  return Promise.all((history.events ?? []).map(async (e) => {
    const type = String(EventType[e.eventType ?? 0] ?? 'UNKNOWN').replace(/^EVENT_TYPE_/, '');
    const ms = Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);
    return { id: Number(e.eventId), at: new Date(ms).toISOString(), type, label: LABELS[type] ?? type, detail: await detail(e) };
  }));
}
