/**
 * A real browser for the end-to-end tests: Debian's Chromium (scripts/lib/browser.sh installs it and exports
 * GQ_CHROMIUM) driven by playwright-core, which never downloads a browser of its own. Headless, and kept off the
 * network: every request that is not for 127.0.0.1/localhost is refused in the browser and recorded, so a page that
 * reaches for a CDN, a font service or an analytics host is seen (and a test can say it must not happen).
 *
 * Two kinds of screen: a 390×844 phone (touch, mobile viewport: the worker behind the QR code) and a 1280×800 desk
 * (staff), both zh-CN in Asia/Shanghai. `screenshot` keeps a picture of every page for people to look at
 * (test/e2e/screenshots/, git-ignored); `expectAccessible` runs axe-core on the page as it is now.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * As root on this machine Chromium needs no sandbox (Playwright passes --no-sandbox by default) and must not reach for
 * Google's services, whose connections the closed network refuses (/work/.library/env/machines/polyglot.md).
 * Playwright gives every launch a fresh, empty --user-data-dir of its own.
 */
const CHROMIUM_ARGS = [
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--disable-domain-reliability', '--no-pings',
];

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const COMMON: BrowserContextOptions = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', colorScheme: 'light', reducedMotion: 'reduce' };
/** The worker's phone behind the QR code. */
export const PHONE: BrowserContextOptions = { ...COMMON, viewport: { width: 390, height: 844 }, screen: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
/** A caseworker's or supervisor's desk. */
export const DESK: BrowserContextOptions = { ...COMMON, viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

export interface BrowserEnv {
  browser: Browser;
  /** a new phone (fresh cookies) */
  phone(): Promise<BrowserContext>;
  /** a new desk (fresh cookies) */
  desk(): Promise<BrowserContext>;
  /** every request a page tried to make off this machine (refused) */
  blocked: string[];
  /** uncaught page errors and console errors (a CSP refusal shows up here), "<page url>: <text>" */
  pageErrors: string[];
  close(): Promise<void>;
}

export function chromiumPath(): string {
  const path = process.env.GQ_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`no Chromium at ${path}: run the browser tests through scripts/test.sh, which installs Debian's chromium and fonts-noto-cjk (scripts/lib/browser.sh)`);
  }
  return path;
}

export async function launchBrowser(): Promise<BrowserEnv> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  const open = async (options: BrowserContextOptions) => {
    const context = await browser.newContext(options);
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
    await context.route('**/*', (route) => {
      const url = route.request().url();
      let host = '';
      try { host = new URL(url).hostname; } catch { /* not a URL we know: refuse */ }
      if (LOCAL_HOSTS.has(host)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('page', (page) => {
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err.message}`));
      page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(`${page.url()}: ${msg.text()}`); });
    });
    return context;
  };

  return {
    browser, blocked, pageErrors,
    phone: () => open(PHONE),
    desk: () => open(DESK),
    close: () => browser.close(),
  };
}

/** A full-page PNG in test/e2e/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/**
 * axe rules that fail the test although axe rates them below "serious": the issue (15) asks every page for one
 * level-one heading, the first thing a screen-reader user jumps to.
 */
export const REQUIRED_RULES = ['page-has-heading-one'];

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: { target: string; html: string; message: string }[];
}

/** One violation as a person reads it: rule, impact, what axe asks for, then each element (selector, its markup) with what is wrong there. */
export function formatFinding(f: AxeFinding): string {
  return [`${f.rule} [${f.impact}] ${f.help} (${f.helpUrl})`, ...f.targets.map((t) => `    ${t.target} ${t.html}: ${t.message}`)].join('\n');
}

/**
 * Runs axe-core (every rule but the experimental ones) on the page as it is now, and fails on each serious or critical
 * violation and on each violation of REQUIRED_RULES, with a readable list (rule id, impact, target, help). The
 * failure is soft by default (`expect.soft`): the test goes on to the next page and fails at its end with every page's
 * list, so one run tells the page owner everything. Lesser findings are printed, not failed. Returns all findings.
 */
export async function expectAccessible(page: Page, label: string, { soft = true }: { soft?: boolean } = {}): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const findings: AxeFinding[] = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    help: v.help,
    helpUrl: v.helpUrl.replace(/\?.*$/, ''),
    targets: v.nodes.map((n) => ({
      target: n.target.map(String).join(' '),
      html: n.html.length > 90 ? `${n.html.slice(0, 89)}…` : n.html,
      // The first check's message says what is wrong on that element (e.g. the contrast ratio and both colours).
      message: ([...n.any, ...n.all, ...n.none][0]?.message ?? n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
    })),
  }));
  const failing = findings.filter((f) => f.impact === 'serious' || f.impact === 'critical' || REQUIRED_RULES.includes(f.rule));
  const lesser = findings.filter((f) => !failing.includes(f));
  if (lesser.length) console.info(`axe on ${label} (${page.url()}), not failing:\n${lesser.map(formatFinding).join('\n')}`);
  const report = failing.map(formatFinding);
  const message = `axe on ${label} (${page.url()}): ${failing.length} violation(s) to fix`;
  if (soft) expect.soft(report, message).toEqual([]);
  else expect(report, message).toEqual([]);
  return findings;
}

/** The id (or, for a button or link, its text) of the element that has the keyboard focus. */
export async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    if (!el || el.tagName === 'BODY') return 'body';
    return el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
  });
}
