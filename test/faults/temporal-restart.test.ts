/**
 * Fault: the Temporal server goes down while a case waits on its contact step's due timer, and comes back on the same
 * SQLite file and port. The timer's due moment falls inside the outage, so it must fire after the restart, exactly
 * once, and never before its due time: one level-1 escalation event, one SMS per escalation recipient, one TIMER_FIRED.
 *
 * Everything here is private to this file (Postgres cluster, dev server, worker process), so stopping the engine
 * leaves the rest of the suite alone; afterAll stops all of it whatever happened.
 */
import { randomBytes } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTemporal } from '../../api/temporal-client';
import type { Database } from '../../db/schema';
import {
  demoGrievanceInput, durationMs, eventTimeMs, eventTypeName, faultCaseNumbers, historyEvents, readyDatabase, startGrievance,
  stopAll, workflowAtRest,
} from '../helpers/fault-cases';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { startPrivateTemporal, type PrivateTemporal } from '../helpers/private-temporal';
import { sleep, waitFor } from '../helpers/processes';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

const CONTACT_DUE_MS = 15_000;
/** the outage begins this long before the timer is due … */
const STOP_BEFORE_DUE_MS = 4_000;
/** … and lasts at least this long and past the due time */
const MIN_DOWN_MS = 3_000;
const DOWN_PAST_DUE_MS = 1_500;

let pgServer: PrivatePostgres | undefined;
let temporal: PrivateTemporal | undefined;
let worker: WorkerProcess | undefined;
let client: Client | undefined;
let db: Kysely<Database> | undefined;
const taskQueue = `gq-fault-trestart-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  // Each piece is kept as soon as it exists, so afterAll stops it even if a later one fails or the hook times out.
  const started = await Promise.allSettled([
    startPrivatePostgres('trestart').then((p) => (pgServer = p)),
    startPrivateTemporal('trestart').then((t) => (temporal = t)),
  ]);
  for (const r of started) if (r.status === 'rejected') throw r.reason;
  db = await readyDatabase(pgServer!.url);
  worker = await startWorkerProcess({ databaseUrl: pgServer!.url, taskQueue, temporalAddress: temporal!.address, env: { GONGQING_PG_POOL: '5' } });
  client = await connectTemporal(temporal!.address);
}, 150_000);

afterAll(async () => {
  await stopAll(
    () => worker?.kill(),
    () => client?.connection.close(),
    () => db?.destroy(),
    () => temporal?.destroy(),
    () => pgServer?.destroy(),
  );
}, 60_000);

describe('fault: the Temporal server restarts while a case waits on a due timer', () => {
  it('the contact timer, due during the outage, fires exactly once after the restart and not before its due time', async () => {
    const [caseNo] = faultCaseNumbers('trestart', 1);
    const handle: WorkflowHandle = await startGrievance(client!, taskQueue, demoGrievanceInput(caseNo, { contactDue: CONTACT_DUE_MS }));

    const task = await waitFor('the contact task row', () =>
      db!.selectFrom('tasks').selectAll().where('case_no', '=', caseNo).where('kind', '=', 'contact').executeTakeFirst(), 30_000);
    const dueMs = new Date(task.due_at).getTime();
    // The server must have recorded the step's timer before it goes down (the 12-hour enterprise notice is the other one).
    const timer = await waitFor('the contact timer in the history', async () =>
      (await historyEvents(handle)).find((e) => {
        const ms = durationMs(e.timerStartedEventAttributes?.startToFireTimeout);
        return eventTypeName(e) === 'TIMER_STARTED' && ms > 0 && ms <= CONTACT_DUE_MS;
      }), 15_000);

    const escalations = () => db!.selectFrom('case_events').selectAll().where('case_no', '=', caseNo).where('type', '=', 'task_escalated').execute();
    await sleep(dueMs - STOP_BEFORE_DUE_MS - Date.now()); // scheduling the fault, not a proof of anything
    expect(await escalations(), 'nothing may escalate before the outage, 4 s before the due time').toHaveLength(0);

    const stopBegan = Date.now();
    await temporal!.stop();
    const down = Date.now();
    await sleep(Math.max(MIN_DOWN_MS - (Date.now() - down), dueMs + DOWN_PAST_DUE_MS - Date.now()));
    const restartBegan = Date.now();
    await temporal!.start();
    const serving = Date.now();
    expect(down, 'the timer was due while the server was down').toBeLessThan(dueMs);
    expect(restartBegan).toBeGreaterThan(dueMs);

    const [escalation] = await waitFor('the level-1 escalation event', async () => {
      worker!.assertAlive();
      const rows = await escalations();
      return rows.length > 0 ? rows : undefined;
    }, 45_000, 100);
    const escalatedSeen = Date.now();
    const data = escalation.data as { taskId: string; level: number; recipients: string[] };
    const recipients = data.recipients;
    const smsKeys = recipients.map((role) => `${task.task_id}:escalation:1:${role}`);
    await waitFor('the escalation SMS', async () => {
      const rows = await db!.selectFrom('sms_outbox').select('idempotency_key').where('idempotency_key', 'in', smsKeys).where('status', 'in', ['stored', 'sent']).execute();
      return rows.length === smsKeys.length;
    }, 30_000);
    // Only once the workflow waits on its next rung (4 hours away) can "exactly one" be counted: nothing is in flight.
    await waitFor('the workflow to come to rest on its next rung', () => {
      worker!.assertAlive();
      return workflowAtRest(handle);
    }, 30_000, 200);

    // Postgres: one escalation, level 1, for this task, recorded no earlier than the due time.
    const events = await escalations();
    expect(events).toHaveLength(1);
    expect(data).toMatchObject({ taskId: task.task_id, level: 1, notify: 'assignee' });
    expect(recipients.length).toBeGreaterThan(0);
    const escalatedAt = new Date(events[0].at).getTime();
    expect(escalatedAt, `escalation at ${new Date(escalatedAt).toISOString()}, due ${new Date(dueMs).toISOString()}`).toBeGreaterThanOrEqual(dueMs);
    const taskAfter = await db!.selectFrom('tasks').selectAll().where('task_id', '=', task.task_id).executeTakeFirstOrThrow();
    expect(taskAfter).toMatchObject({ status: 'open', escalation_level: 1 });

    // One SMS per recipient of the rung, each sent once, and no other escalation SMS for the case.
    const sms = await db!.selectFrom('sms_outbox').select(['idempotency_key', 'status', 'attempts'])
      .where('case_no', '=', caseNo).where('idempotency_key', 'like', `${task.task_id}:escalation:%`).execute();
    expect(sms.map((r) => r.idempotency_key).sort()).toEqual([...smsKeys].sort());
    for (const r of sms) expect(r, r.idempotency_key).toMatchObject({ attempts: 1 });

    // The case's events are still one gap-free sequence.
    const seqs = (await db!.selectFrom('case_events').select('seq').where('case_no', '=', caseNo).orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));

    // Temporal: exactly one TIMER_FIRED for the contact timer, and at or after the due time.
    const history = await historyEvents(handle);
    const fired = history.filter((e) => eventTypeName(e) === 'TIMER_FIRED' && String(e.timerFiredEventAttributes?.startedEventId) === String(timer.eventId));
    expect(fired).toHaveLength(1);
    expect(history.filter((e) => eventTypeName(e) === 'TIMER_FIRED')).toHaveLength(1);
    const firedAt = eventTimeMs(fired[0]);
    expect(firedAt).toBeGreaterThanOrEqual(dueMs);
    expect(worker!.alive(), `the worker survived the outage:\n${worker!.output().slice(-2000)}`).toBe(true);

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `[fault] temporal-restart: server down ${s(serving - down)} (SIGTERM→exit ${s(down - stopBegan)}, start→SERVING ${s(serving - restartBegan)}); ` +
      `timer due ${s(dueMs - down)} into the outage; TIMER_FIRED ${s(firedAt - restartBegan)} after the restart began (${s(firedAt - dueMs)} after due), ` +
      `escalation in Postgres ${s(escalatedSeen - restartBegan)} after it; 1 event, ${sms.length} SMS, 1 TIMER_FIRED`,
    );
  }, 120_000);
});
