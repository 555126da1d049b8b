import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { staffBySession, type SignedInStaff } from '../../../db/queries/staff';
import { unauthorized } from '../../errors';

export const SESSION_COOKIE = 'gq_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: SignedInStaff | null;
  }
  interface FastifyInstance {
    requireStaff: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

function tokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return req.cookies?.[SESSION_COOKIE];
}

/** Who is asking: a staff session from the cookie (pages) or a bearer token (JSON API); workers never log in. */
export default fp(async (app) => {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (req) => {
    const token = tokenOf(req);
    if (token && token.length <= 100) req.staff = (await staffBySession(app.db, token)) ?? null;
  });
  app.decorate('requireStaff', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.staff) return;
    if (req.url.startsWith('/api/')) throw unauthorized();
    await reply.redirect(`/staff/login?next=${encodeURIComponent(req.url)}`, 303);
  });
}, { name: 'auth', dependencies: ['services', 'forms'] });
