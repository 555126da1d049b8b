/**
 * What the engine's history says that Postgres does not: which timers the workflow set and whether each is still
 * waiting, how often each SMS send was tried and why it failed, and the policy (durations) the case started with.
 * Payloads are encrypted, so inputs and failures are read through the codec (services/workflow-history.ts).
 */
import type proto from '@temporalio/proto';
import { postKey } from '../../../activities/sms/fan-out';
import type { SmsFanOut, SmsRequest } from '../../../activities/types';
import type { EngineTimer } from '../../../workflows/kinds/account-spec';
import {
  durationMs, eventTimeMs, eventTypeOf, failureMessage, markerData, payloadValue, type EngineEvent,
} from '../workflow-history';

/** Each kind recognises its own timers (workflows/kinds/<kind>/account.ts), so the type lives with theirs, pure. */
export type { EngineTimer };

export interface EngineSend {
  /** the ACTIVITY_TASK_SCHEDULED event */
  eventId: number;
  activityId: string;
  type: string;
  scheduledAt: number;
  /** the outbox idempotency keys of the messages in this send, and their recipients' roles, from its (decrypted) input */
  keys: string[];
  roles: string[];
  /** the attempt that ended it, or the one under way (1 = first try), counting a failed try within the first task */
  attempt: number;
  /** tries made as a local activity before the engine scheduled it (sendSmsFanOut: one, within the case's first task) */
  localTries: number;
  lastFailure: string;
  state: 'pending' | 'completed' | 'failed' | 'timed_out' | 'canceled';
  endedAt?: number;
  /** when a send still retrying will be tried again (from the server's pending-activity info) */
  nextAttemptAt?: number;
}

/** A Postgres write or lookup (a local activity) that needed more than one try. */
export interface EngineLocalRetry {
  eventId: number;
  type: string;
  attempt: number;
  at: number;
}

export interface EngineFacts {
  startedAt: number;
  closedAt: number | null;
  /** the policy in the workflow's input: each kind's own durations */
  policy: Record<string, unknown> | null;
  timers: EngineTimer[];
  sends: EngineSend[];
  localRetries: EngineLocalRetry[];
}

type PendingActivity = proto.temporal.api.workflow.v1.IPendingActivityInfo;
const SEND_TYPES = new Set(['sendSms', 'sendSmsBatch', 'sendSmsFanOut']);
const CLOSING = new Set(['WORKFLOW_EXECUTION_COMPLETED', 'WORKFLOW_EXECUTION_FAILED', 'WORKFLOW_EXECUTION_TERMINATED',
  'WORKFLOW_EXECUTION_CANCELED', 'WORKFLOW_EXECUTION_TIMED_OUT', 'WORKFLOW_EXECUTION_CONTINUED_AS_NEW']);

function ms(t: { seconds?: unknown; nanos?: number | null } | null | undefined): number | undefined {
  return t ? Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : undefined;
}

/** The workflow clock of the task that produced a command: the start time of that workflow task. */
function workflowClock(byId: Map<string, EngineEvent>, completedEventId: unknown, fallback: EngineEvent): number {
  const completed = byId.get(String(completedEventId));
  const started = byId.get(String(completed?.workflowTaskCompletedEventAttributes?.startedEventId));
  return eventTimeMs(started ?? fallback);
}

async function sendRequests(e: EngineEvent): Promise<{ keys: string[]; roles: string[] }> {
  const arg = await payloadValue(e.activityTaskScheduledEventAttributes?.input?.payloads?.[0]);
  if (arg && typeof arg === 'object' && 'posts' in arg) {
    // A fan-out (activities/sms/fan-out.ts): each post's message is keyed by role under its prefix, the rest given whole.
    const f = arg as SmsFanOut;
    const roles = f.posts.flatMap((p) => p.roles);
    return {
      keys: [...roles.map((r) => postKey(f.message.keyPrefix, r)), ...f.direct.map((r) => r.key)],
      roles: [...roles, ...f.direct.map((r) => r.to.role)],
    };
  }
  const reqs = (Array.isArray(arg) ? arg : arg ? [arg] : []) as Partial<SmsRequest>[];
  return { keys: reqs.map((r) => r.key ?? '').filter(Boolean), roles: reqs.map((r) => r.to?.role ?? '').filter(Boolean) };
}

export async function engineFacts(events: EngineEvent[]): Promise<EngineFacts> {
  const byId = new Map(events.map((e) => [String(e.eventId), e]));
  const timers = new Map<string, EngineTimer>();
  const sends = new Map<string, EngineSend>();
  const localRetries: EngineLocalRetry[] = [];
  /** failed local tries of a send not yet scheduled as an activity, by activity type, with the last one's failure */
  const localFailures = new Map<string, { tries: number; failure: string }>();
  const noteLocalFailure = (type: string, failure: string) => {
    localFailures.set(type, { tries: (localFailures.get(type)?.tries ?? 0) + 1, failure });
  };
  let policy: Record<string, unknown> | null = null;
  let closedAt: number | null = null;

  for (const e of events) {
    const type = eventTypeOf(e);
    const id = String(e.eventId);
    if (type === 'WORKFLOW_EXECUTION_STARTED') {
      const input = (await payloadValue(e.workflowExecutionStartedEventAttributes?.input?.payloads?.[0])) as { policy?: Record<string, unknown> } | undefined;
      policy = input?.policy ?? null;
    } else if (CLOSING.has(type)) {
      closedAt = eventTimeMs(e);
    } else if (e.timerStartedEventAttributes) {
      const a = e.timerStartedEventAttributes;
      const startedAt = workflowClock(byId, a.workflowTaskCompletedEventId, e);
      const duration = durationMs(a.startToFireTimeout);
      timers.set(id, { eventId: Number(id), startedAt, durationMs: duration, fireAt: startedAt + duration, state: 'pending' });
    } else if (e.timerFiredEventAttributes || e.timerCanceledEventAttributes) {
      const timer = timers.get(String((e.timerFiredEventAttributes ?? e.timerCanceledEventAttributes)?.startedEventId));
      if (timer) Object.assign(timer, { state: e.timerFiredEventAttributes ? 'fired' : 'canceled', endedAt: eventTimeMs(e) });
    } else if (e.activityTaskScheduledEventAttributes) {
      const a = e.activityTaskScheduledEventAttributes;
      const name = a.activityType?.name ?? '';
      if (!SEND_TYPES.has(name)) continue;
      const local = localFailures.get(name);
      localFailures.delete(name);
      sends.set(id, {
        eventId: Number(id), activityId: a.activityId ?? '', type: name, scheduledAt: eventTimeMs(e), ...(await sendRequests(e)),
        attempt: 1 + (local?.tries ?? 0), localTries: local?.tries ?? 0, lastFailure: local?.failure ?? '', state: 'pending',
      });
    } else if (e.activityTaskStartedEventAttributes) {
      // Written when the attempt that ended the activity began: earlier failed attempts leave only their count and the last failure.
      const a = e.activityTaskStartedEventAttributes;
      const send = sends.get(String(a.scheduledEventId));
      if (send) Object.assign(send, { attempt: (a.attempt ?? 1) + send.localTries, lastFailure: (await failureMessage(a.lastFailure)) || send.lastFailure });
    } else if (e.activityTaskCompletedEventAttributes || e.activityTaskFailedEventAttributes || e.activityTaskTimedOutEventAttributes || e.activityTaskCanceledEventAttributes) {
      const end = e.activityTaskCompletedEventAttributes ?? e.activityTaskFailedEventAttributes ?? e.activityTaskTimedOutEventAttributes ?? e.activityTaskCanceledEventAttributes;
      const send = sends.get(String(end?.scheduledEventId));
      if (!send) continue;
      send.state = e.activityTaskCompletedEventAttributes ? 'completed' : e.activityTaskFailedEventAttributes ? 'failed' : e.activityTaskTimedOutEventAttributes ? 'timed_out' : 'canceled';
      send.endedAt = eventTimeMs(e);
      const failure = e.activityTaskFailedEventAttributes?.failure ?? e.activityTaskTimedOutEventAttributes?.failure;
      if (failure) send.lastFailure = await failureMessage(failure);
    } else if (e.markerRecordedEventAttributes) {
      const data = await markerData(e);
      const type = String(data?.activity_type ?? data?.activityType ?? '');
      if (SEND_TYPES.has(type) && e.markerRecordedEventAttributes.failure) {
        noteLocalFailure(type, await failureMessage(e.markerRecordedEventAttributes.failure));
      }
      // The new case's row and its texts in one local activity (issue 24): its texts' failed try is in its result.
      if (type === 'persistThenFanOut') {
        const result = (await payloadValue(e.markerRecordedEventAttributes.details?.result?.payloads?.[0])) as { failed?: string } | undefined;
        if (typeof result?.failed === 'string') noteLocalFailure('sendSmsFanOut', result.failed);
      }
      const attempt = Number(data?.attempt ?? 1);
      if (attempt > 1) localRetries.push({ eventId: Number(id), type: String(data?.activity_type ?? data?.activityType ?? ''), attempt, at: eventTimeMs(e) });
    }
  }

  return {
    startedAt: events[0] ? eventTimeMs(events[0]) : 0, closedAt, policy,
    timers: [...timers.values()], sends: [...sends.values()], localRetries,
  };
}

/** A send still retrying has no started event yet: the server's pending-activity info says how far it got. */
export async function addPendingAttempts(facts: EngineFacts, pending: PendingActivity[]): Promise<void> {
  for (const p of pending) {
    const send = facts.sends.find((s) => s.activityId === p.activityId && s.state === 'pending');
    if (!send) continue;
    send.attempt = Math.max(send.attempt, p.attempt ?? 1);
    send.lastFailure = (await failureMessage(p.lastFailure)) || send.lastFailure;
    send.nextAttemptAt = ms(p.nextAttemptScheduleTime);
  }
}
