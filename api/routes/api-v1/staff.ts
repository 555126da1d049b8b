/** The caseworker's and supervisor's side of the JSON API: sign in and out, inbox, a case, its commands, the SMS outbox. */
import type { FastifyPluginAsync } from 'fastify';
import { verifyChain } from '../../../db/event-chain';
import { openTasksFor, smsOutbox } from '../../../db/queries/cases';
import { HttpError } from '../../errors';
import { answers } from '../../schemas/responses';
import { caseNoParams } from '../../schemas/grievance';
import { caseAccount } from '../../services/case-account/build-account';
import { loadCaseStory } from '../../services/case-account/case-story';
import { caseDetail, caseForStaff } from '../../services/case-detail';
import { authenticateStaff, closeStaffSession, openStaffSession } from '../../services/staff-sign-in';
import { isMyTask, outboxFilter, viewerOf } from '../../services/viewer';
import { maskName, maskPhone } from '../../../workflows/shared/present/format';
import { STAFF_TOKEN_PREFIX } from '../../security/tokens';

const bearer = [{ bearer: [] }];

const staffRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { username: string; password: string } }>('/sessions', {
    config: { access: 'public' },
    preHandler: app.guessLimits.login,
    schema: {
      tags: ['staff'], summary: '工作人员登录，返回 Bearer 令牌',
      body: { type: 'object', additionalProperties: false, required: ['username', 'password'], properties: { username: { type: 'string', minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9._-]+$' }, password: { type: 'string', minLength: 1, maxLength: 200 } } },
      response: answers({ 201: { description: '已登录', properties: { token: { type: 'string' }, expiresAt: { type: 'string' }, user: { type: 'object', additionalProperties: true } } } }, 401, 429),
    },
  }, async (req, reply) => {
    const user = await authenticateStaff(app.db, req.body.username, req.body.password);
    if (!user) throw new HttpError(401, '用户名或密码错误', 'UNAUTHORIZED');
    const { token, expiresAt } = await openStaffSession(app.db, user.id);
    return reply.code(201).send({ token, expiresAt, user: { username: user.username, name: user.display_name, role: user.role, unitId: user.org_unit_id } });
  });

  app.delete('/sessions/current', { config: { access: 'inbox' }, schema: { tags: ['staff'], summary: '退出登录（令牌作废）', security: bearer, response: answers({ 204: { description: '已退出' } }, 401, 403) } }, async (req, reply) => {
    const token = req.headers.authorization?.slice(7).trim();
    if (token?.startsWith(STAFF_TOKEN_PREFIX)) await closeStaffSession(app.db, token);
    return reply.code(204).send();
  });

  app.get('/tasks', { config: { access: 'inbox' }, schema: { tags: ['staff'], summary: '待办任务（辖区内，或指派给本人的；按办理时限排序）', security: bearer, response: answers({ 200: { description: '待办', properties: { tasks: { type: 'array' } } } }, 401, 403) } }, async (req) => {
    const tasks = await openTasksFor(app.db, viewerOf(req.staff!));
    return { tasks: tasks.map((t) => ({ ...t, complainant_name: maskName(t.complainant_name), mine: isMyTask(t, req.staff!) })) };
  });

  app.get<{ Params: { caseNo: string } }>('/cases/:caseNo', {
    config: { access: 'case.read' }, schema: { tags: ['staff'], summary: '案件详情、实时环节与可执行操作', params: caseNoParams, security: bearer, response: answers({ 200: { description: '案件', properties: { case: { type: 'object', additionalProperties: true }, view: { type: 'object', additionalProperties: true }, events: { type: 'array' }, actions: { type: 'array', items: { type: 'string' } } } } }, 401, 403, 404, 503) },
  }, async (req) => caseDetail(app.db, app.temporal, req.staff!, req.params.caseNo));

  app.get<{ Params: { caseNo: string } }>('/cases/:caseNo/history', {
    config: { access: 'case.history' },
    schema: { tags: ['staff'], summary: '案件经过（account：人员、短信、时限与等待中的计时）与完整流程记录（events：Temporal 历史），仅督办人员', params: caseNoParams, security: bearer, response: answers({ 200: { description: '案件经过与流程记录', properties: { caseNo: { type: 'string' }, archived: { type: 'boolean' }, events: { type: 'array' }, account: { type: 'object', additionalProperties: true } } } }, 401, 403, 404, 503) },
  }, async (req) => {
    const row = await caseForStaff(app.db, req.staff!, req.params.caseNo);
    const story = await loadCaseStory(app.db, app.temporal, row.case_no);
    // archived: the workflow has left the engine's retention; the account is then told from Postgres alone.
    return { caseNo: req.params.caseNo, archived: story.rows === null, events: story.rows ?? [], account: caseAccount(row, story) };
  });

  app.get<{ Params: { caseNo: string } }>('/cases/:caseNo/integrity', {
    config: { access: 'case.history' },
    schema: { tags: ['staff'], summary: '校验案件记录的哈希链（发现被篡改、删除或插入的记录）', params: caseNoParams, security: bearer, response: answers({ 200: { description: '校验结果', properties: { caseNo: { type: 'string' }, ok: { type: 'boolean' }, checked: { type: 'integer' }, broken: { type: 'object', additionalProperties: true } } } }, 401, 403, 404) },
  }, async (req) => ({ caseNo: req.params.caseNo, ...(await verifyChain(app.db, req.params.caseNo)) }));

  app.get('/sms', { config: { access: 'sms.read' }, schema: { tags: ['staff'], summary: '短信发件箱（辖区内；外部人员仅见发给本人的）', security: bearer, response: answers({ 200: { description: '短信', properties: { messages: { type: 'array' } } } }, 401, 403) } }, async (req) => {
    const rows = await smsOutbox(app.db, viewerOf(req.staff!), 200, outboxFilter(req.staff!));
    return { messages: rows.map((m) => ({ ...m, recipient_phone: maskPhone(m.recipient_phone) })) };
  });
};

export default staffRoutes;
