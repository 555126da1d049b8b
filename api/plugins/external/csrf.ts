/**
 * @fastify/csrf-protection for every state-changing form (double submit: a secret in a SameSite=Strict cookie, a token
 * derived from it in each form). A request that proves itself with an Authorization header needs none: a browser never
 * adds that header to a cross-site request by itself. The JSON API believes only such headers (plugins/app/auth.ts).
 */
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { securityConfig } from '../../security/config';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const guarded = (req: FastifyRequest) => !req.url.startsWith('/api/') && !req.url.startsWith('/codec/');

declare module 'fastify' {
  interface FastifyReply {
    locals: Record<string, unknown> | null;
  }
  interface FastifyContextConfig {
    /**
     * The form's body is read by the route's own scope after this plugin's hook (a multipart upload, read whole by
     * @fastify/multipart's preValidation hook): the route checks the token itself with `csrfAfterBody`.
     */
    csrfAfterBody?: boolean;
  }
}

/** The same check for a route whose body is read later (config.csrfAfterBody): put it in the route's preValidation. */
export function csrfAfterBody(app: FastifyInstance) {
  return (req: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    if (req.headers.authorization?.startsWith('Bearer ')) return done();
    app.csrfProtection(req, reply, () => {
      const body = req.body as Record<string, unknown> | undefined;
      if (body && typeof body === 'object') delete body._csrf;
      done();
    });
  };
}

export default fp(async (app) => {
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: securityConfig.secureCookies },
    getToken: (req: FastifyRequest) => (req.body as Record<string, unknown> | undefined)?._csrf as string | undefined,
  });
  // Every page gets a token for its forms ({{> csrf}}), error pages included.
  app.addHook('onRequest', async (req, reply: FastifyReply) => {
    if (!guarded(req)) return;
    reply.locals = { ...(reply.locals ?? {}), csrfToken: reply.generateCsrf() };
  });
  app.addHook('preValidation', (req, reply, done) => {
    if (SAFE.has(req.method) || !guarded(req) || req.headers.authorization?.startsWith('Bearer ') || req.routeOptions.config?.csrfAfterBody) return done();
    app.csrfProtection(req, reply, () => {
      // The token has done its work; the routes' schemas need not know of it.
      const body = req.body as Record<string, unknown> | undefined;
      if (body && typeof body === 'object') delete body._csrf;
      done();
    });
  });
}, { name: 'csrf', dependencies: ['forms', 'views'] });
