/**
 * The real system on Temporal's time-skipping test server, for processes that run for months (installments): a fresh
 * Postgres database, the worker's real activities in this process (Postgres, the loopback SMS gateway, SMTP on
 * loopback, PDFs), and the Fastify app whose Temporal client is the test server's. The test moves time with
 * env.sleep; everything else is as in production.
 */
import { randomBytes } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { createActivities } from '../../activities';
import { createEmailTransport, type EmailTransport } from '../../activities/email/transport';
import { linkSecretFromEnv, workerLinks } from '../../activities/secrets/worker-link';
import { httpGateway } from '../../activities/sms/http-gateway';
import { buildApp } from '../../api/server';
import { createDb } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { seedDemo } from '../../db/seed/seed-demo';
import { startFakeSmsGateway, type FakeSmsGateway } from '../../scripts/fake-sms-gateway';
import { startFakeSmtpServer, type FakeSmtpServer } from '../../scripts/fake-smtp-server';
import { workflowCode } from '../../worker';
import { createDatabase, dropDatabase } from './system';
import { createTimeSkippingEnv } from './time-skipping';

export interface SkippingSystem {
  env: TestWorkflowEnvironment;
  db: Kysely<Database>;
  baseUrl: string;
  sms: FakeSmsGateway;
  smtp: FakeSmtpServer;
  stop(): Promise<void>;
}

export async function startSkippingSystem(label: string): Promise<SkippingSystem> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('run integration tests through `npm test` (scripts/test.sh)');
  const dbName = `gq_test_${label}_${randomBytes(4).toString('hex')}`;
  const db = createDb(await createDatabase(adminUrl, dbName), 5);
  await migrateToLatest(db);
  await seedDemo(db);
  const taskQueue = process.env.GONGQING_TASK_QUEUE = `gq-skip-${label}`;
  const [env, sms, smtp] = await Promise.all([createTimeSkippingEnv(), startFakeSmsGateway(), startFakeSmtpServer({ smtpPort: 0, httpPort: 0 })]);
  const app = await buildApp({ db, temporal: env.client, sms: httpGateway({ url: sms.url }), logger: { level: 'error' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const mail: EmailTransport = createEmailTransport({ url: smtp.url, timeoutMs: 10_000 });
  const activities = createActivities({ db, sms: httpGateway({ url: sms.url }), links: workerLinks(linkSecretFromEnv(), baseUrl), mail });
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, ...(await workflowCode()), activities, dataConverter: gongqingDataConverter() });
  const running = worker.run();
  return {
    env, db, baseUrl, sms, smtp,
    async stop() {
      worker.shutdown();
      await running.catch(() => undefined);
      await app.close();
      mail.close();
      await Promise.all([sms.close(), smtp.close(), env.teardown()]);
      await db.destroy();
      await dropDatabase(adminUrl, dbName);
    },
  };
}
