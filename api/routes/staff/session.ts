import type { FastifyPluginAsync } from 'fastify';
import { createSession, endSession, findStaffByUsername } from '../../../db/queries/staff';
import { SESSION_COOKIE } from '../../plugins/app/auth';
import { verifyPassword } from '../../services/passwords';

/** Only local paths may follow a login, so the login page can't be used to bounce someone elsewhere. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/staff(\/|$)/.test(next) ? next : '/staff');

const sessionPages: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { next?: string } }>('/login', async (req, reply) =>
    reply.view('login', { title: '工作人员登录', next: safeNext(req.query.next) }));

  app.post<{ Body: { username?: string; password?: string; next?: string } }>('/login', { preHandler: app.guessLimits.login }, async (req, reply) => {
    const { username = '', password = '', next } = req.body ?? {};
    const user = username && username.length <= 50 ? await findStaffByUsername(app.db, username) : undefined;
    if (!user || password.length > 200 || !(await verifyPassword(password, user.password_hash))) {
      return reply.code(401).view('login', { title: '工作人员登录', error: '用户名或密码错误', username, next: safeNext(next) });
    }
    const token = await createSession(app.db, user.id);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 12 * 3600 });
    return reply.redirect(safeNext(next), 303);
  });

  app.post('/logout', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await endSession(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/staff/login', 303);
  });
};

export default sessionPages;
