import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, validIntake } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker, freshPhone } from '../helpers/worker-proof';

let sys: System;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  sys = await startSystem('life');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
});

afterAll(async () => {
  await sys?.stop();
});

const smsRows = (caseNo: string) =>
  sys.db.selectFrom('sms_outbox').select(['idempotency_key', 'template', 'recipient_role']).where('case_no', '=', caseNo).orderBy('id').execute();

async function act(token: string, caseNo: string, action: string, payload: Record<string, unknown>) {
  const r = await api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, payload, token);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.view;
}

describe('grievance over HTTP with the real Temporal dev server and Postgres', () => {
  it('runs intake → contact → verify → urge → outcome → follow-up → rating, each step by the right role', async () => {
    const { caseNo, token } = await fileAsWorker(sys);
    expect(caseNo).toMatch(/^GQ[0-9A-Z]{10}$/);
    // Right after the 201 the worker reads the case: the answer waited for the case row.
    expect((await api.call('GET', `/api/v1/grievances/${caseNo}/progress`, undefined, token)).status).toBe(200);

    await eventually(async () => (await smsRows(caseNo)).filter((r) => r.template === 'intake-notice').length === 5);
    const intake = (await smsRows(caseNo)).filter((r) => r.template === 'intake-notice');
    expect(intake.map((r) => r.recipient_role).sort()).toEqual(['district_chair', 'district_staff', 'street_caseworker', 'street_chair', 'supervising_leader']);
    expect((await smsRows(caseNo)).filter((r) => r.template === 'intake-receipt')).toHaveLength(1);

    const caseworker = await api.login('beishan.sg');
    const inbox = await api.call('GET', '/api/v1/tasks', undefined, caseworker);
    expect(inbox.body.tasks.some((t: any) => t.case_no === caseNo && t.kind === 'contact' && t.mine)).toBe(true);

    expect((await act(caseworker, caseNo, 'contactComplainant', { note: '电话联系职工，了解欠薪经过' })).stage).toBe('verify');
    expect((await act(caseworker, caseNo, 'notifyEnterpriseNow', { reason: '职工同意尽快向企业核实' })).enterpriseNotice).toBe('notified');
    expect((await act(caseworker, caseNo, 'verifyWithEnterprise', { note: '企业工会主席确认年终奖未发' })).stage).toBe('urge');
    expect((await act(caseworker, caseNo, 'urgeMediation', { note: '已督促企业调解委员会召开调解会' })).stage).toBe('outcome');
    const afterOutcome = await act(caseworker, caseNo, 'recordOutcome', { outcome: 'mediated', recoveredFen: 860_000, note: '当天调解成功' });
    expect(afterOutcome).toMatchObject({ stage: 'followUp', outcome: 'mediated', recoveredFen: 860_000 });
    expect((await act(caseworker, caseNo, 'recordFollowUp', { note: '一周内到账，职工确认' })).stage).toBe('rating');

    const rated = await api.call('POST', `/api/v1/grievances/${caseNo}/rating`, { score: 5, comment: '很满意' }, token);
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ stage: 'closed', rating: 5 });

    const row = await sys.db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'closed', stage: 'closed', outcome: 'mediated', recovered_fen: 860_000, rating: 5, rating_comment: '很满意' });
    const events = await sys.db.selectFrom('case_events').select(['type', 'actor_role']).where('case_no', '=', caseNo).orderBy('seq').execute();
    const steps = events.filter((e) => !['task_opened', 'enterprise_notified'].includes(e.type)).map((e) => `${e.type}:${e.actor_role}`);
    expect(steps).toEqual([
      'filed:worker', 'complainant_contacted:street_caseworker', 'enterprise_notice_early:street_caseworker', 'enterprise_verified:street_caseworker',
      'mediation_urged:street_caseworker', 'outcome_recorded:street_caseworker', 'follow_up_done:street_caseworker',
      'rated:worker', 'closed:system',
    ]);
    const open = await sys.db.selectFrom('tasks').select('task_id').where('case_no', '=', caseNo).where('status', '=', 'open').execute();
    expect(open).toHaveLength(0);
  });

  it('one case for the same submission twice, by body key or by Idempotency-Key header', async () => {
    // The worker's double tap: the same body, the same code, twice at once.
    const phone = freshPhone();
    const seen = sys.sms.received.length;
    await api.call('POST', '/api/v1/phone-codes', { phone, purpose: 'file' });
    const phoneCode = /验证码是(\d{6})/.exec((await sys.sms.waitFor((m) => m.phone === phone && sys.sms.received.indexOf(m) >= seen)).text)![1];
    const body = validIntake({ complainantPhone: phone, idempotencyKey: `dup-${Date.now()}`, phoneCode });
    const [a, b] = await Promise.all([api.call('POST', '/api/v1/grievances', body), api.call('POST', '/api/v1/grievances', body)]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.caseNo).toBe(a.body.caseNo);
    // Staff filing on a worker's behalf, retried by its client with the same Idempotency-Key header.
    const staff = await api.login('beishan.sg');
    const headerKey = { 'idempotency-key': `hdr-${Date.now()}` };
    const c = await api.call('POST', '/api/v1/grievances', validIntake({ complainantPhone: freshPhone() }), staff, headerKey);
    const d = await api.call('POST', '/api/v1/grievances', validIntake({ complainantPhone: freshPhone() }), staff, headerKey);
    expect(d.body.caseNo).toBe(c.body.caseNo);
    expect(c.body.caseNo).not.toBe(a.body.caseNo);

    for (const caseNo of [a.body.caseNo, c.body.caseNo]) {
      await eventually(async () => (await smsRows(caseNo)).length === 6);
      const cases = await sys.db.selectFrom('cases').select('case_no').where('case_no', '=', caseNo).execute();
      expect(cases).toHaveLength(1);
      expect(await smsRows(caseNo)).toHaveLength(6);
    }
  });

  it('survives the worker being killed mid-case: a new worker completes it and no SMS goes out twice', async () => {
    const { caseNo, token } = await fileAsWorker(sys, { enterpriseId: 'e-kuaidi' });
    await eventually(async () => (await smsRows(caseNo)).length === 6);
    const caseworker = await api.login('beishan.sg');
    await act(caseworker, caseNo, 'contactComplainant', { note: '已联系' });
    await act(caseworker, caseNo, 'notifyEnterpriseNow', { reason: '职工同意' });

    await sys.killWorker();
    // A command sent while no worker runs waits for the next one.
    const pending = api.call('POST', `/api/v1/cases/${caseNo}/actions/verifyWithEnterprise`, { note: '已核实' }, caseworker);
    await new Promise((r) => setTimeout(r, 500));
    await sys.startWorker();
    const verified = await pending;
    expect(verified.status, JSON.stringify(verified.body)).toBe(200);
    // An activity the dead worker had started is retried after its timeout, so the next step may open a little later.
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, caseworker)).body.view?.stage === 'urge', 30_000);

    await act(caseworker, caseNo, 'urgeMediation', { note: '已督促' });
    await act(caseworker, caseNo, 'recordOutcome', { outcome: 'unfounded', explanation: '经核实工资已按时足额发放，已向职工解释' });
    expect((await api.call('POST', `/api/v1/grievances/${caseNo}/rating`, { score: 4 }, token)).body.stage).toBe('closed');

    // Intake (5 staff + the worker's receipt), the enterprise notice, and the worker's three: taken, outcome, rate.
    const rows = await eventually(async () => { const r = await smsRows(caseNo); return r.length >= 10 && r; });
    expect(rows.map((r) => r.template).sort()).toEqual([
      'enterprise-notice', ...Array(5).fill('intake-notice'), 'intake-receipt', 'worker-outcome', 'worker-rate', 'worker-taken',
    ]);
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(rows.length);
    const events = await sys.db.selectFrom('case_events').select(['seq', 'type']).where('case_no', '=', caseNo).orderBy('seq').execute();
    expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
    expect(events.filter((e) => e.type === 'complainant_contacted')).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('closed');
  }, 120_000);
});
