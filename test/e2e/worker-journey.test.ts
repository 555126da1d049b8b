/**
 * The worker's journey on a phone, in a real browser against the real system (Temporal, Postgres, the worker process,
 * the loopback SMS gateway): the QR page, the form, a code texted to the phone, the receipt page, their case's
 * progress; then, once the street caseworker has done every step, the rating. Each page is looked at as the person sees
 * it (text, order, keyboard focus), photographed (test/e2e/screenshots/) and checked with axe-core.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiClient } from '../helpers/http';
import { codeSentTo, freshPhone } from '../helpers/worker-proof';
import { focusedElement } from './helpers/browser-env';
import { expectInOrder, headings, lookAt, mainText } from './helpers/reading';
import { useJourney } from './helpers/journey';

const world = useJourney('e2e_worker');

describe('a worker on a 390×844 phone', () => {
  it('files a grievance with a texted code, follows it, and rates it at the end', async () => {
    const phoneCtx: BrowserContext = await world.env.phone();
    const page = await phoneCtx.newPage();
    const phone = freshPhone();

    // 1. The QR code opens the home page: what the union offers first, then the law.
    await page.goto(`${world.sys.baseUrl}/`);
    expect(await page.title()).toBe('工情码 - 工情码');
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('zh-CN');
    const home = await mainText(page);
    expectInOrder(home, ['遇到劳动权益问题？', '我要反映', '查询办理进度', '法律政策', '签订劳动合同']);
    expect(await page.locator('main a.button').allInnerTexts()).toEqual(['我要反映', '查询办理进度']);
    await lookAt(page, 'worker-01-home', '首页 /');

    // 2. 我要反映: the form, with its fields in the order they are read and reached by the keyboard.
    await page.locator('main').getByRole('link', { name: '我要反映' }).tap();
    await page.waitForURL('**/grievances/new');
    expect(await page.title()).toBe('我要反映 - 工情码');
    expect(await headings(page)).toContain('我要反映');
    await page.getByLabel('姓名', { exact: true }).focus();
    const order = [await focusedElement(page)];
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      order.push(await focusedElement(page));
    }
    // The hidden "提交" that makes the keyboard's Go key submit (not ask for a code) is never reached.
    expect(order).toEqual([
      '#complainantName', '#complainantPhone', 'button:获取验证码', '#phoneCode', '#enterpriseId', '#enterpriseName',
      '#streetId', '#category', '#description', 'button:先查一查类似情况', '#claimedYuan', '#workerCount', 'button:提交',
    ]);
    await lookAt(page, 'worker-02-form', '我要反映 /grievances/new');

    // 3. Fill it in, then 获取验证码: the page comes back with everything typed kept and says where the code went.
    await page.getByLabel('姓名', { exact: true }).fill('李秀英');
    await page.getByLabel('手机号', { exact: true }).fill(phone);
    const jingmi = (await page.getByLabel('所在企业', { exact: true }).locator('option').allInnerTexts()).find((t) => t.includes('西湖精密机械'));
    expect(jingmi, 'the enterprise is offered in the list').toBeTruthy();
    await page.getByLabel('所在企业', { exact: true }).selectOption({ label: jingmi! });
    await page.getByLabel('诉求类别', { exact: true }).selectOption({ label: '拖欠工资或奖金' });
    await page.getByLabel('诉求描述', { exact: true }).fill('公司拖欠三个月工资，多次催要未果。');
    await page.getByLabel('诉求金额（元，不涉及金额可不填）', { exact: true }).fill('8600');
    const seen = world.sys.sms.received.length;
    await page.getByRole('button', { name: '获取验证码' }).tap();
    await page.waitForURL('**/grievances/phone-code');
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    await page.getByText(`验证码已发送至 ${masked}`).waitFor();
    expectInOrder(await mainText(page), ['我要反映', `验证码已发送至 ${masked}，请填写短信中的6位数字后提交`, '姓名']);
    expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe('李秀英');
    expect(await page.getByLabel('手机号', { exact: true }).inputValue()).toBe(phone);
    expect(await page.getByLabel('诉求描述', { exact: true }).inputValue()).toBe('公司拖欠三个月工资，多次催要未果。');
    expect(await page.getByLabel('所在企业', { exact: true }).inputValue()).toBe('e-jingmi');
    expect(await page.getByLabel('短信验证码', { exact: true }).inputValue()).toBe('');
    await lookAt(page, 'worker-03-code-sent', '验证码已发送 /grievances/phone-code');

    // 4. The code arrives on the phone (the loopback gateway); typed in, 提交 files the grievance.
    const code = await codeSentTo(world.sys, phone, seen);
    await page.getByLabel('短信验证码', { exact: true }).fill(code);
    await page.getByRole('button', { name: '提交', exact: true }).tap();
    await page.waitForURL(/\/grievances\/GQ[0-9A-Z]{10}\/filed$/, { timeout: 20_000 });

    // 5. 提交成功: the case number on the screen is the one in the receipt SMS with the personal link.
    expect(await page.title()).toBe('提交成功 - 工情码');
    const caseNo = (await page.locator('main strong.big').innerText()).trim();
    expect(caseNo).toMatch(/^GQ[0-9A-Z]{10}$/);
    expect(page.url()).toContain(`/grievances/${caseNo}/filed`);
    expectInOrder(await mainText(page), ['诉求已受理', `您的查询编号：${caseNo}`, '专属链接', '12小时后', '查看进度']);
    const receipt = await world.sys.sms.waitFor((m) => m.phone === phone && m.text.includes('/t/'), 20_000);
    expect(receipt.text).toContain(caseNo);
    await lookAt(page, 'worker-04-filed', '提交成功 /grievances/:caseNo/filed');

    // 6. 查看进度: the phone is signed in to this case; it waits for the street to get in touch, says who and by when.
    await page.getByRole('link', { name: '查看进度' }).tap();
    await page.waitForURL(`**/track/${caseNo}`);
    expect(await page.title()).toBe('办理进度 - 工情码');
    let progress = await mainText(page);
    expectInOrder(progress, [`诉求 ${caseNo}`, '西湖精密机械有限公司 · 拖欠工资或奖金', '现在', '与您联系，了解情况',
      '负责', '北山街道总工会社会化工会工作者', '时限', '办理过程', '诉求已提交，工会已受理', '补充说明', '撤回诉求', '退出']);
    expect(progress).not.toContain('评价本次办理');
    await lookAt(page, 'worker-05-progress', '办理进度 /track/:caseNo');

    // 7. The street caseworker does every step (JSON API, as beishan.sg) until the case waits for the worker's rating.
    const api = apiClient(world.sys.baseUrl);
    const caseworker = await api.login('beishan.sg');
    const steps: [string, Record<string, unknown>][] = [
      ['contactComplainant', { note: '电话联系职工，了解欠薪经过' }],
      ['notifyEnterpriseNow', { reason: '职工同意尽快向企业核实' }],
      ['verifyWithEnterprise', { note: '企业工会主席确认工资未发' }],
      ['urgeMediation', { note: '已督促企业调解委员会召开调解会' }],
      ['recordOutcome', { outcome: 'mediated', recoveredFen: 860_000, note: '当天调解成功' }],
      ['recordFollowUp', { note: '一周内到账，职工确认' }],
    ];
    let stage = '';
    for (const [action, payload] of steps) {
      const r = await api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, payload, caseworker);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
      stage = r.body.view.stage;
    }
    expect(stage).toBe('rating');

    // 8. Back on the phone: the rating asked for first, then every step in the order it happened, written for the
    // worker: none of the staff's own notes ("电话联系职工，了解欠薪经过" and the rest stay with the staff).
    await page.reload();
    progress = await mainText(page);
    expectInOrder(progress, ['等待您评价本次办理（处理结果：调解成功）', '评价本次办理', '办理过程', '诉求已提交，工会已受理', '工会工作者已与您联系',
      '工会已通知企业工会主席', '工会已向企业工会核实情况', '工会已督促企业劳动争议调解委员会调查调解', '处理结果：调解成功，追回 8600.00 元',
      '工会已回访', '补充说明', '退出']);
    for (const note of ['电话联系职工，了解欠薪经过', '企业工会主席确认工资未发', '当天调解成功', '一周内到账，职工确认']) expect(progress).not.toContain(note);
    expect(progress).not.toContain('撤回诉求');
    // The worker was told by SMS that someone took the case, of the outcome, and that it is time to rate.
    const told = async (what: string) => world.sys.sms.waitFor((m) => m.phone === phone && m.text.includes(what), 20_000);
    expect((await told('已由北山街道社工承办')).text).toContain('/t/');
    expect((await told('处理结果：调解成功，追回8600.00元')).text).toContain('工会将回访您');
    expect((await told('请在15日内为本次办理评分')).text).toContain('/t/');
    await lookAt(page, 'worker-06-rate', '待评价 /track/:caseNo');

    // 9. The rating: a score and a word, then the thanks, and the case is closed with that score.
    await page.getByLabel('评分（1-5分）', { exact: true }).selectOption({ label: '4分 满意' });
    await page.getByLabel('评价内容（选填）', { exact: true }).fill('处理及时，谢谢');
    await page.getByRole('button', { name: '提交评价' }).tap();
    await page.waitForURL(`**/track/${caseNo}/rate`, { timeout: 20_000 });
    await page.getByText('感谢您的评价！').waitFor();
    progress = await mainText(page);
    expectInOrder(progress, [`诉求 ${caseNo}`, '感谢您的评价！', '已办结（处理结果：调解成功）', '您的评分', '4分', '您的评价：4分', '已办结']);
    expect(progress).not.toContain('评价本次办理');
    expect(progress).not.toContain('补充说明');
    await lookAt(page, 'worker-07-rated', '评价成功 /track/:caseNo/rate');

    const row = await world.sys.db.selectFrom('cases').select(['status', 'rating', 'rating_comment']).where('case_no', '=', caseNo).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'closed', rating: 4, rating_comment: '处理及时，谢谢' });
    // Nothing on these pages reached off the machine, threw, or was refused by the page's own CSP.
    expect(world.env.blocked).toEqual([]);
    expect(world.env.pageErrors).toEqual([]);
    await phoneCtx.close();
  }, 60_000);
});
