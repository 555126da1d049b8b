import type { FastifyPluginAsync } from 'fastify';
import { SESSION_COOKIE } from '../../plugins/app/auth';
import { securityConfig } from '../../security/config';
import { cookieOptions } from '../../security/cookies';
import { authenticateStaff, closeStaffSession, openStaffSession } from '../../services/staff-sign-in';

/** Only local paths may follow a login, so the login page can't be used to bounce someone elsewhere. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/staff(\/[^/\\]|$)/.test(next) && !next.includes('\\') ? next : '/staff');

const sessionPages: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { next?: string } }>('/login', { config: { access: 'public' } }, async (req, reply) =>
    reply.view('login', { title: '工作人员登录', next: safeNext(req.query.next) }));

  app.post<{ Body: { username?: string; password?: string; next?: string } }>('/login', { config: { access: 'public' }, preHandler: app.guessLimits.login }, async (req, reply) => {
    const body = req.body ?? {};
    const username = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const user = await authenticateStaff(app.db, username, password);
    if (!user) return reply.code(401).view('login', { title: '工作人员登录', error: '用户名或密码错误', username, next: safeNext(body.next) });
    const { token } = await openStaffSession(app.db, user.id);
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(securityConfig.staffSessionHours * 3600));
    return reply.redirect(safeNext(body.next), 303);
  });

  app.post('/logout', { config: { access: 'public' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await closeStaffSession(app.db, token);
    reply.clearCookie(SESSION_COOKIE, cookieOptions());
    return reply.redirect('/staff/login', 303);
  });
};

export default sessionPages;
