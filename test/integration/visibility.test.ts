/**
 * Who sees a case and who acts on it: the enterprise union only once told (12 h, DOMAIN §1) and then with the worker's
 * name and phone masked everywhere; a partner department only what it coordinates; mediators, lawyers, clerks,
 * procurators and mentors (seeded on the district) nothing until something is assigned to them; only a step's assignee
 * completes it, and a superior first takes it over on record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/http';
import { browser } from '../helpers/browser';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { codeSentTo, fileAsWorker } from '../helpers/worker-proof';

let sys: System;
let api: ReturnType<typeof apiClient>;
let caseNo: string;
let phone: string;
const NAME = '欧阳小明';
// The same phone asks for a code to file and then one to track: not a minute apart here (a config, read per request).
process.env.GONGQING_CODE_INTERVAL_SECONDS = '1';

beforeAll(async () => {
  sys = await startSystem('visible');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  ({ caseNo, phone } = await fileAsWorker(sys, { enterpriseId: 'e-jingmi', complainantName: NAME }));
  await eventually(async () => (await sys.db.selectFrom('tasks').select('task_id').where('case_no', '=', caseNo).execute()).length === 1);
});

afterAll(async () => {
  await sys?.stop();
});

describe('visibility by role', () => {
  it('hides a new case from the enterprise union chair until told, then masks the worker everywhere, notes included', async () => {
    const chair = await api.login('jingmi.zx');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, chair)).status).toBe(403);
    expect((await api.call('GET', '/api/v1/tasks', undefined, chair)).body.tasks).toEqual([]);

    const caseworker = await api.login('beishan.sg');
    const contact = await api.call('POST', `/api/v1/cases/${caseNo}/actions/contactComplainant`, { note: `已电话联系${NAME}（${phone}），了解欠薪经过` }, caseworker);
    expect(contact.status).toBe(200);
    const told = await api.call('POST', `/api/v1/cases/${caseNo}/actions/notifyEnterpriseNow`, { reason: '职工同意尽快核实' }, caseworker);
    expect(told.body.view.enterpriseNotice).toBe('notified');

    const seen = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, chair);
    expect(seen.status).toBe(200);
    expect(seen.body.case.complainant_phone).toMatch(/^139\*{4}\d{4}$/);
    expect(seen.body.case.complainant_name).toBe('欧**');
    expect(seen.body.actions).toEqual([]);
    const text = JSON.stringify(seen.body);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(phone);
    expect(seen.body.events.find((e: any) => e.type === 'filed').actor).toBe('欧**');
    // The union's own line sees the worker in clear.
    const own = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, caseworker);
    expect(own.body.case.complainant_name).toBe(NAME);
    expect(JSON.stringify(own.body.events)).toContain(phone);
  });

  it('shows mediators, lawyers, clerks, procurators and mentors nothing that is not assigned to them', async () => {
    for (const user of ['xihu.tj', 'xihu.ls', 'xihu.zc', 'xihu.fy', 'xihu.jc', 'xihu.ds']) {
      const token = await api.login(user);
      expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, token)).status, user).toBe(403);
      expect((await api.call('GET', '/api/v1/tasks', undefined, token)).body.tasks, user).toEqual([]);
      expect((await api.call('GET', '/api/v1/sms', undefined, token)).body.messages, user).toEqual([]);
      expect((await api.call('GET', `/api/v1/cases/${caseNo}/history`, undefined, token)).status, user).toBe(403);
    }
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
    expect(detail.body.case.complainant_name).toBe('欧**');
    const tasks = (await api.call('GET', '/api/v1/tasks', undefined, dept)).body.tasks;
    expect(tasks.map((t: any) => t.kind)).toEqual(['coordination']);
    const other = await api.login('xihu.zf');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, other)).status).toBe(403);

    const done = await api.call('POST', `/api/v1/cases/${caseNo}/actions/completeCoordination`, { taskId: detail.body.coordination[0].taskId, note: '已督促企业补缴' }, dept);
    expect(done.status).toBe(200);
    expect(done.body.view.openCoordination).toEqual([]);
  });

  it("lets district staff act on the street caseworker's step only after a recorded take-over", async () => {
    const district = await api.login('xihu.qb');
    const refused = await api.call('POST', `/api/v1/cases/${caseNo}/actions/verifyWithEnterprise`, { note: '区里核实' }, district);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('接手办理');
    expect((await api.call('POST', `/api/v1/cases/${caseNo}/actions/withdraw`, { reason: '代为撤回' }, district)).status).toBe(403);

    const taken = await api.call('POST', `/api/v1/cases/${caseNo}/actions/takeOver`, { reason: '街道社工休假，区里接手核实' }, district);
    expect(taken.status).toBe(200);
    expect(taken.body.view.openTasks[0]).toMatchObject({ kind: 'verify', role: 'district_staff' });
    const caseworker = await api.login('beishan.sg');
    expect((await api.call('POST', `/api/v1/cases/${caseNo}/actions/verifyWithEnterprise`, { note: 'x' }, caseworker)).status).toBe(403);
    expect((await api.call('POST', `/api/v1/cases/${caseNo}/actions/verifyWithEnterprise`, { note: '区里已核实' }, district)).status).toBe(200);
    const events = await sys.db.selectFrom('case_events').select(['type', 'actor', 'summary']).where('case_no', '=', caseNo).execute();
    expect(events.find((e) => e.type === 'task_taken_over')).toMatchObject({ actor: '区权保部王干事' });
  });

  it('accepts a phone with spaces and a lower-case tracking number on the tracking form, and texts that phone a code', async () => {
    const page = browser(sys.baseUrl);
    await page.get('/track');
    const seen = sys.sms.received.length;
    const spaced = `${phone.slice(0, 3)} ${phone.slice(3, 7)}-${phone.slice(7)}`;
    const res = await page.post('/track', { caseNo: ` ${caseNo.toLowerCase()} `, phone: spaced });
    expect(res.status).toBe(200);
    expect(res.html).toContain('输入验证码');
    const code = await codeSentTo(sys, phone, seen);
    const opened = await page.post('/track/verify', { caseNo, phone, code });
    expect(opened.status).toBe(303);
    expect((await page.open(opened.location!)).html).toContain(caseNo);
  });
});
