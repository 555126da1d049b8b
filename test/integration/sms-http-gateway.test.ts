/**
 * The `http` SMS adapter against the loopback gateway (scripts/fake-sms-gateway.ts), a real HTTP server at the true
 * edge of the system that honours idempotency keys as real gateways do. Temporal retries a flaky gateway; a number
 * the gateway refuses for good is recorded on the case instead; a worker killed after the gateway took a message but
 * before the row was marked sent retries with the same key, and nobody is texted twice. The worker's personal link
 * reaches the phone while the outbox shows it masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporal as proto } from '@temporalio/proto';
import { apiClient, validIntake } from '../helpers/http';
import { browser } from '../helpers/browser';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { freshPhone } from '../helpers/worker-proof';

const EventType = proto.api.enums.v1.EventType;
type EventType = proto.api.enums.v1.EventType;
let sys: System;
let staff: string;

beforeAll(async () => {
  sys = await startSystem('smshttp');
  await sys.startWorker();
  staff = await apiClient(sys.baseUrl).login('cuiyuan.sg');
});

afterAll(async () => {
  await sys?.stop();
});

/** Filed by the street's caseworker on the worker's behalf: no phone code involved. */
async function file(overrides: Record<string, unknown> = {}) {
  const filed = await apiClient(sys.baseUrl).call('POST', '/api/v1/grievances', validIntake({ enterpriseId: 'e-canyin', complainantPhone: freshPhone(), ...overrides }), staff);
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  return filed.body.caseNo as string;
}
const rowsOf = (caseNo: string) =>
  sys.db.selectFrom('sms_outbox').select(['idempotency_key', 'recipient_phone', 'recipient_role', 'status', 'attempts', 'last_error', 'body']).where('case_no', '=', caseNo).execute();
const postsFor = (caseNo: string) => sys.sms.posts.filter((p) => p.key.includes(caseNo));
const receivedFor = (caseNo: string) => sys.sms.received.filter((m) => m.key.includes(caseNo));

describe('SMS through the http gateway adapter', () => {
  it('sends the whole intake fan-out within the case\'s first workflow task while the gateway answers (issue 24)', async () => {
    const caseNo = await file();
    const rows = await eventually(async () => { const r = await rowsOf(caseNo); return r.length === 6 && r.every((x) => x.status === 'sent') && r; }, 20_000);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const events = (await sys.temporal.workflow.getHandle(`grievance-${caseNo}`).fetchHistory()).events ?? [];
    const count = (type: EventType) => events.filter((e) => e.eventType === type).length;
    // One workflow task and no activity task until the case rests on its first step (before: two, and one activity task).
    expect(count(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)).toBe(1);
    expect(count(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)).toBe(0);
  }, 60_000);

  it('retries a refusing gateway and delivers each intake SMS exactly once', async () => {
    sys.sms.behaviour.refuseFirst = 2;
    try {
      const caseNo = await file();
      const rows = await eventually(async () => { const r = await rowsOf(caseNo); return r.length === 6 && r.every((x) => x.status === 'sent') && r; }, 30_000);
      for (const r of rows) expect(r).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
      expect(receivedFor(caseNo)).toHaveLength(6);
      expect(new Set(receivedFor(caseNo).map((m) => m.key)).size).toBe(6);
    } finally {
      sys.sms.behaviour.refuseFirst = 0;
    }
  }, 60_000);

  it('sends the worker the real personal link while the outbox keeps it masked, and the link opens the case', async () => {
    const phone = freshPhone();
    const caseNo = await file({ complainantPhone: phone });
    const sms = await sys.sms.waitFor((m) => m.phone === phone && m.text.includes('/t/'), 20_000);
    const link = /(http:\/\/\S+\/t\/L[A-Za-z0-9_-]{32})/.exec(sms.text)![1];
    const stored = (await rowsOf(caseNo)).find((r) => r.recipient_phone === phone)!;
    expect(stored.body).toContain('[个人专属链接]');
    expect(stored.body).not.toContain('/t/');
    const stored2 = await sys.db.selectFrom('worker_links').select('token_hash').where('case_no', '=', caseNo).execute();
    expect(stored2).toHaveLength(1);
    expect(stored2[0].token_hash).not.toContain(link.split('/t/')[1]);

    const page = browser(sys.baseUrl);
    const opened = await page.open(new URL(link).pathname);
    expect(opened.status).toBe(200);
    expect(opened.html).toContain(caseNo);
  }, 60_000);

  it('records a number the gateway refuses for good on the case, shows staff, and never retries it', async () => {
    const phone = freshPhone();
    sys.sms.behaviour.rejectPhones.add(phone);
    const caseNo = await file({ complainantPhone: phone });
    const event = await eventually(() => sys.db.selectFrom('case_events').select(['summary']).where('case_no', '=', caseNo).where('type', '=', 'sms_rejected').executeTakeFirst(), 30_000);
    expect(event.summary).toContain('HTTP 400');
    const row = (await rowsOf(caseNo)).find((r) => r.recipient_phone === phone)!;
    expect(row).toMatchObject({ status: 'rejected', attempts: 1 });
    expect(postsFor(caseNo).filter((p) => p.phone === phone)).toHaveLength(1);
    const others = await eventually(async () => { const r = await rowsOf(caseNo); return r.filter((x) => x.status === 'sent').length === 5 && r; });
    expect(others.filter((r) => r.status === 'sent')).toHaveLength(5);

    const page = browser(sys.baseUrl);
    await page.signIn('cuiyuan.sg');
    const casePage = await page.open(`/staff/cases/${caseNo}`);
    expect(casePage.html).toContain('短信未能送达职工');
  }, 60_000);

  it('texts nobody twice when the worker dies after the gateway took a message and before the row was marked sent', async () => {
    // The first message of the next batch is taken by the gateway and held unanswered while the worker is killed.
    let held: (() => void) | undefined;
    const tookIt = new Promise<string>((resolve) => {
      sys.sms.behaviour.holdNext = (m) => new Promise<void>((_release, fail) => {
        held = () => fail(new Error('the sender died before it heard back'));
        resolve(m.phone);
      });
    });
    const caseNo = await file();
    const phone = await tookIt;
    const t0 = Date.now();
    await sys.killWorker();
    held?.();
    expect((await rowsOf(caseNo)).find((r) => r.recipient_phone === phone)?.status).not.toBe('sent');

    await sys.startWorker();
    const rows = await eventually(async () => { const r = await rowsOf(caseNo); return r.length === 6 && r.every((x) => x.status === 'sent') && r; }, 60_000);
    console.log(`[faults] worker killed mid-send: batch retried and every row sent ${((Date.now() - t0) / 1000).toFixed(1)} s later`);
    expect(rows).toHaveLength(6);
    const toWorker = postsFor(caseNo).filter((p) => p.phone === phone);
    // The retry carried the same key; the gateway answered it as a duplicate and the phone got one message.
    expect(toWorker.length).toBeGreaterThanOrEqual(2);
    expect(new Set(toWorker.map((p) => p.key)).size).toBe(1);
    expect(toWorker.filter((p) => p.duplicate).length).toBeGreaterThanOrEqual(1);
    expect(sys.sms.inbox(phone).filter((m) => m.key.includes(caseNo))).toHaveLength(1);
  }, 120_000);
});
