/**
 * Deny by default: every route declares who may call it (`config: { access }`), and a route that declares nothing is
 * refused. 'public' is anyone; 'worker' is anyone, and the handler then requires the worker's proof for the case;
 * a permission is a signed-in staff member whose role has it (api/security/access-policy.ts).
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { forbidden, unauthorized } from '../../errors';
import { may, type Permission } from '../../security/access-policy';

export type Access = 'public' | 'worker' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

const PERMISSION_LABELS: Record<Permission, string> = {
  inbox: '查看待办', 'case.read': '查看案件', 'case.act': '办理案件', 'case.history': '查看完整流程记录',
  'sms.read': '查看短信', 'grievance.file': '代职工登记诉求', codec: '解密引擎数据',
};

export function accessOf(req: FastifyRequest): Access | undefined {
  return req.routeOptions.config?.access;
}

export default fp(async (app) => {
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
    if (!may(req.staff.role, access)) throw forbidden(`您的角色无权${PERMISSION_LABELS[access]}`);
  });
}, { name: 'access', dependencies: ['auth'] });
