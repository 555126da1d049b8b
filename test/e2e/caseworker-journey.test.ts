/**
 * The street caseworker's journey at a desk (1280×800), in a real browser against the real system: sign in, see what
 * is overdue first, open it, find the step that is due at the top and the irreversible actions apart, advance the case
 * to its close. A second case, filed by the same caseworker on the phone-sized page, waits behind it. Every page is
 * photographed (test/e2e/screenshots/) and checked with axe-core.
 */
import { describe, expect, it } from 'vitest';
import { apiClient, validIntake } from '../helpers/http';
import { demoGrievanceInput, faultCaseNumbers, startGrievance } from '../helpers/fault-cases';
import { eventually } from '../helpers/time-skipping';
import { freshPhone, workerTokenByLink } from '../helpers/worker-proof';
import { expectInOrder, lookAt, mainText, signInAs } from './helpers/reading';
import { useJourney } from './helpers/journey';

const world = useJourney('e2e_caseworker');

describe('a street caseworker at a desk', () => {
  it('sees the overdue task first, does the due step, keeps irreversible actions apart, and closes the case', async () => {
    const api = apiClient(world.sys.baseUrl);
    const staff = await api.login('beishan.sg');
    // A case whose contact step was due a second after it came in (a policy of its own), and an ordinary one.
    const [overdueNo] = faultCaseNumbers('e2e-caseworker', 1);
    await startGrievance(world.sys.temporal, world.sys.taskQueue, demoGrievanceInput(overdueNo, { contactDue: 1_000, escalation: [] }));
    const later = await api.call('POST', '/api/v1/grievances', validIntake({ complainantPhone: freshPhone(), enterpriseId: 'e-kuaidi' }), staff);
    expect(later.status).toBe(201);
    const tasks = await eventually(async () => { const t = (await api.call('GET', '/api/v1/tasks', undefined, staff)).body.tasks; return t.length === 2 && t; }, 20_000);
    // The first case's step is due a second after it came in: the page must be read after that second, not within it.
    const firstDue = Math.min(...tasks.map((t: { due_at: string }) => Date.parse(t.due_at)));
    await new Promise((r) => setTimeout(r, Math.max(0, firstDue + 200 - Date.now())));

    const desk = await (await world.env.desk()).newPage();
    await signInAs(desk, world.sys.baseUrl, 'beishan.sg');
    const inbox = await mainText(desk);
    // Overdue first, in words, then the one still in time.
    expectInOrder(inbox, ['待办（2）', '已超时', overdueNo, '还剩', later.body.caseNo]);
    expect(await desk.locator('tbody tr').first().locator('.due').getAttribute('class')).toContain('due-overdue');
    await lookAt(desk, 'caseworker-01-inbox', '待办 /staff');

    await desk.getByRole('link', { name: overdueNo }).click();
    await desk.waitForURL(`**/staff/cases/${overdueNo}`);
    // The step that is due comes first; the irreversible actions are folded away at the end, before the record.
    expectInOrder(await mainText(desk), [`案件 ${overdueNo}`, '已超时', '已联系职工', '办理情况', '发起部门协调', '不可撤销的操作', '全过程记录']);
    expect(await desk.locator('details.irreversible').getAttribute('open')).toBeNull();
    await lookAt(desk, 'caseworker-02-case', '案件 /staff/cases/:caseNo');

    const act = async (form: string, fill: (f: ReturnType<typeof desk.locator>) => Promise<void>, done: string) => {
      const card = desk.locator(`#action-${form}`);
      await fill(card);
      await card.getByRole('button').click();
      await desk.getByText(`已完成：${done}`).waitFor();
    };
    await act('contactComplainant', (c) => c.getByLabel('办理情况').fill('电话联系职工，了解年终奖拖欠经过'), '已联系职工');
    // An irreversible action: opened on purpose, confirmed in a dialog.
    desk.once('dialog', (d) => { expect(d.message()).toContain('此操作不能撤销'); void d.accept(); });
    await desk.locator('details.irreversible summary').click();
    await act('notifyEnterpriseNow', (c) => c.getByLabel(/提前通知企业工会主席的理由/).fill('职工同意尽快向企业核实'), '提前通知企业工会主席');
    await act('verifyWithEnterprise', (c) => c.getByLabel('办理情况').fill('企业工会主席确认年终奖未发'), '已向企业工会主席核实');
    await act('urgeMediation', (c) => c.getByLabel('办理情况').fill('已督促调解委员会召开调解会'), '已督促企业调解委员会');
    await act('recordOutcome', async (c) => {
      await c.getByLabel('处理结果').selectOption({ label: '调解成功' });
      await c.getByLabel(/追回金额/).fill('12000');
    }, '登记处理结果');
    await act('recordFollowUp', (c) => c.getByLabel('办理情况').fill('款项已到账，职工确认'), '已回访');
    expectInOrder(await mainText(desk), ['当前环节：', '等待职工评价', '处理结果：调解成功', '追回 12000.00 元']);
    await lookAt(desk, 'caseworker-03-rating', '案件（待评价）');

    // The worker rates from their phone (their link), and the caseworker sees the case closed.
    const token = await workerTokenByLink(world.sys, overdueNo);
    expect((await api.call('POST', `/api/v1/grievances/${overdueNo}/rating`, { score: 5 }, token)).status).toBe(200);
    await eventually(async () => { await desk.reload(); return (await mainText(desk)).includes('已办结'); }, 20_000);
    expectInOrder(await mainText(desk), [`案件 ${overdueNo}`, '已办结', '职工评分 5 分', '全过程记录', '闭环办结']);
    await lookAt(desk, 'caseworker-04-closed', '案件（已办结）');
    await desk.goto(`${world.sys.baseUrl}/staff`);
    expectInOrder(await mainText(desk), ['待办（1）', later.body.caseNo]);

    // The SMS page, filtered to this case: the intake's five staff notices are one send to five people.
    await desk.goto(`${world.sys.baseUrl}/staff/sms?case=${overdueNo.toLowerCase()}`);
    const intake = desk.locator('tbody tr', { hasText: '受理通知（工会）' });
    expect(await intake.count()).toBe(1);
    expect(await intake.locator('li').count()).toBe(5);
    expect(await desk.locator('tbody tr', { hasText: later.body.caseNo }).count()).toBe(0);
    expectInOrder(await mainText(desk), ['短信发件箱', '筛选', '评价邀请（职工）']);
    await lookAt(desk, 'caseworker-05-sms', '短信 /staff/sms');
  }, 90_000);
});
