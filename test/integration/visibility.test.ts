/** Who sees a case: the enterprise union only once told (12 h, DOMAIN §1), a partner department only what it coordinates. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, validIntake } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

let sys: System;
let api: ReturnType<typeof apiClient>;
let caseNo: string;

beforeAll(async () => {
  sys = await startSystem('visible');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  caseNo = (await api.call('POST', '/api/v1/grievances', validIntake({ enterpriseId: 'e-jingmi' }))).body.caseNo;
  await eventually(async () => (await sys.db.selectFrom('tasks').select('task_id').where('case_no', '=', caseNo).execute()).length === 1);
});

afterAll(async () => {
  await sys?.stop();
});

describe('visibility by role', () => {
  it('hides a new case from the enterprise union chair until the workflow has told them', async () => {
    const chair = await api.login('jingmi.zx');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, chair)).status).toBe(403);
    expect((await api.call('GET', '/api/v1/tasks', undefined, chair)).body.tasks).toEqual([]);

    // What the notice activity writes 12 hours later (the timer itself is covered by the time-skipping tests).
    await sys.db.updateTable('cases').set({ enterprise_notified_at: new Date() }).where('case_no', '=', caseNo).execute();
    const seen = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, chair);
    expect(seen.status).toBe(200);
    expect(seen.body.case.complainant_phone).toBe('139****5678');
    expect(seen.body.actions).toEqual([]);
  });

  it('shows a partner department only the cases and tasks it was asked to coordinate on', async () => {
    const dept = await api.login('xihu.rs');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, dept)).status).toBe(403);
    const caseworker = await api.login('beishan.sg');
    const opened = await api.call('POST', `/api/v1/cases/${caseNo}/actions/openCoordination`, { department: '人社局', note: '请协查社保缴纳' }, caseworker);
    expect(opened.status).toBe(200);

    const detail = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, dept);
    expect(detail.status).toBe(200);
    expect(detail.body.actions).toEqual(['completeCoordination']);
    const tasks = (await api.call('GET', '/api/v1/tasks', undefined, dept)).body.tasks;
    expect(tasks.map((t: any) => t.kind)).toEqual(['coordination']);
    const other = await api.login('xihu.zf');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, other)).status).toBe(403);

    const done = await api.call('POST', `/api/v1/cases/${caseNo}/actions/completeCoordination`, { taskId: detail.body.coordination[0].taskId, note: '已督促企业补缴' }, dept);
    expect(done.status).toBe(200);
    expect(done.body.view.openCoordination).toEqual([]);
  });

  it('accepts a phone with spaces and a lower-case tracking number on the progress form', async () => {
    const res = await fetch(`${sys.baseUrl}/track`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ caseNo: ` ${caseNo.toLowerCase()} `, phone: '139 1234-5678' }).toString(),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('等待街道工会与您联系');
  });
});
