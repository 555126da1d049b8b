/**
 * Deny by default: every route declares who may call it (`config: { access }`), and a route that declares nothing is
 * refused. 'public' is anyone; 'worker' is anyone, and the handler then requires the worker's proof for the case;
 * a permission is a signed-in staff member whose role has it (api/security/access-policy.ts).
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, unauthorized } from '../../errors';
import { CASE_NO_PATTERN } from '../../schemas/grievance';
import { isKnownPermission, may, permissionLabel, type Permission } from '../../security/access-policy';
import { caseForStaff } from '../../services/case-detail';

const CASE_NO = new RegExp(CASE_NO_PATTERN);

export type Access = 'public' | 'worker' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    /** every route with what it declared, for the role × route table (test/integration/access-table.test.ts) */
    accessTable: { method: string; url: string; access: Access }[];
  }
}

export function accessOf(req: FastifyRequest): Access | undefined {
  return req.routeOptions.config?.access;
}

export default fp(async (app) => {
  const table: { method: string; url: string; access: Access }[] = [];
  app.decorate('accessTable', table);
  // A route that declares no access would be refused on every request; better that the server refuses to start.
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    for (const method of [route.method].flat()) {
      if (!access) throw new Error(`route ${method} ${route.url} declares no config.access`);
      if (access !== 'public' && access !== 'worker' && !isKnownPermission(access)) throw new Error(`route ${method} ${route.url} names an unknown permission ${access}`);
      table.push({ method, url: route.url, access });
    }
  });
  // Before the body is even parsed: a caller who may not use a route learns nothing from how it validates.
  app.addHook('onRequest', async (req, reply) => {
    if (req.is404) return;
    const access = accessOf(req);
    if (access === 'public' || access === 'worker') return;
    if (!access) throw forbidden();
    if (!req.staff) {
      if (req.url.startsWith('/api/') || req.method !== 'GET') throw unauthorized();
      return reply.redirect(`/staff/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    if (!may(req.staff.role, access)) throw forbidden(`您的角色无权${permissionLabel(access)}`);
    // A case route: whether this person may see the case at all comes before what they sent (403 or 404 here).
    const caseNo = (req.params as { caseNo?: unknown } | undefined)?.caseNo;
    if (typeof caseNo === 'string' && CASE_NO.test(caseNo)) await caseForStaff(app.db, req.staff, caseNo);
  });
}, { name: 'access', dependencies: ['auth'] });
