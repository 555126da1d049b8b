import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { staffBySessionHash, type SignedInStaff } from '../../../db/queries/staff';
import { casesOfWorkerSession } from '../../../db/queries/worker-access';
import { hashToken, MAX_TOKEN_LENGTH, STAFF_TOKEN_PREFIX, WORKER_TOKEN_PREFIX } from '../../security/tokens';

export const SESSION_COOKIE = 'gq_session';
export const WORKER_COOKIE = 'gq_worker';

declare module 'fastify' {
  interface FastifyRequest {
    staff: SignedInStaff | null;
    /** the cases this request's worker token opens (a personal link or a one-time code proved them) */
    workerCases: string[];
  }
}

const isApi = (req: FastifyRequest) => req.url.startsWith('/api/');

function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

const usable = (t: string | undefined, prefix: string): t is string =>
  typeof t === 'string' && t.startsWith(prefix) && t.length <= MAX_TOKEN_LENGTH;

/**
 * Who is asking. The JSON API believes only a bearer token (a cookie rides along with any cross-site request, a header
 * does not); pages also take the session cookies. A staff token and a worker token are told apart by their prefix.
 */
export default fp(async (app) => {
  app.decorateRequest('staff', null);
  app.decorateRequest('workerCases', null as never);
  app.addHook('onRequest', async (req) => {
    req.workerCases = [];
    const bearer = bearerOf(req);
    const staffToken = bearer ?? (isApi(req) ? undefined : req.cookies?.[SESSION_COOKIE]);
    const workerToken = bearer ?? (isApi(req) ? undefined : req.cookies?.[WORKER_COOKIE]);
    if (usable(staffToken, STAFF_TOKEN_PREFIX)) {
      req.staff = (await staffBySessionHash(app.db, hashToken(staffToken))) ?? null;
    }
    if (usable(workerToken, WORKER_TOKEN_PREFIX)) {
      req.workerCases = await casesOfWorkerSession(app.db, hashToken(workerToken));
    }
  });
}, { name: 'auth', dependencies: ['services', 'forms'] });
