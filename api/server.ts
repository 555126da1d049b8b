/** Builds the Fastify app: external plugins, then the app's own, then routes by audience (fastify/demo's order). */
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { SmsGateway } from '../activities/sms/gateway';
import type { Database } from '../db/schema';
import access from './plugins/app/access';
import auth from './plugins/app/auth';
import errorHandler, { classify, sendBareError } from './plugins/app/error-handler';
import services from './plugins/app/services';
import staticFiles from './plugins/app/static-files';
import csrf from './plugins/external/csrf';
import forms from './plugins/external/forms';
import helmet from './plugins/external/helmet';
import openapi from './plugins/external/openapi';
import rateLimit from './plugins/external/rate-limit';
import views from './plugins/external/views';
import apiV1 from './routes/api-v1';
import codecRoutes from './routes/codec';
import publicPages from './routes/public';
import staffPages from './routes/staff';

export interface AppDeps {
  db: Kysely<Database>;
  temporal: Client;
  /** texts the one-time codes (case SMS go through the workflows' activities); default: stored in the outbox only */
  sms?: SmsGateway;
  logger?: FastifyServerOptions['logger'];
  /** Behind a load balancer: which proxies to believe for the client address (guess limits count per address). */
  trustProxy?: FastifyServerOptions['trustProxy'];
}

export async function buildApp({ db, temporal, sms, logger = false, trustProxy = false }: AppDeps) {
  const app = Fastify({
    logger,
    trustProxy,
    // Errors Fastify raises before any route or hook runs (a malformed or overlong URL) get the same zh-CN answer.
    frameworkErrors: (err, req, reply) => sendBareError(req, reply, classify(err)),
    bodyLimit: 256 * 1024,
    ajv: { customOptions: { allErrors: false, coerceTypes: true, removeAdditional: false } },
  });
  await app.register(helmet);
  await app.register(openapi);
  await app.register(forms);
  // After views: @fastify/view resets reply.locals on each request, and the CSRF token for the forms goes there.
  await app.register(views);
  await app.register(csrf);
  await app.register(rateLimit, { db });
  await app.register(services, { db, temporal, sms });
  await app.register(auth);
  await app.register(access);
  await app.register(errorHandler);
  await app.register(staticFiles);
  await app.register(publicPages);
  await app.register(staffPages, { prefix: '/staff' });
  await app.register(apiV1, { prefix: '/api/v1' });
  await app.register(codecRoutes, { prefix: '/codec' });
  app.get('/healthz', { schema: { hide: true }, config: { access: 'public' } }, async () => ({ ok: true }));
  return app;
}
