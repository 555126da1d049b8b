/**
 * What the fault tests share: a grievance of the seeded demo organisation (北山 street, 西湖 district, 精密机械), a
 * private database made ready, and reading a case's Temporal history (timers, retried writes, "at rest").
 */
import { randomBytes } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { caseNumberFor, grievanceWorkflowId } from '../../api/services/case-number';
import '../../db/connection'; // its pg type parsers (bigint as number), as in the worker
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { seedDemo } from '../../db/seed/seed-demo';
import { defaultGrievancePolicy, type GrievancePolicy } from '../../temporal.config';
import type { GrievanceInput } from '../../workflows/kinds/grievance/model';

import { eventTypeName, historyEvents, type HistoryEvent } from './history-events';

export { durationMs, eventTimeMs, eventTypeName, EventType, historyEvents } from './history-events';

/** Distinct, real-looking case numbers (GQ + 10 Crockford characters) for one run of one test file. */
export function faultCaseNumbers(label: string, n: number): string[] {
  const run = randomBytes(6).toString('hex');
  return Array.from({ length: n }, (_, i) => caseNumberFor(`fault-${label}-${run}-${i}`));
}

export function demoGrievanceInput(caseNo: string, policy: Partial<GrievancePolicy> = {}): GrievanceInput {
  return {
    caseNo,
    intake: {
      complainantName: '张三', complainantPhone: '13812345678', enterpriseId: 'e-jingmi', enterpriseName: '西湖精密机械有限公司',
      districtId: 'd-xihu', streetId: 's-beishan', category: 'unpaid_wages', description: '年终奖未发放', claimedFen: 1_200_000,
      workerCount: 1, filedBy: { role: 'worker', name: '张三' },
    },
    // No quiet hours: a fault test must not depend on the time of day it runs (night-time SMS wait for the morning).
    policy: { ...defaultGrievancePolicy, quietHours: null, ...policy },
  };
}

export function startGrievance(client: Client, taskQueue: string, input: GrievanceInput) {
  return client.workflow.start('grievance', { workflowId: grievanceWorkflowId(input.caseNo), taskQueue, args: [input] });
}

/**
 * A Kysely handle on a fresh private database, migrated and seeded with the demo organisation. Its pool survives the
 * database going away: an idle connection cut by the server is an 'error' event on the pool, which crashes the process
 * when nobody listens (db/connection.ts's pool has no listener).
 */
export async function readyDatabase(url: string): Promise<Kysely<Database>> {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pool.on('error', () => undefined); // the connection is dropped from the pool; the next query opens a new one
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db);
    await seedDemo(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

/**
 * A workflow is at rest when it waits only on timers or people: no workflow task scheduled or running, no activity
 * pending, and the history ends with a completed workflow task (and did not grow while we looked). From then on it
 * writes nothing until a timer fires or someone acts, so counting its rows proves "exactly once", not "not yet".
 * Returns true, or throws saying why not (waitFor reports the last reason when it gives up).
 */
export async function workflowAtRest(handle: WorkflowHandle): Promise<true> {
  const before = await historyEvents(handle);
  const d = await handle.describe();
  const after = await historyEvents(handle);
  // The events of a task's commands (markers, timers, an update's answer) follow its WORKFLOW_TASK_COMPLETED: since the
  // intake's texts went into the first task (issue 24) a case at rest ends with them, so the last workflow task counts.
  const lastTask = [...after].reverse().find((e) => eventTypeName(e).startsWith('WORKFLOW_TASK_'));
  const why = d.status.name !== 'RUNNING' ? `status ${d.status.name}`
    : (d.raw.pendingActivities ?? []).length > 0 ? `${d.raw.pendingActivities!.length} pending activities`
      : d.raw.pendingWorkflowTask ? `workflow task pending (${JSON.stringify(d.raw.pendingWorkflowTask)})`
        : after.length !== before.length ? 'history grew while looking'
          : !lastTask || eventTypeName(lastTask) !== 'WORKFLOW_TASK_COMPLETED' ? `last workflow task event ${lastTask ? eventTypeName(lastTask) : 'none'}`
            : '';
  if (why) throw new Error(`${handle.workflowId} not at rest: ${why}`);
  return true;
}

function decodeJson(payload: proto.temporal.api.common.v1.IPayload | null | undefined): Record<string, unknown> | undefined {
  try {
    return payload?.data ? JSON.parse(Buffer.from(payload.data).toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * How often each write was tried, from the history: a local activity's marker carries its attempt number (the SDK
 * core's marker data), an activity's started event its attempt. Anything above 1 is a retry after a failure.
 */
export function attemptsByActivity(events: HistoryEvent[]): { type: string; attempt: number }[] {
  const scheduled = new Map<string, string>();
  const out: { type: string; attempt: number }[] = [];
  for (const e of events) {
    const sched = e.activityTaskScheduledEventAttributes;
    if (sched) scheduled.set(String(e.eventId), sched.activityType?.name ?? '');
    const started = e.activityTaskStartedEventAttributes;
    if (started) out.push({ type: scheduled.get(String(started.scheduledEventId)) ?? '?', attempt: started.attempt ?? 1 });
    const marker = e.markerRecordedEventAttributes;
    if (marker) {
      const data = decodeJson(marker.details?.data?.payloads?.[0]);
      if (data) out.push({ type: String(data.activity_type ?? data.activityType ?? marker.markerName), attempt: Number(data.attempt ?? 1) });
    }
  }
  return out;
}

/** Runs every stop even when some fail (afterAll of a fault test: nothing may outlive the file); rethrows the first. */
export async function stopAll(...stops: (() => Promise<unknown> | unknown)[]): Promise<void> {
  const results = [];
  for (const stop of stops) {
    try {
      await stop();
      results.push(undefined);
    } catch (err) {
      results.push(err);
    }
  }
  const failed = results.find((r) => r !== undefined);
  if (failed) throw failed;
}
