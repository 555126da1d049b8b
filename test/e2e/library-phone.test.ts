/**
 * A worker on a 390×844 phone finds the law before complaining (issue 23), in a real browser against the real system:
 * searches the library from the QR page, opens the nursing-time article, and, typing a grievance, is shown cases like
 * theirs as they type (JavaScript) — then, in a phone with JavaScript off, by "先查一查" (a form post).
 */
import { describe, expect, it } from 'vitest';
import { insertPastCases } from '../helpers/library-cases';
import { PHONE, screenshot } from './helpers/browser-env';
import { expectInOrder, headings, lookAt, mainText } from './helpers/reading';
import { useJourney } from './helpers/journey';

const world = useJourney('e2e_library');
const DESCRIPTION = '我生了双胞胎，休完产假回来，车间主任说哺乳时间每天只有1小时';

describe('a worker on a 390×844 phone', () => {
  it('searches the law library, reads an item, and sees cases like theirs while typing a grievance', async () => {
    await insertPastCases(world.sys.db, [{ caseNo: 'GQE2ELIB0001', category: 'female_workers', name: '周丽', phone: '13855556666',
      description: '周丽反映：生了双胞胎，每天只给1小时哺乳时间，调解后改为2小时。', outcome: 'mediated' }]);
    const ctx = await world.env.phone();
    const page = await ctx.newPage();

    await page.goto(`${world.sys.baseUrl}/`);
    expectInOrder(await mainText(page), ['遇到劳动权益问题？', '法律政策', '搜一搜法律规定和典型案例', '签订劳动合同', '女职工权益', '高温与防暑']);
    await page.getByLabel('搜一搜法律规定和典型案例').fill('双胞胎 哺乳');
    await page.getByRole('button', { name: '搜索' }).tap();
    await page.waitForURL('**/library?q=*');
    expect(await headings(page)).toContain('“双胞胎 哺乳”的搜索结果');
    const first = page.locator('main a.lib-title').first();
    expect(await first.innerText()).toBe('哺乳时间：每天1小时，多胞胎每多1个婴儿加1小时');
    // nothing wider than the phone: no sideways scrolling
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await lookAt(page, 'library-01-search', '搜索结果 /library?q=');

    await first.tap();
    await page.waitForURL('**/library/women-nursing-time');
    expectInOrder(await mainText(page), ['哺乳时间', '依据：《女职工劳动保护特别规定》第九条', '每多哺乳1个婴儿每天增加1小时', '相关条目与典型案例']);
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await lookAt(page, 'library-02-item', '条目 /library/women-nursing-time');

    await page.goto(`${world.sys.baseUrl}/grievances/new`);
    await page.getByLabel('诉求类别', { exact: true }).selectOption({ label: '女职工权益' });
    await page.getByLabel('诉求描述', { exact: true }).fill(DESCRIPTION);
    const similar = page.locator('#similar');
    await similar.getByText('和您情况相近的内容').waitFor({ timeout: 10_000 });
    expect(await similar.locator('a').first().innerText()).toBe('哺乳时间：每天1小时，多胞胎每多1个婴儿加1小时');
    const shown = await similar.innerText();
    expect(shown).toContain('调解成功');
    expect(shown).not.toContain('周丽');
    expect(shown).not.toContain('13855556666');
    await lookAt(page, 'library-03-typing', '我要反映：类似情况 /grievances/new');
    expect(world.env.pageErrors).toEqual([]);
    await ctx.close();
  });

  it('without JavaScript, 先查一查 shows the same and keeps what was typed', async () => {
    const ctx = await world.env.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    ctx.setDefaultTimeout(10_000);
    const page = await ctx.newPage();
    await page.goto(`${world.sys.baseUrl}/grievances/new`);
    await page.getByLabel('姓名', { exact: true }).fill('赵小红');
    await page.getByLabel('诉求描述', { exact: true }).fill(DESCRIPTION);
    await page.getByRole('button', { name: '先查一查类似情况' }).tap();
    await page.waitForURL('**/grievances/check');
    const similar = page.locator('#similar');
    expect(await similar.innerText()).toContain('哺乳时间：每天1小时');
    expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe('赵小红');
    expect(await page.getByLabel('诉求描述', { exact: true }).inputValue()).toBe(DESCRIPTION);
    // photographed only: axe-core runs as a script, and this phone runs none (the page above was checked)
    await screenshot(page, 'library-04-check-first');
    await ctx.close();
  });
});
