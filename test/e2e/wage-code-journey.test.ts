/**
 * The 协商码 in a real browser against the real system (issue 22): the enterprise union's chair at a desk finds the QR
 * code and the poster; a worker on a 390×844 phone opens the address the code encodes, asks for a code, types it and
 * suggests; the chair removes a post from the same page. Every page is photographed and checked with axe-core.
 */
import { describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/http';
import { CHAIR, ENTERPRISE, negotiatingRound } from '../helpers/wage-code';
import { codeSentTo, freshPhone } from '../helpers/worker-proof';
import { expectInOrder, lookAt, mainText, signInAs } from './helpers/reading';
import { useJourney } from './helpers/journey';

const world = useJourney('e2e_wagecode');

describe('the 协商码 of a wage round', () => {
  it('takes a worker from the QR code to a suggestion on a phone, and lets the chair remove a post', async () => {
    // The address the QR code encodes is the app's public URL: here, the test server itself.
    process.env.GONGQING_PUBLIC_URL = world.sys.baseUrl;
    const round = await negotiatingRound(world.sys);
    const api = apiClient(world.sys.baseUrl);
    expect((await api.call('POST', `/api/v1/cases/${round.caseNo}/actions/makeOffer`, {
      side: 'union', clauses: [{ item: '计件奖励', terms: '签收率≥96%时每件奖励0.10–0.15元' }, { item: '工资增长', terms: '月工资增长6%' }],
    }, round.chair)).status).toBe(200);

    // 1. The chair's 协商码 page: the QR code (a real image), the address, the poster.
    const desk = await (await world.env.desk()).newPage();
    await signInAs(desk, world.sys.baseUrl, CHAIR, `/staff/cases/${round.caseNo}/negotiation-code`);
    const url = (await desk.locator('#public-url').innerText()).trim();
    expect(url).toBe(`${world.sys.baseUrl}/negotiation/${round.code}`);
    expect(await desk.locator('img.qr').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(200);
    await lookAt(desk, 'wagecode-01-staff', '协商码 /staff/cases/:caseNo/negotiation-code');
    await desk.getByRole('link', { name: '打印张贴海报' }).click();
    await desk.waitForURL('**/negotiation-code/poster');
    expectInOrder(await mainText(desk), [ENTERPRISE, '2026年度工资集体协商', '扫码', url]);
    await lookAt(desk, 'wagecode-02-poster', '协商码海报 /staff/cases/:caseNo/negotiation-code/poster');

    // 2. A worker scans it: the page reads as the worker needs it, on a phone, without sideways scrolling.
    const phone = freshPhone();
    const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`;
    const page = await (await world.env.phone()).newPage();
    await page.goto(url);
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('zh-CN');
    expectInOrder(await mainText(page), [`${ENTERPRISE} 2026年度工资集体协商`, '现在', '工会与企业正在协商工资', '职工建议 0 条',
      '双方方案', '第1轮 · 职工方（工会）协商方案', '计件奖励：签收率≥96%时每件奖励0.10–0.15元', '我要提建议', '职工留言（0）']);
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await lookAt(page, 'wagecode-03-phone', '协商码页面 /negotiation/:code');

    // 3. 获取验证码 brings the page back with what was typed, and the code to the phone.
    const text = '建议把夜班补贴也纳入本次协商，每晚不低于30元。';
    await page.getByLabel('内容（500字以内）').fill(text);
    await page.getByLabel('手机号', { exact: true }).fill(phone);
    const seen = world.sys.sms.received.length;
    await page.getByRole('button', { name: '获取验证码' }).tap();
    await page.getByText(`验证码已发送至 ${masked}`).waitFor();
    expect(await page.getByLabel('内容（500字以内）').inputValue()).toBe(text);
    expect(await page.getByLabel('手机号', { exact: true }).inputValue()).toBe(phone);
    await lookAt(page, 'wagecode-04-code-sent', '验证码已发送 /negotiation/:code/phone-code');

    // 4. The code typed, 发布: the post is on the page, the phone masked, the suggestion counted.
    await page.getByLabel('短信验证码').fill(await codeSentTo(world.sys, phone, seen));
    await page.getByRole('button', { name: '发布', exact: true }).tap();
    await page.waitForURL(/\?posted=1/);
    expectInOrder(await mainText(page), ['留言已发布', '职工建议 1 条', '职工留言（1）', `#1 · ${masked} · 建议`, text]);
    expect(await mainText(page)).not.toContain(phone);
    await lookAt(page, 'wagecode-05-posted', '留言已发布 /negotiation/:code');

    // 5. The chair sees it and removes it (confirmed once more); the worker's page no longer shows it.
    await desk.goto(`${world.sys.baseUrl}/staff/cases/${round.caseNo}/negotiation-code`);
    expectInOrder(await mainText(desk), ['建议 1 条', `#1 · ${masked}`, text]);
    await desk.locator('#post-1 summary').click();
    await desk.getByLabel('删除理由').fill('测试留言');
    desk.once('dialog', (d) => { expect(d.message()).toContain('第1条留言'); void d.accept(); });
    await desk.getByRole('button', { name: '删除', exact: true }).click();
    await desk.getByText('已完成：删除不当留言').waitFor();
    await page.reload();
    expectInOrder(await mainText(page), ['职工建议 0 条', '职工留言（0）', '还没有留言']);
    expect(await mainText(page)).not.toContain(text);
    expect(world.env.pageErrors).toEqual([]);
    expect(world.env.blocked).toEqual([]);
  }, 120_000);

  it('lets a mentor at a desk take the order the chair placed, and attaches them to the round', async () => {
    // the enterprise's round of another year (one round per enterprise and year)
    const round = await negotiatingRound(world.sys, 2025);
    const api = apiClient(world.sys.baseUrl);
    expect((await api.call('POST', `/api/v1/cases/${round.caseNo}/actions/requestService`, { service: 'mentor', note: '请导师指导计件单价测算' }, round.chair)).status).toBe(200);
    const desk = await (await world.env.desk()).newPage();
    await signInAs(desk, world.sys.baseUrl, 'xihu.ds', '/staff');
    // the order is in the mentor's to-do list; the round's page offers 接单
    expect(await mainText(desk)).toContain(`协商导师服务：${ENTERPRISE}`);
    await desk.goto(`${world.sys.baseUrl}/staff/cases/${round.caseNo}`);
    expectInOrder(await mainText(desk), ['工资集体协商', round.caseNo, '接单（由我办理）', '协商导师服务']);
    await lookAt(desk, 'wagecode-06-mentor-order', '协商导师接单 /staff/cases/:caseNo');
    await desk.getByRole('button', { name: '接单', exact: true }).click();
    await desk.getByText('已完成：接单（由我办理）').waitFor();
    expectInOrder(await mainText(desk), ['协商导师', '协商导师冯导师', '登记服务完成']);
    await lookAt(desk, 'wagecode-07-mentor-taken', '导师已接单 /staff/cases/:caseNo');
    expect(world.env.pageErrors).toEqual([]);
  }, 120_000);
});
