/**
 * Access granted to a person (issue 20): a lawyer assigned a case by name sees it, and their client unmasked, in the
 * JSON API and on the inbox page; another lawyer of the same district sees nothing of it. No workflow sends such a
 * grant yet (the legal-aid kind will), so the test hands the grant to the real persistence activity, as a workflow's
 * transition would carry it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersistTransition } from '../../activities/persistence/persist-transition';
import { browser } from '../helpers/browser';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker } from '../helpers/worker-proof';

let sys: System;
let api: ReturnType<typeof apiClient>;
let caseNo: string;
let phone: string;
const NAME = '司马小红';

beforeAll(async () => {
  sys = await startSystem('person');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  ({ caseNo, phone } = await fileAsWorker(sys, { enterpriseId: 'e-jingmi', complainantName: NAME }));
  await eventually(async () => (await sys.db.selectFrom('tasks').select('task_id').where('case_no', '=', caseNo).execute()).length === 1);
  // xihu.ls2 is the district's second legal-aid lawyer (the demo seed).
  const first = await sys.db.selectFrom('staff_users').selectAll().where('username', '=', 'xihu.ls').executeTakeFirstOrThrow();
  await createPersistTransition(sys.db)({
    caseNo, at: new Date().toISOString(),
    grantAccess: [{ unitId: first.org_unit_id, role: 'legal_aid_lawyer', reason: 'assigned', userId: first.id }],
  });
});

afterAll(async () => {
  await sys?.stop();
});

describe('a case granted to a lawyer by name', () => {
  it('is theirs to read through the JSON API, with their client in clear', async () => {
    const lawyer = await api.login('xihu.ls');
    const seen = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, lawyer);
    expect(seen.status).toBe(200);
    expect(seen.body.case).toMatchObject({ case_no: caseNo, complainant_name: NAME, complainant_phone: phone, category: 'unpaid_wages' });
    expect(seen.body.events.find((e: any) => e.type === 'filed').actor).toBe(NAME);
    expect(seen.body.showContact).toBe(true);
    // No task of theirs: the to-do list stays empty, the case is on their inbox page.
    expect((await api.call('GET', '/api/v1/tasks', undefined, lawyer)).body.tasks).toEqual([]);
    const page = browser(sys.baseUrl);
    await page.signIn('xihu.ls');
    const inbox = await page.open('/staff');
    expect(inbox.status).toBe(200);
    expect(inbox.html).toContain(`/staff/cases/${caseNo}`);
    const casePage = await page.open(`/staff/cases/${caseNo}`);
    expect(casePage.status).toBe(200);
    expect(casePage.html).toContain(NAME);
  });

  it('is nothing to another lawyer of the same district', async () => {
    const other = await api.login('xihu.ls2');
    const refused = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, other);
    // Refused as every case outside one's sight is (api/services/case-detail.ts), with nothing of the case in the answer.
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(NAME);
    expect((await api.call('GET', '/api/v1/tasks', undefined, other)).body.tasks).toEqual([]);
    expect((await api.call('GET', '/api/v1/sms', undefined, other)).body.messages).toEqual([]);
    const page = browser(sys.baseUrl);
    await page.signIn('xihu.ls2');
    const inbox = await page.open('/staff');
    expect(inbox.status).toBe(200);
    expect(inbox.html).not.toContain(caseNo);
    expect((await page.open(`/staff/cases/${caseNo}`)).status).toBe(403);
  });

  it('leaves the role\'s grant to a unit as it was: the district\'s mediators still see nothing', async () => {
    const mediator = await api.login('xihu.tj');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).status).toBe(403);
  });
});
