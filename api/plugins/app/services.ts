import type { Client } from '@temporalio/client';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import { outboxOnlyGateway, type SmsGateway } from '../../../activities/sms/gateway';
import type { Database } from '../../../db/schema';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    temporal: Client;
    /** for the one-time codes the web side texts itself (case SMS go through the workflows' activities) */
    sms: SmsGateway;
  }
}

/** The app's outside dependencies, created by the caller (main.ts or a test) and shared by every route. */
export default fp<{ db: Kysely<Database>; temporal: Client; sms?: SmsGateway }>(async (app, opts) => {
  app.decorate('db', opts.db);
  app.decorate('temporal', opts.temporal);
  app.decorate('sms', opts.sms ?? outboxOnlyGateway);
}, { name: 'services' });
