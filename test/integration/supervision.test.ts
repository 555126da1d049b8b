import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, validIntake } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker } from '../helpers/worker-proof';

let sys: System;
let api: ReturnType<typeof apiClient>;
let caseNo: string;
let workerToken: string;

beforeAll(async () => {
  sys = await startSystem('supervise');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  ({ caseNo, token: workerToken } = await fileAsWorker(sys, { enterpriseId: 'e-fangzhi' }));
  const caseworker = await api.login('xixi.sg');
  await eventually(async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, caseworker)).status === 200);
  const r = await api.call('POST', `/api/v1/cases/${caseNo}/actions/contactComplainant`, { note: '已电话联系' }, caseworker);
  expect(r.status).toBe(200);
});

afterAll(async () => {
  await sys?.stop();
});

describe('supervision and the worker’s own notes', () => {
  it('shows a supervisor the full engine history of a case, with the command and who sent it', async () => {
    const chair = await api.login('xixi.zx');
    const r = await api.call('GET', `/api/v1/cases/${caseNo}/history`, undefined, chair);
    expect(r.status).toBe(200);
    const events = r.body.events as { type: string; label: string; detail: string }[];
    expect(events[0]).toMatchObject({ type: 'WORKFLOW_EXECUTION_STARTED', label: '案件流程启动' });
    expect(events.some((e) => e.type === 'TIMER_STARTED' && e.detail === '12.0 小时')).toBe(true);
    expect(events.some((e) => e.type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED' && e.detail.startsWith('已联系职工'))).toBe(true);
    // The worker's "taken" text goes out as an activity; Postgres writes and, since issue 24, the intake's texts run as
    // local activities within a task: markers in the history, named by activity type (the case row and its texts one).
    expect(events.some((e) => e.type === 'ACTIVITY_TASK_SCHEDULED' && e.detail === 'sendSms')).toBe(true);
    expect(events.some((e) => e.type === 'MARKER_RECORDED' && e.detail === 'persistTransition')).toBe(true);
    expect(events.some((e) => e.type === 'MARKER_RECORDED' && e.detail === 'persistThenFanOut')).toBe(true);
    expect(events.some((e) => e.type === 'MARKER_RECORDED' && e.detail === 'sendSmsFanOut')).toBe(false);

    const page = await fetch(`${sys.baseUrl}/staff/cases/${caseNo}/history`, { headers: { cookie: `gq_session=${chair}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('案件流程启动');
  });

  it('refuses the history to a caseworker and to a supervisor of another street', async () => {
    const caseworker = await api.login('xixi.sg');
    const own = await api.call('GET', `/api/v1/cases/${caseNo}/history`, undefined, caseworker);
    expect(own.status).toBe(403);
    expect(own.body.message).toBe('您的角色无权查看完整流程记录');
    const otherChair = await api.login('beishan.zx');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}/history`, undefined, otherChair)).status).toBe(403);
    const district = await api.login('xihu.qb');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}/history`, undefined, district)).status).toBe(200);
  });

  it('records a note from the worker (a signal) as a case event', async () => {
    const r = await api.call('POST', `/api/v1/grievances/${caseNo}/notes`, { text: '补充：去年12月也有加班未付' }, workerToken);
    expect(r.status).toBe(202);
    await eventually(async () => {
      const rows = await sys.db.selectFrom('case_events').select(['type', 'summary', 'actor_role']).where('case_no', '=', caseNo).where('type', '=', 'complainant_note').execute();
      return rows.length === 1 && rows[0].summary.includes('去年12月') && rows[0].actor_role === 'worker';
    });
    const noProof = await api.call('POST', `/api/v1/grievances/${caseNo}/notes`, { text: 'x' });
    expect(noProof.status).toBe(404);
  });
});

describe('the audit trail', () => {
  it('cannot be edited or deleted, even with direct database access', async () => {
    const update = sys.db.updateTable('case_events').set({ summary: '篡改' }).where('case_no', '=', caseNo).execute();
    await expect(update).rejects.toThrow(/append-only/);
    await expect(sys.db.deleteFrom('case_events').where('case_no', '=', caseNo).execute()).rejects.toThrow(/append-only/);
  });

  it('records who filed a case on a worker’s behalf', async () => {
    const staff = await api.login('xixi.sg');
    const filed = await api.call('POST', '/api/v1/grievances', validIntake({ enterpriseId: 'e-fangzhi' }), staff);
    expect(filed.status).toBe(201);
    const row = await eventually(() => sys.db.selectFrom('case_events').select(['actor', 'actor_role']).where('case_no', '=', filed.body.caseNo).where('type', '=', 'filed').executeTakeFirst());
    expect(row).toEqual({ actor: '西溪街道社工', actor_role: 'street_caseworker' });
  });
});
