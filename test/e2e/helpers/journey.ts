/** One journey file's world: the real system (with its worker) and a browser, up before the tests and always down after. */
import { afterAll, beforeAll } from 'vitest';
import { startSystem, type System } from '../../helpers/system';
import { launchBrowser, type BrowserEnv } from './browser-env';

export function useJourney(label: string): { sys: System; env: BrowserEnv } {
  const ctx = {} as { sys: System; env: BrowserEnv };
  beforeAll(async () => {
    [ctx.sys, ctx.env] = await Promise.all([
      startSystem(label).then(async (s) => { await s.startWorker(); return s; }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await ctx.env?.close();
    await ctx.sys?.stop();
  });
  return ctx;
}
