/**
 * @fastify/rate-limit, for the routes where a guess can succeed: a staff password, or the code or link that proves a
 * case is a worker's. Only the routes that add one of `app.guessLimits` as a preHandler are counted; filing and staff
 * work are not. Each limit is one handler shared by all its routes, so that the JSON API and the pages count together
 * (the plugin's per-route limits each get a store of their own). The store is in memory, per API process: with several
 * instances behind a load balancer each counts on its own.
 */
import rateLimit from '@fastify/rate-limit';
import type { preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../../errors';
import { agreementCodeGuesses, librarySearches, loginGuesses, workerProofGuesses } from '../../guess-limits';

declare module 'fastify' {
  interface FastifyInstance {
    guessLimits: { login: preHandlerAsyncHookHandler; workerProof: preHandlerAsyncHookHandler; agreementCode: preHandlerAsyncHookHandler };
    /** the library's search and "cases like mine", pages and JSON together: public, and each a database query */
    searchLimit: preHandlerAsyncHookHandler;
  }
}

export default fp(async (app) => {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new HttpError(429, `尝试次数过多，请${Math.max(1, Math.ceil(ctx.ttl / 60_000))}分钟后再试`, 'TOO_MANY_ATTEMPTS'),
  });
  app.decorate('guessLimits', { login: app.rateLimit(loginGuesses), workerProof: app.rateLimit(workerProofGuesses), agreementCode: app.rateLimit(agreementCodeGuesses) });
  app.decorate('searchLimit', app.rateLimit(librarySearches));
}, { name: 'rate-limit' });
