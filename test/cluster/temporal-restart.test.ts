/**
 * The cluster's Temporal server crashes (SIGKILL) while cases wait on their contact timers, and its supervisor starts
 * it again on the same Postgres databases and ports. Some timers fall due during the outage, the others after it: each
 * fires exactly once and never before its due time, with one escalation event and its SMS per case.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporalConfig } from '../../temporal.config';
import { connectCluster, type Cluster } from '../helpers/cluster';
import {
  demoGrievanceInput, durationMs, eventTimeMs, eventTypeName, faultCaseNumbers, historyEvents, startGrievance, workflowAtRest,
} from '../helpers/fault-cases';
import { sleep, waitFor } from '../helpers/processes';

/**
 * Contact due times, from the start; the crash comes half a second before the first, and the server is back 1.4–3 s
 * later (its supervisor starts a new process): 1.5 s before, a quick restart once left no timer due in the outage.
 */
const DUE_MS = [14_000, 14_500, 15_000, 17_000, 21_000];
const CRASH_BEFORE_FIRST_MS = 500;

let cluster: Cluster;
beforeAll(async () => {
  cluster = await connectCluster();
});
afterAll(async () => {
  await cluster?.close();
});

describe('the Temporal server of the cluster restarts while timers are due', () => {
  it('fires each timer once, none before its due time', async () => {
    const caseNos = faultCaseNumbers('cluster-timers', DUE_MS.length);
    const startedAt = Date.now();
    const handles: WorkflowHandle[] = [];
    for (const [i, caseNo] of caseNos.entries()) {
      handles.push(await startGrievance(cluster.temporal, temporalConfig.taskQueue, demoGrievanceInput(caseNo, { contactDue: DUE_MS[i] - (Date.now() - startedAt) })));
    }
    const tasks = await Promise.all(caseNos.map((caseNo) => waitFor(`${caseNo}'s contact task`, () =>
      cluster.db.selectFrom('tasks').selectAll().where('case_no', '=', caseNo).where('kind', '=', 'contact').executeTakeFirst(), 30_000)));
    const dueAt = tasks.map((t) => new Date(t.due_at).getTime());
    const timers = await Promise.all(handles.map((h, i) => waitFor(`${h.workflowId}'s contact timer`, async () =>
      (await historyEvents(h)).find((e) => eventTypeName(e) === 'TIMER_STARTED' && durationMs(e.timerStartedEventAttributes?.startToFireTimeout) <= DUE_MS[i]), 15_000)));

    const escalations = (caseNo: string) =>
      cluster.db.selectFrom('case_events').selectAll().where('case_no', '=', caseNo).where('type', '=', 'task_escalated').execute();
    await sleep(Math.min(...dueAt) - CRASH_BEFORE_FIRST_MS - Date.now());
    for (const caseNo of caseNos) expect(await escalations(caseNo), 'nothing escalates before its due time').toHaveLength(0);
    const before = cluster.pidOf('temporal-server');
    const crashedAt = Date.now();
    await cluster.crash('temporal-server');
    // Back when its supervisor has started a new process and it answers again.
    const back = await waitFor('the Temporal server back', async () => {
      if (cluster.pidOf('temporal-server') === before) return false;
      await cluster.temporal.workflowService.getSystemInfo({});
      return Date.now();
    }, 90_000, 200);
    const dueDuringOutage = dueAt.filter((d) => d > crashedAt && d < back).length;
    expect(dueDuringOutage, 'at least one timer fell due while the server was down').toBeGreaterThan(0);

    for (const [i, caseNo] of caseNos.entries()) {
      const [event] = await waitFor(`${caseNo}'s escalation`, async () => {
        const rows = await escalations(caseNo);
        return rows.length > 0 && rows;
      }, 60_000, 200);
      await waitFor(`${caseNo} at rest on its next rung`, () => workflowAtRest(handles[i]), 60_000, 200);
      expect(await escalations(caseNo)).toHaveLength(1);
      expect(new Date(event.at).getTime(), caseNo).toBeGreaterThanOrEqual(dueAt[i]);
      const history = await historyEvents(handles[i]);
      const fired = history.filter((e) => eventTypeName(e) === 'TIMER_FIRED');
      expect(fired, caseNo).toHaveLength(1);
      expect(String(fired[0].timerFiredEventAttributes?.startedEventId)).toBe(String(timers[i].eventId));
      expect(eventTimeMs(fired[0])).toBeGreaterThanOrEqual(dueAt[i]);
      // The rung's SMS: each key once in the outbox, sent once.
      const sms = await waitFor(`${caseNo}'s escalation SMS sent`, async () => {
        const rows = await cluster.db.selectFrom('sms_outbox').select(['idempotency_key', 'status', 'attempts'])
          .where('case_no', '=', caseNo).where('idempotency_key', 'like', `${tasks[i].task_id}:escalation:%`).execute();
        return rows.length > 0 && rows.every((r) => r.status === 'sent') && rows;
      }, 30_000, 200);
      expect(new Set(sms.map((r) => r.idempotency_key)).size).toBe(sms.length);
      const received = cluster.sms().filter((m) => sms.some((r) => r.idempotency_key === m.key));
      expect(received).toHaveLength(sms.length);
    }
    console.log(`[cluster] temporal restart: down ${((back - crashedAt) / 1000).toFixed(1)} s, ${dueDuringOutage} of ${DUE_MS.length} timers due during the outage`);
  });
});
