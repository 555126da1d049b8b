/**
 * @fastify/rate-limit, for the routes where a guess can succeed: a staff password, or the code or link that proves a
 * case is a worker's. Only the routes that add one of `app.guessLimits` as a preHandler are counted; filing and staff
 * work are not. Each limit is one handler shared by all its routes, so that the JSON API and the pages count together
 * (the plugin's per-route limits each get a store of their own). The counts are kept in PostgreSQL
 * (api/security/guess-count-store.ts), always: with several instances behind a load balancer (npm run start:cluster)
 * they draw on one count, and a restart does not hand out a fresh set of tries.
 */
import rateLimit from '@fastify/rate-limit';
import type { preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { HttpError } from '../../errors';
import { agreementCodeGuesses, librarySearches, loginGuesses, wagePostGuesses, workerProofGuesses } from '../../guess-limits';
import { postgresGuessStore } from '../../security/guess-count-store';

declare module 'fastify' {
  interface FastifyInstance {
    guessLimits: { login: preHandlerAsyncHookHandler; workerProof: preHandlerAsyncHookHandler; agreementCode: preHandlerAsyncHookHandler; wagePost: preHandlerAsyncHookHandler };
    /** the library's search and "cases like mine", pages and JSON together: public, and each a database query */
    searchLimit: preHandlerAsyncHookHandler;
  }
}

export default fp<{ db: Kysely<Database> }>(async (app, opts) => {
  await app.register(rateLimit, {
    global: false,
    store: postgresGuessStore(opts.db),
    errorResponseBuilder: (_req, ctx) =>
      new HttpError(429, `尝试次数过多，请${Math.max(1, Math.ceil(ctx.ttl / 60_000))}分钟后再试`, 'TOO_MANY_ATTEMPTS'),
  });
  app.decorate('guessLimits', { login: app.rateLimit(loginGuesses), workerProof: app.rateLimit(workerProofGuesses), agreementCode: app.rateLimit(agreementCodeGuesses), wagePost: app.rateLimit(wagePostGuesses) });
  app.decorate('searchLimit', app.rateLimit(librarySearches));
}, { name: 'rate-limit' });
