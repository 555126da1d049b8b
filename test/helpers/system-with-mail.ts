/** The whole system for one test file, its worker started, documents e-mailed to a loopback SMTP server. */
import { afterAll, beforeAll } from 'vitest';
import { startFakeSmtpServer, type FakeSmtpServer } from '../../scripts/fake-smtp-server';
import { apiClient } from './http';
import { startSystem, type System } from './system';

export function useSystemWithMail(label: string): { readonly sys: System; readonly smtp: FakeSmtpServer; readonly api: ReturnType<typeof apiClient> } {
  const held: { sys?: System; smtp?: FakeSmtpServer; api?: ReturnType<typeof apiClient> } = {};
  beforeAll(async () => {
    held.sys = await startSystem(label);
    held.smtp = await startFakeSmtpServer();
    process.env.GONGQING_SMTP_URL = held.smtp.url;
    await held.sys.startWorker();
    held.api = apiClient(held.sys.baseUrl);
  }, 120_000);
  afterAll(async () => {
    delete process.env.GONGQING_SMTP_URL;
    await held.sys?.stop();
    await held.smtp?.close();
  });
  return { get sys() { return held.sys!; }, get smtp() { return held.smtp!; }, get api() { return held.api!; } };
}
