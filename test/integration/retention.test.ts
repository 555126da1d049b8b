/**
 * After a closed case's workflow has left Temporal's retention, its pages and the worker's progress still work: they
 * read what Postgres kept and say so (issue 14). Deleting the execution stands in for the retention period passing.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grievanceWorkflowId } from '../../api/services/case-number';
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';
import { apiClient } from '../helpers/http';
import { browser } from '../helpers/browser';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker, receiptLinkToken } from '../helpers/worker-proof';

let sys: System;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  sys = await startSystem('retention');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
});

afterAll(async () => {
  await sys?.stop();
});

describe('a case past the engine\u2019s retention', () => {
  it('still shows staff and the worker the case from Postgres, says so, and refuses commands', async () => {
    const { caseNo, token } = await fileAsWorker(sys, { enterpriseId: 'e-kuaidi' });
    const link = await receiptLinkToken(sys, caseNo);
    const caseworker = await api.login('beishan.sg');
    expect((await api.call('POST', `/api/v1/cases/${caseNo}/actions/contactComplainant`, { note: '已联系' }, caseworker)).status).toBe(200);
    expect((await api.call('POST', `/api/v1/grievances/${caseNo}/withdrawal`, { reason: '已自行解决' }, token)).status).toBe(200);
    const handle = sys.temporal.workflow.getHandle(grievanceWorkflowId(caseNo));
    await handle.result();

    await sys.temporal.workflowService.deleteWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId: grievanceWorkflowId(caseNo) } });
    await eventually(async () => handle.describe().then(() => false, (err) => {
      if (err instanceof WorkflowNotFoundError) return true;
      throw err;
    }), 60_000); // the dev server deletes in a task of its own, which waits its turn on a busy machine

    const detail = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, caseworker);
    expect(detail.status).toBe(200);
    expect(detail.body.view).toMatchObject({ archived: true, status: 'closed', outcome: 'withdrawn' });
    expect(detail.body.actions).toEqual([]);
    expect(detail.body.events.map((e: { type: string }) => e.type)).toContain('withdrawn');

    const staffPage = browser(sys.baseUrl);
    await staffPage.signIn('beishan.sg');
    expect((await staffPage.open(`/staff/cases/${caseNo}`)).html).toContain('已超过引擎保留期限并归档');
    const supervisor = browser(sys.baseUrl);
    await supervisor.signIn('beishan.zx');
    const history = await supervisor.open(`/staff/cases/${caseNo}/history`);
    expect(history.status).toBe(200);
    expect(history.html).toContain('引擎流程记录已超过保留期限');
    expect(history.html).toContain('诉求已撤回');
    expect(history.html).toContain('未发现篡改');
    const historyJson = await api.call('GET', `/api/v1/cases/${caseNo}/history`, undefined, await api.login('beishan.zx'));
    expect(historyJson.body).toMatchObject({ archived: true, events: [] });

    const progress = await api.call('GET', `/api/v1/grievances/${caseNo}/progress`, undefined, token);
    expect(progress.status).toBe(200);
    expect(progress.body).toMatchObject({ archived: true, status: 'closed', outcome: 'withdrawn' });
    const phone = browser(sys.baseUrl);
    const page = await phone.open(`/t/${link}`);
    expect(page.html).toContain('本案已办结并归档');

    const refused = await api.call('POST', `/api/v1/cases/${caseNo}/actions/openCoordination`, { department: '人社局', note: 'x' }, caseworker);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('该案件已办结，不能再操作');
  }, 150_000);

  it('rebuilds a mediation past retention as a mediation: its parties from Postgres, its own page, no actions', async () => {
    const mediator = await api.login('xihu.tj');
    const opened = await api.call('POST', '/api/v1/mediations', {
      employer: { name: '杭州某劳务有限公司', address: '杭州市西湖区某路1号', representative: '王建设', phone: '13905920000' },
      workers: [{ name: '陈建国', phone: '13805920001', idNumber: withCheckCharacter('35020319800101123'), claimedFen: 800_000 }],
      dispute: '拖欠工资', streetId: 's-beishan',
    }, mediator);
    expect(opened.status).toBe(201);
    const caseNo: string = opened.body.caseNo;
    const workflowId = `mediation-${caseNo}`;
    await sys.temporal.workflow.getHandle(workflowId).terminate('retention test');
    await sys.temporal.workflowService.deleteWorkflowExecution({ namespace: 'default', workflowExecution: { workflowId } });
    await eventually(async () => sys.temporal.workflow.getHandle(workflowId).describe().then(() => false, (err) => {
      if (err instanceof WorkflowNotFoundError) return true;
      throw err;
    }), 60_000);

    const detail = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator);
    expect(detail.status).toBe(200);
    expect(detail.body.view).toMatchObject({ kind: 'mediation', archived: true, stage: 'mediating' });
    expect(detail.body.view.workers).toEqual([expect.objectContaining({ name: '陈建国', claimedFen: 800_000 })]);
    expect(detail.body.actions).toEqual([]);
    const page = browser(sys.baseUrl);
    await page.signIn('xihu.tj');
    const html = (await page.open(`/staff/cases/${caseNo}`)).html;
    expect(html).toContain('已超过引擎保留期限并归档');
    expect(html).toContain('陈建国');
    expect(html).not.toContain('<form method="post" action="/staff/cases/');
  }, 150_000);
});
