/**
 * The station mediator's journey on a phone (390×844), in a real browser against the real system: a group of twelve
 * workers records the representatives they elected (they may: Art. 7), whom the documents then name. A wrong choice
 * is said where the choice is made (the first box focused, so the phone scrolls there); the elected are then named on
 * the page. While the parties confirm, the mediator texts one worker's code again from a list of those who have not
 * confirmed. Every page is photographed (test/e2e/screenshots/) and checked with axe-core.
 */
import { describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/http';
import { eventually } from '../helpers/time-skipping';
import { xiamenWorkers } from '../helpers/xiamen-case';
import { lookAt, mainText, signInAs } from './helpers/reading';
import { useJourney } from './helpers/journey';

const world = useJourney('e2e_mediator');

describe('a station mediator on a phone', () => {
  it('records the elected representatives, is told in place when the choice is wrong, and texts a code again', async () => {
    const api = apiClient(world.sys.baseUrl);
    const staff = await api.login('xihu.tj');
    const workers = xiamenWorkers().slice(0, 12);
    const opened = await api.call('POST', '/api/v1/mediations', {
      employer: { name: '杭州某建筑劳务有限公司', address: '杭州市西湖区文二路88号', representative: '周建设', phone: '13905921234' },
      workers, dispute: '拖欠工资', streetId: 's-beishan',
    }, staff);
    expect(opened.status).toBe(201);
    const caseNo = opened.body.caseNo as string;

    const phone = await (await world.env.phone()).newPage();
    await signInAs(phone, world.sys.baseUrl, 'xihu.tj');
    await phone.goto(`${world.sys.baseUrl}/staff/cases/${caseNo}`);

    // Two boxes ticked: refused in the form, which the phone scrolls to (its first box has the focus).
    const form = phone.locator('#action-electRepresentatives');
    expect(await form.getByRole('checkbox').count()).toBe(12);
    for (const name of [workers[3].name, workers[7].name]) await form.getByLabel(name).check();
    await form.getByRole('button', { name: '登记职工代表' }).click();
    await phone.waitForLoadState();
    expect(await phone.locator('#action-electRepresentatives [role="alert"]').innerText()).toBe('请选择3至5名职工代表');
    expect(await phone.evaluate(() => (globalThis as any).document.activeElement?.name)).toBe('partyNos');
    await lookAt(phone, 'mediator-01-elect-refused-phone', '登记职工代表（选择有误）');

    // What was ticked is still ticked; a third makes it right.
    const again = phone.locator('#action-electRepresentatives');
    expect(await again.getByLabel(workers[3].name).isChecked()).toBe(true);
    await again.getByLabel(workers[10].name).check();
    await again.getByRole('button', { name: '登记职工代表' }).click();
    await phone.waitForURL('**done=electRepresentatives**');
    const elected = await mainText(phone);
    expect(elected).toContain(`职工代表：${workers[3].name}、${workers[7].name}、${workers[10].name}`);
    await lookAt(phone, 'mediator-02-elected-phone', '已登记职工代表');

    // The agreement is drafted (the API, as another mediator's desk would), then one worker's code goes out again.
    const terms = workers.map((w, i) => ({ partyNo: i + 2, amountFen: w.claimedFen }));
    const due = new Date(Date.now() + 20 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await api.call('POST', `/api/v1/cases/${caseNo}/actions/draftAgreement`, {
      terms, totalFen: terms.reduce((t, x) => t + x.amountFen, 0), paymentMethod: '银行转账', payment: { kind: 'lump-sum', dueDate: due },
    }, staff)).status).toBe(200);
    await phone.goto(`${world.sys.baseUrl}/staff/cases/${caseNo}`);
    await phone.locator('details.other-actions > summary').click();
    const resend = phone.locator('#action-resendCode');
    await resend.getByLabel('当事人（尚未确认的）').selectOption({ label: `3 ${workers[1].name}` });
    const before = world.sys.sms.received.length;
    await resend.getByRole('button', { name: '重新发送确认码' }).click();
    await phone.waitForURL('**done=resendCode**');
    const texted = await eventually(() => world.sys.sms.received.slice(before).find((m) => /确认码\d{6}/.test(m.text)), 20_000);
    expect(texted.phone).toBe(workers[1].phone);
    expect(await mainText(phone)).toContain(`向职工${workers[1].name}重新发送调解协议（第1稿）确认码`);
    await lookAt(phone, 'mediator-03-code-resent-phone', '已重新发送确认码');
  });
});
