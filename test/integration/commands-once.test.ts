/**
 * A repeated command never does the work twice (issue 14: the same coordination request sent 22 times opened 23
 * tasks), a second command arriving while the first is applied cannot overwrite an outcome or withdraw after one, and
 * a closed case lists nothing as open.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/http';
import { browser } from '../helpers/browser';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { codeSentTo, fileAsWorker, freshPhone } from '../helpers/worker-proof';
import { validIntake } from '../helpers/http';
import { startsInFlight, withinStartGate } from '../../api/services/start-gate';

let sys: System;
let api: ReturnType<typeof apiClient>;
let caseworker: string;

beforeAll(async () => {
  sys = await startSystem('once');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  caseworker = await api.login('beishan.sg');
});

afterAll(async () => {
  await sys?.stop();
});

const coordinationTasks = (caseNo: string) =>
  sys.db.selectFrom('tasks').select(['task_id', 'status']).where('case_no', '=', caseNo).where('kind', '=', 'coordination').execute();
const act = (caseNo: string, action: string, body: unknown, key?: string, token = caseworker) =>
  api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token, key ? { 'idempotency-key': key } : {});

describe('a command sent again', () => {
  it('opens one coordination task for 22 identical requests with one Idempotency-Key, all answered alike', async () => {
    const { caseNo } = await fileAsWorker(sys);
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 22 }, () => act(caseNo, 'openCoordination', { department: '人社局', note: '请协查社保' }, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(22).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.body.view.openCoordination))).size).toBe(1);
    expect(await coordinationTasks(caseNo)).toHaveLength(1);
    const events = await sys.db.selectFrom('case_events').select('type').where('case_no', '=', caseNo).where('type', '=', 'coordination_opened').execute();
    expect(events).toHaveLength(1);
  });

  it('opens one task for 22 requests without a key too: the rest are refused as a repeat', async () => {
    const { caseNo } = await fileAsWorker(sys);
    const answers = await Promise.all(Array.from({ length: 22 }, () => act(caseNo, 'openCoordination', { department: '税务局', note: '请协查个税' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status).toBe(409);
      expect(a.body.message).toContain('请勿重复发起');
    }
    expect(await coordinationTasks(caseNo)).toHaveLength(1);
  });

  it('applies a double-clicked page form once (its one-time key) and says it was done', async () => {
    const { caseNo } = await fileAsWorker(sys);
    const page = browser(sys.baseUrl);
    await page.signIn('beishan.sg');
    const form = await page.open(`/staff/cases/${caseNo}`);
    const key = /id="action-contactComplainant"[\s\S]*?name="_key" value="([^"]+)"/.exec(form.html)![1];
    const [a, b] = await Promise.all([1, 2].map(() => page.post(`/staff/cases/${caseNo}/actions/contactComplainant`, { _key: key, note: '已电话联系职工' })));
    expect([a.status, b.status]).toEqual([303, 303]);
    const events = await sys.db.selectFrom('case_events').select('type').where('case_no', '=', caseNo).where('type', '=', 'complainant_contacted').execute();
    expect(events).toHaveLength(1);
    expect((await page.open(a.location!)).html).toContain('已完成：已联系职工');
  });
});

describe('commands at the same moment', () => {
  it('records one outcome and no withdrawal when an outcome, another outcome and a withdrawal arrive together', async () => {
    const { caseNo, token } = await fileAsWorker(sys);
    for (const [action, body] of [['contactComplainant', { note: '1' }], ['notifyEnterpriseNow', { reason: '职工同意' }], ['verifyWithEnterprise', { note: '2' }], ['urgeMediation', { note: '3' }]] as const) {
      expect((await act(caseNo, action, body)).status).toBe(200);
    }
    const answers = await Promise.all([
      act(caseNo, 'recordOutcome', { outcome: 'mediated', recoveredFen: 860_000 }),
      act(caseNo, 'recordOutcome', { outcome: 'court' }),
      api.call('POST', `/api/v1/grievances/${caseNo}/withdrawal`, { reason: '企业让我撤回' }, token),
    ]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const decided = await sys.db.selectFrom('case_events').select(['type', 'data']).where('case_no', '=', caseNo).where('type', 'in', ['outcome_recorded', 'withdrawn']).execute();
    expect(decided).toHaveLength(1);
    const row = await sys.db.selectFrom('cases').select(['outcome']).where('case_no', '=', caseNo).executeTakeFirstOrThrow();
    expect(row.outcome).toBe(decided[0].type === 'withdrawn' ? 'withdrawn' : (decided[0].data as { outcome: string }).outcome);
  });
});

describe('a closed case', () => {
  it('lists no coordination as open once the case is closed', async () => {
    const { caseNo, token } = await fileAsWorker(sys);
    expect((await act(caseNo, 'openCoordination', { department: '市场监管局', note: '协查' })).status).toBe(200);
    expect((await api.call('POST', `/api/v1/grievances/${caseNo}/withdrawal`, { reason: '已解决' }, token)).status).toBe(200);
    const view = await eventually(async () => { const r = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, caseworker); return r.body.view.status === 'closed' && r.body.view; });
    expect(view.openCoordination).toEqual([]);
    expect(view.openTasks).toEqual([]);
    expect(await coordinationTasks(caseNo)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
  });
});

describe('a start past the bound on starts in flight', () => {
  it('is answered 503 with Retry-After once its short wait for a place is over, uses up neither the case nor the code, and is filed when sent again', async () => {
    process.env.GONGQING_STARTS_IN_FLIGHT = '1';
    let release = () => {};
    const held = withinStartGate(() => new Promise<void>((r) => { release = r; }));
    try {
      const body = validIntake({ complainantPhone: freshPhone(), idempotencyKey: `gate-${randomUUID()}` });
      const seen = sys.sms.received.length;
      expect((await api.call('POST', '/api/v1/phone-codes', { phone: body.complainantPhone, purpose: 'file' })).status).toBe(202);
      const phoneCode = await codeSentTo(sys, body.complainantPhone, seen);
      const file = () => fetch(`${sys.baseUrl}/api/v1/grievances`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...body, phoneCode }) });

      const refused = await file();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('2');
      expect(((await refused.json()) as { message: string }).message).toContain('秒后重试');
      expect(startsInFlight()).toBe(1);
      const filedBy = await sys.db.selectFrom('cases').select('case_no').where('complainant_phone', '=', body.complainantPhone).execute();
      expect(filedBy).toEqual([]);

      release();
      await held;
      const filed = await file();
      expect(filed.status).toBe(201);
      const { caseNo } = (await filed.json()) as { caseNo: string };
      expect(await sys.db.selectFrom('cases').select('case_no').where('complainant_phone', '=', body.complainantPhone).execute()).toEqual([{ case_no: caseNo }]);
    } finally {
      delete process.env.GONGQING_STARTS_IN_FLIGHT;
      release();
    }
  });
});
