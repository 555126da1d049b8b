import type { Client } from '@temporalio/client';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    temporal: Client;
  }
}

/** The app's two outside dependencies, created by the caller (main.ts or a test) and shared by every route. */
export default fp<{ db: Kysely<Database>; temporal: Client }>(async (app, opts) => {
  app.decorate('db', opts.db);
  app.decorate('temporal', opts.temporal);
}, { name: 'services' });
