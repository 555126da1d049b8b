/**
 * Fault: PostgreSQL goes down (fast shutdown: sessions cut, open transactions rolled back, connections refused) while
 * ten grievances are in the middle of their intake, and comes back five seconds later on the same port: five are filed
 * and the outage begins as soon as the first intake write lands; five more are filed while it is down, so their writes
 * meet it for certain (a new case is written in one statement, and the first five may all be done before the stop). Every
 * case must end up complete and written once: its row, a gap-free event sequence, one open contact task, the six intake
 * SMS (five staff, the worker's receipt) each stored once.
 *
 * The database cluster is this file's own; the Temporal server is the suite's shared one (on a task queue of this
 * file's own), which this test never stops.
 */
import { randomBytes } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grievanceWorkflowId } from '../../api/services/case-number';
import { connectTemporal } from '../../api/temporal-client';
import type { Database } from '../../db/schema';
import {
  attemptsByActivity, demoGrievanceInput, faultCaseNumbers, historyEvents, readyDatabase, startGrievance, stopAll, workflowAtRest,
} from '../helpers/fault-cases';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres';
import { sleep, waitFor } from '../helpers/processes';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

const CASES = 10;
const DOWN_MS = 5_000;
/** DOMAIN §1: five people hear of a case at intake; the worker gets the tracking number. */
const INTAKE_ROLES = ['street_caseworker', 'street_chair', 'district_staff', 'supervising_leader', 'district_chair'];

let pgServer: PrivatePostgres | undefined;
let worker: WorkerProcess | undefined;
let client: Client | undefined;
let db: Kysely<Database> | undefined;
const taskQueue = `gq-fault-pgout-${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  if (!process.env.TEMPORAL_ADDRESS) throw new Error('run fault tests through `npm test` (scripts/test.sh): TEMPORAL_ADDRESS is not set');
  pgServer = await startPrivatePostgres('pgout');
  db = await readyDatabase(pgServer.url);
  worker = await startWorkerProcess({ databaseUrl: pgServer.url, taskQueue, env: { GONGQING_PG_POOL: '5' } });
  client = await connectTemporal();
}, 150_000);

afterAll(async () => {
  await stopAll(
    () => worker?.kill(),
    () => client?.connection.close(),
    () => db?.destroy(),
    () => pgServer?.destroy(),
  );
}, 60_000);

async function rowCounts() {
  const count = async (table: 'cases' | 'case_events' | 'tasks' | 'sms_outbox') =>
    Number((await db!.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const [cases, events, tasks, sms] = await Promise.all([count('cases'), count('case_events'), count('tasks'), count('sms_outbox')]);
  return { cases, events, tasks, sms };
}

/** A case is complete when its contact task is open and its six intake SMS are stored. */
async function completeCases(caseNos: string[]): Promise<number> {
  const tasks = await db!.selectFrom('tasks').select('case_no').where('case_no', 'in', caseNos).where('status', '=', 'open').execute();
  const sms = await db!.selectFrom('sms_outbox').select(['case_no', sql<number>`count(*)`.as('n')])
    .where('case_no', 'in', caseNos).where('status', 'in', ['stored', 'sent']).groupBy('case_no').execute();
  const withTask = new Set(tasks.map((t) => t.case_no));
  return sms.filter((r) => Number(r.n) >= 6 && withTask.has(r.case_no!)).length;
}

describe('fault: PostgreSQL goes down in the middle of ten intakes', () => {
  it('every case ends up complete and written exactly once', async () => {
    const caseNos = faultCaseNumbers('pgout', CASES);
    const t0 = Date.now();
    const file = (some: string[]) => Promise.all(some.map((caseNo) => startGrievance(client!, taskQueue, demoGrievanceInput(caseNo))));
    const starting = file(caseNos.slice(0, CASES / 2));
    starting.catch(() => undefined); // awaited below; a failure must not surface as an unhandled rejection meanwhile

    // The outage begins as soon as the first intake row lands: the other cases are then mid-intake.
    await waitFor('the first intake write', async () => (await rowCounts()).events > 0, 30_000, 5);
    const before = await rowCounts();
    const completeBefore = await completeCases(caseNos);
    const stopBegan = Date.now();
    await pgServer!.stop();
    const down = Date.now();
    const filedWhileDown = file(caseNos.slice(CASES / 2));
    filedWhileDown.catch(() => undefined);
    await sleep(DOWN_MS);
    const restartBegan = Date.now();
    await pgServer!.start();
    const up = Date.now();
    const handles: WorkflowHandle[] = [...await starting, ...await filedWhileDown];

    await waitFor('every case complete after the outage', async () => {
      worker!.assertAlive();
      return (await completeCases(caseNos)) === CASES;
    }, 60_000, 200);
    const allComplete = Date.now();
    // Counting proves "once" only when nothing is in flight: every workflow waits on its timers again.
    await waitFor('every workflow at rest', async () => {
      worker!.assertAlive();
      return (await Promise.all(handles.map(workflowAtRest))).every(Boolean);
    }, 30_000, 250);

    for (const caseNo of caseNos) {
      const wf = grievanceWorkflowId(caseNo);
      const row = await db!.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
      expect(row, `case row ${caseNo}`).toMatchObject({ workflow_id: wf, status: 'open', stage: 'contact', street_id: 's-beishan', district_id: 'd-xihu' });

      const events = await db!.selectFrom('case_events').select(['seq', 'type', 'event_key']).where('case_no', '=', caseNo).orderBy('seq').execute();
      expect(events.map((e) => e.seq), `event sequence of ${caseNo}`).toEqual(events.map((_, i) => i + 1));
      expect(events.map((e) => e.event_key)).toEqual(events.map((e) => `${wf}#${e.seq}`));
      expect(events.filter((e) => e.type === 'filed'), `one 'filed' event for ${caseNo}`).toHaveLength(1);
      expect(events[0].type).toBe('filed');
      expect(events.filter((e) => e.type === 'task_opened'), `one 'task_opened' event for ${caseNo}`).toHaveLength(1);

      const tasks = await db!.selectFrom('tasks').select(['kind', 'status', 'escalation_level']).where('case_no', '=', caseNo).execute();
      expect(tasks, `tasks of ${caseNo}`).toEqual([{ kind: 'contact', status: 'open', escalation_level: 0 }]);

      const sms = await db!.selectFrom('sms_outbox').select(['idempotency_key', 'status', 'attempts']).where('case_no', '=', caseNo).execute();
      const expectedKeys = [...INTAKE_ROLES.map((role) => `${wf}:intake:${role}`), `${wf}:receipt`].sort();
      expect(sms.map((r) => r.idempotency_key).sort(), `SMS of ${caseNo}`).toEqual(expectedKeys);
      // attempts counts committed deliveries: 1 means each message went out once, also when its batch was retried.
      for (const r of sms) expect(r, r.idempotency_key).toMatchObject({ status: 'stored', attempts: 1 });
    }
    // Nothing else in the database either: no stray row written under another key.
    const after = await rowCounts();
    expect(after.cases).toBe(CASES);
    expect(after.tasks).toBe(CASES);
    expect(after.sms).toBe(CASES * 6);
    expect(worker!.alive(), `the worker survived the outage:\n${worker!.output().slice(-2000)}`).toBe(true);

    // What the outage actually hit: writes (local activities, SMS batches) that needed more than one attempt.
    const attempts = (await Promise.all(handles.map(historyEvents))).flatMap(attemptsByActivity);
    const retried = attempts.filter((a) => a.attempt > 1);
    const retriedByType = Object.entries(retried.reduce<Record<string, number>>((m, a) => ({ ...m, [a.type]: (m[a.type] ?? 0) + 1 }), {}))
      .map(([type, n]) => `${type}×${n}`).join(', ') || 'none';
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `[fault] postgres-outage: ${CASES} cases; stop began ${s(stopBegan - t0)} after the first start with ` +
      `${before.cases} cases/${before.events} events/${before.tasks} tasks/${before.sms} SMS written (${completeBefore} complete); ` +
      `Postgres down ${s(restartBegan - down)} (fast stop ${s(down - stopBegan)}, start ${s(up - restartBegan)}); ` +
      `all ${CASES} complete ${s(allComplete - up)} after it was back; writes retried: ${retriedByType} ` +
      `(max attempt ${Math.max(...attempts.map((a) => a.attempt))})`,
    );
    // The fault must have landed on work in flight, or this test proved nothing about it.
    expect(retried.length, 'writes that failed during the outage and were retried').toBeGreaterThan(0);
  }, 110_000);
});
