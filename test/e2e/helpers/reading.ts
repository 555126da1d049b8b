/** How the journeys read a page: as a person does, its main text in order, its headings; look at it (screenshot, axe); sign in. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, screenshot } from './browser-env';

/** The visible text of the page's main part, whitespace folded (what a person reads, in reading order). */
export const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

/** Each string appears, and in this order: each one is looked for after the one before it. */
export function expectInOrder(text: string, parts: string[]) {
  let from = 0;
  const found: string[] = [];
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) break;
    found.push(part);
    from = at + part.length;
  }
  expect(found, `in this order: ${parts.join(' → ')}\nthe page reads: ${text}`).toEqual(parts);
}

/** The headings of the page's main part, in reading order. */
export const headings = (page: Page) => page.locator('main').getByRole('heading').allInnerTexts();

export async function lookAt(page: Page, shot: string, label: string) {
  await screenshot(page, shot);
  await expectAccessible(page, label);
}


/** Signs a staff member in through the sign-in page, as a person types it; `next` is where the page sends them after. */
export async function signInAs(page: Page, baseUrl: string, username: string, next = '/staff') {
  await page.goto(`${baseUrl}/staff/login${next === '/staff' ? '' : `?next=${next}`}`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('gongqing2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`**${next}`);
}
