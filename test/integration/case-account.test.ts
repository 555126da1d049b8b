/**
 * The supervisor's account of a case (issue 15), read as the street chair reads it: who did what, which SMS went to
 * whom and how they fared, which deadline was set, missed and escalated, which timers still wait and for what, in
 * zh-CN without the engine's English names; the engine's raw history one click further, labelled.
 *
 * Case A is filed by a worker and left alone: its 12-hour enterprise notice and contact deadline still wait.
 * Case B is started on the engine with a 4-second contact deadline (no waiting a day for a miss) on a flaky gateway:
 * the deadline passes, the caseworker is reminded, contacts the worker late, tells the enterprise early for a reason,
 * and the worker adds a note.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseNumberFor } from '../../api/services/case-number';
import { browser, unescapeHtml } from '../helpers/browser';
import { demoGrievanceInput, startGrievance } from '../helpers/fault-cases';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker, freshPhone, workerTokenByLink } from '../helpers/worker-proof';

let sys: System;
let api: ReturnType<typeof apiClient>;
let caseA: string;
let caseB: string;

/** What a person reads on the page: the text of <main>, one line per block. */
function readable(html: string): string {
  const main = html.slice(html.indexOf('<main>'), html.indexOf('</main>'));
  return unescapeHtml(main.replace(/<(br|\/(li|p|dt|dd|h[1-3]|tr|div))[^>]*>/g, '\n').replace(/<[^>]+>/g, ' '))
    .split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

/** English words a supervisor should never meet (activity, update and signal names), once the case number is out. */
function englishWords(text: string, caseNo: string): string[] {
  return text.replaceAll(caseNo, '').replace(/Temporal/g, '').match(/[A-Za-z]{3,}/g) ?? [];
}

const events = (caseNo: string, type: string) =>
  sys.db.selectFrom('case_events').selectAll().where('case_no', '=', caseNo).where('type', '=', type).execute();

beforeAll(async () => {
  sys = await startSystem('account');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  const caseworker = await api.login('beishan.sg');

  ({ caseNo: caseA } = await fileAsWorker(sys, { enterpriseId: 'e-jingmi' }));
  await eventually(async () => (await sys.db.selectFrom('tasks').select('task_id').where('case_no', '=', caseA).execute()).length === 1, 20_000);
  await eventually(async () => (await sys.db.selectFrom('sms_outbox').select('id').where('case_no', '=', caseA).where('status', '=', 'sent').execute()).length === 6, 20_000);

  // Case B's intake batch meets a busy gateway twice before it goes through: the account shows the retries.
  sys.sms.behaviour.refuseFirst = 2;
  caseB = caseNumberFor(`account-${randomBytes(6).toString('hex')}`);
  const input = demoGrievanceInput(caseB, { contactDue: 4_000 });
  input.intake.complainantPhone = freshPhone();
  await startGrievance(sys.temporal, sys.taskQueue, input);
  const workerToken = await workerTokenByLink(sys, caseB);
  sys.sms.behaviour.refuseFirst = 0;

  // The deadline passes unanswered: the first rung reminds the caseworker by SMS.
  await eventually(async () => (await events(caseB, 'task_escalated')).length === 1, 30_000);
  await eventually(async () => (await sys.db.selectFrom('sms_outbox').select('id').where('case_no', '=', caseB)
    .where('template', '=', 'task-overdue').where('status', '=', 'sent').execute()).length === 1, 20_000);

  const act = async (action: string, body: Record<string, string>) => {
    const r = await api.call('POST', `/api/v1/cases/${caseB}/actions/${action}`, body, caseworker);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  await act('contactComplainant', { note: '已电话联系职工，了解欠薪经过' });
  await act('notifyEnterpriseNow', { reason: '职工同意尽快向企业核实' });
  const note = await api.call('POST', `/api/v1/grievances/${caseB}/notes`, { text: '补充：欠薪从去年10月开始' }, workerToken);
  expect(note.status).toBe(202);
  await eventually(async () => (await events(caseB, 'complainant_note')).length === 1 && (await events(caseB, 'enterprise_notified')).length === 1, 20_000);
  await eventually(async () => (await sys.db.selectFrom('sms_outbox').select('id').where('case_no', '=', caseB)
    .where('template', '=', 'enterprise-notice').where('status', '=', 'sent').execute()).length === 1, 20_000);
}, 180_000);

afterAll(async () => {
  await sys?.stop();
});

describe('the supervisor’s account of a case', () => {
  it('tells the missed deadline, its reminder, the late contact, the early notice, the note and every SMS, in zh-CN', async () => {
    const chair = browser(sys.baseUrl);
    await chair.signIn('beishan.zx');
    const page = await chair.open(`/staff/cases/${caseB}/history`);
    expect(page.status).toBe(200);
    expect(page.html.match(/<h1/g)).toHaveLength(1);
    const text = readable(page.html);
    console.log(`[account] case B as the street chair reads it:\n${text}`);

    expect(text).toContain('未发现篡改');
    // The deadline: set, missed, escalated (with the reminder's SMS), then met late.
    expect(text).toMatch(/设定时限：待办“联系职工，了解诉求”派给北山街道总工会社会化工会工作者，须在 \d{4}-\d\d-\d\d \d\d:\d\d 前完成/);
    expect(text).toContain('超过时限：待办“联系职工，了解诉求”未在');
    expect(text).toContain('“联系职工，了解诉求”已超过办理时限，第1级督办：提醒承办人');
    expect(text).toMatch(/第1级督办短信（“联系职工，了解诉求”）发给社会化工会工作者\n社会化工会工作者 北山街道社工 137\*\*\*\*1001：已发送/);
    expect(text).toContain('逾期完成：待办“联系职工，了解诉求”');
    // Who did what, with their role; the worker's note; the early notice and its reason.
    expect(text).toContain('北山街道社工（社会化工会工作者） ：已联系职工：已电话联系职工，了解欠薪经过');
    expect(text).toContain('提前通知企业工会主席。理由：职工同意尽快向企业核实');
    expect(text).toContain('张三（职工） ：职工补充说明：补充：欠薪从去年10月开始');
    // The SMS, grouped per send, with their delivery and the engine's retries of the busy gateway.
    expect(text).toContain('短信通知5人：社会化工会工作者、街道工会主席、区总工会权益保障部、分管领导、区总工会主席');
    expect(text).toMatch(/街道工会主席 北山街道工会主席 137\*\*\*\*1002：重试2次后发送/);
    expect(text).toContain('引擎记录：发送任务第3次尝试成功（此前失败2次');
    expect(text).toContain('回执短信发给职工张三');
    expect(text).toMatch(/已短信通知企业工会主席\n企业工会主席 精密机械工会赵主席 135\*\*\*\*0001：已发送/);
    // The 12-hour timer ended early; the next deadline is the verification step's.
    expect(text).toMatch(/开始计时：企业工会主席通知（受理后12小时），预计 .* 短信通知企业工会主席\n.* 计时提前结束/);
    expect(text).toMatch(/下一时限\n\d{4}-\d\d-\d\d \d\d:\d\d：“向企业工会主席核实情况”办理时限，届时提醒承办人/);
    expect(text).toContain('等待中：“向企业工会主席核实情况”办理时限，届时提醒承办人，预计');
    expect(englishWords(text, caseB)).toEqual([]);
    // A story: oldest first.
    expect(text.indexOf('案件流程启动')).toBeLessThan(text.indexOf('超过时限'));
    expect(text.indexOf('超过时限')).toBeLessThan(text.indexOf('逾期完成'));
  });

  it('shows what still waits on a fresh case: the 12-hour enterprise notice and the contact deadline', async () => {
    const chair = browser(sys.baseUrl);
    await chair.signIn('beishan.zx');
    const text = readable((await chair.open(`/staff/cases/${caseA}/history`)).html);
    console.log(`[account] case A:\n${text}`);
    expect(text).toMatch(/等待中：企业工会主席通知（受理后12小时），预计 \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(text).toMatch(/等待中：“联系职工，了解诉求”办理时限，届时提醒承办人，预计 \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(text).toMatch(/尚未通知，预计 .* 短信通知企业工会主席/);
    expect(text).toContain('没有超时的待办');
    expect(englishWords(text, caseA)).toEqual([]);
  });

  it('gives the same account in the JSON API beside the raw rows', async () => {
    const token = await api.login('beishan.zx');
    const r = await api.call('GET', `/api/v1/cases/${caseB}/history`, undefined, token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ caseNo: caseB, archived: false });
    // The intake's texts, refused within the case's first task (right after its row), then sent by the retrying activity (issue 24).
    expect(r.body.events.some((e: { type: string; detail: string }) => e.type === 'MARKER_RECORDED' && e.detail === 'persistThenFanOut')).toBe(true);
    expect(r.body.events.some((e: { type: string; detail: string }) => e.type === 'ACTIVITY_TASK_SCHEDULED' && e.detail === 'sendSmsFanOut')).toBe(true);
    const account = r.body.account;
    expect(account.archived).toBe(false);
    expect(account.entries.filter((e: { kind: string }) => e.kind === 'deadline_missed').length).toBeGreaterThanOrEqual(2);
    expect(account.entries.find((e: { kind: string }) => e.kind === 'escalation').details.join('\n')).toContain('已发送');
    expect(account.summary.next).toMatchObject({ kind: 'step_due' });
    expect(account.waiting.map((w: { kind: string }) => w.kind)).toContain('step_due');
  });

  it('keeps the engine’s raw history one click away, labelled in zh-CN, with the case in the Temporal Web UI', async () => {
    const chair = browser(sys.baseUrl);
    await chair.signIn('beishan.zx');
    const account = await chair.open(`/staff/cases/${caseB}/history`);
    expect(account.html).toContain(`href="/staff/cases/${caseB}/history/engine"`);
    const page = await chair.open(`/staff/cases/${caseB}/history/engine`);
    expect(page.status).toBe(200);
    expect(page.html.match(/<h1/g)).toHaveLength(1);
    expect(page.html).toContain(`/namespaces/default/workflows/grievance-${caseB}`);
    const text = readable(page.html);
    for (const words of ['记录案件变更', '查询联系人', '发送短信：6条', '企业工会主席通知（受理后12小时）', '“联系职工，了解诉求”办理时限，届时提醒承办人',
      '“联系职工，了解诉求”第2级督办：上报街道工会主席', '已联系职工（北山街道社工）', '职工补充说明', '第3次尝试（上次失败：']) {
      expect(text, words).toContain(words);
    }
    // Every timer has a meaning (this case has no quiet hours), every marker a name.
    for (const words of ['用途未能识别', '未登记的任务类型', '引擎内部记录', '夜间免打扰']) expect(text, words).not.toContain(words);
    expect(englishWords(text, caseB)).toEqual([]);

    const caseworker = browser(sys.baseUrl);
    await caseworker.signIn('beishan.sg');
    expect((await caseworker.open(`/staff/cases/${caseB}/history/engine`)).status).toBe(403);
  });
});
