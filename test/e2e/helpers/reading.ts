/** How the journeys read a page: as a person does, its main text in order, its headings; and look at it (screenshot, axe). */
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

