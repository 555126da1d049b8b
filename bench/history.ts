/**
 * Measurement 5, the supervisor's history page (GET /api/v1/cases/:caseNo/history): a long case's whole Temporal
 * history fetched, decoded and labelled on every request. We grow one case to at least 200 history events with the
 * worker's notes (each a signal, a workflow task and a persisting activity), then time sequential requests.
 *
 * Since issue 14 the case is filed by district staff (bearer token), and the notes are sent with the worker's own token,
 * opened once with the personal link of the receipt SMS (lib/auth.ts): neither counts against a guess limit.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { json, postJson, staffAuth, workerAuth } from './lib/auth';
import { sleep, summarize, type Summary } from './lib/stats';

export interface HistoryResult {
  caseNo: string;
  notes: number;
  events: number;
  bytes: number;
  requests: number;
  failures: number;
  latency: Summary;
}

const EventType = proto.temporal.api.enums.v1.EventType;
/** district staff: may file, and may read a case's whole engine history */
const SUPERVISOR = { username: 'xihu.qb', password: 'gongqing2026' };

export async function measureHistory(
  baseUrl: string, db: Kysely<Database>, opts: { minEvents: number; maxNotes: number; requests: number; log: (s: string) => void },
): Promise<HistoryResult> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => postJson(`${baseUrl}${path}`, body, headers);
  const auth = await staffAuth(baseUrl, SUPERVISOR);
  const { caseNo } = await json<{ caseNo: string }>(await post('/api/v1/grievances', {
    complainantName: '历史压测', complainantPhone: '13912345678', enterpriseId: 'e-jingmi', category: 'unpaid_wages',
    description: '拖欠工资，用于流程记录页面压测', claimedFen: 800_000, workerCount: 2, idempotencyKey: `bench-history-${randomBytes(6).toString('hex')}`,
  }, auth), 201);
  const history = async () => {
    const res = await fetch(`${baseUrl}/api/v1/cases/${caseNo}/history`, { headers: auth, signal: AbortSignal.timeout(20_000) });
    const text = await res.text();
    return { status: res.status, events: res.status === 200 ? (JSON.parse(text) as { events: unknown[] }).events.length : 0, bytes: text.length };
  };

  // The notes route needs the worker's token, opened with the personal link once the receipt SMS stored it.
  const worker = await workerAuth(baseUrl, db, caseNo);

  let notes = 0;
  let events = (await history()).events;
  while (events < opts.minEvents && notes < opts.maxNotes) {
    const res = await post(`/api/v1/grievances/${caseNo}/notes`, { text: `补充说明第${notes + 1}条：加班费也未发放` }, worker);
    if (res.status !== 202) throw new Error(`note ${notes + 1}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    notes += 1;
    if (notes % 5 === 0) {
      await sleep(300); // let the signal's activity land before counting
      events = (await history()).events;
    }
  }
  // Wait until the history stops growing (the last notes' activities), so every timed request reads the same length.
  for (let i = 0, prev = -1; i < 40 && events !== prev; i++) {
    prev = events;
    await sleep(500);
    events = (await history()).events;
  }
  opts.log(`history: case ${caseNo} has ${events} events after ${notes} notes`);

  const latencies: number[] = [];
  let failures = 0;
  let bytes = 0;
  for (let i = 0; i < opts.requests; i++) {
    const t = performance.now();
    const r = await history();
    if (r.status === 200) {
      latencies.push(performance.now() - t);
      bytes = r.bytes;
    } else failures += 1;
  }
  return { caseNo, notes, events, bytes, requests: opts.requests, failures, latency: summarize(latencies) };
}

export interface HistoryShape {
  events: number;
  workflowTasks: number;
  activityTasks: number;
  localActivities: number;
  /** patch markers (each with its upsert of TemporalChangeVersion, an event of its own) */
  patches: number;
  timers: number;
}

/**
 * What one workflow cost the server, read from its history: every event is a write the server made, every workflow
 * and activity task a round trip through its task queues. Compared with the noop workflow it explains the gap between
 * the limit and intake.
 */
export async function historyShape(client: Client, workflowId: string): Promise<HistoryShape> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const count = (t: string) => events.filter((e) => String(EventType[e.eventType ?? 0]) === `EVENT_TYPE_${t}`).length;
  return {
    events: events.length, workflowTasks: count('WORKFLOW_TASK_COMPLETED'), activityTasks: count('ACTIVITY_TASK_SCHEDULED'),
    localActivities: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
    patches: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch').length, timers: count('TIMER_STARTED'),
  };
}
