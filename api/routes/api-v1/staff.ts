/** The caseworker's and supervisor's side of the JSON API: sign in, inbox, a case, its commands, the SMS outbox. */
import type { FastifyPluginAsync } from 'fastify';
import { openTasksInJurisdiction, smsOutbox } from '../../../db/queries/cases';
import { createSession, findStaffByUsername } from '../../../db/queries/staff';
import type { ActionCommand } from '../../../workflows/shared/grievance-model';
import { HttpError } from '../../errors';
import { actionBodies, caseNoParams, STAFF_ACTIONS } from '../../schemas/grievance';
import { actorOf, caseDetail, caseForStaff, jurisdictionOf, outboxFilter } from '../../services/case-detail';
import { actOnGrievance } from '../../services/grievance-commands';
import { assertSupervisor, caseHistory } from '../../services/workflow-history';
import { verifyPassword } from '../../services/passwords';
import { maskName, maskPhone } from '../../../templates/helpers';

const staffRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { username: string; password: string } }>('/sessions', {
    preHandler: app.guessLimits.login,
    schema: {
      tags: ['staff'], summary: '工作人员登录，返回 Bearer 令牌',
      body: { type: 'object', additionalProperties: false, required: ['username', 'password'], properties: { username: { type: 'string', minLength: 1, maxLength: 50 }, password: { type: 'string', minLength: 1, maxLength: 200 } } },
    },
  }, async (req, reply) => {
    const user = await findStaffByUsername(app.db, req.body.username);
    if (!user || !(await verifyPassword(req.body.password, user.password_hash))) throw new HttpError(401, '用户名或密码错误', 'UNAUTHORIZED');
    const token = await createSession(app.db, user.id);
    return reply.code(201).send({ token, user: { username: user.username, name: user.display_name, role: user.role, unitId: user.org_unit_id } });
  });

  app.register(async (secured) => {
    secured.addHook('preHandler', app.requireStaff);

    secured.get('/tasks', { schema: { tags: ['staff'], summary: '辖区内待办任务（按办理时限排序）', security: [{ bearer: [] }] } }, async (req) => {
      const tasks = await openTasksInJurisdiction(app.db, jurisdictionOf(req.staff!));
      return { tasks: tasks.map((t) => ({ ...t, complainant_name: maskName(t.complainant_name), mine: t.assignee_role === req.staff!.role })) };
    });

    secured.get<{ Params: { caseNo: string } }>('/cases/:caseNo', { schema: { tags: ['staff'], summary: '案件详情、实时环节与可执行操作', params: caseNoParams, security: [{ bearer: [] }] } },
      async (req) => caseDetail(app.db, app.temporal, req.staff!, req.params.caseNo));

    for (const action of STAFF_ACTIONS) {
      const body = { type: 'object', additionalProperties: false, ...actionBodies[action] };
      secured.post<{ Params: { caseNo: string }; Body: Record<string, unknown> }>(`/cases/:caseNo/actions/${action}`, {
        schema: { tags: ['staff'], summary: `办理操作：${action}`, params: caseNoParams, body, security: [{ bearer: [] }] },
      }, async (req) => {
        await caseForStaff(app.db, req.staff!, req.params.caseNo);
        const cmd = { action, actor: actorOf(req.staff!), payload: req.body } as ActionCommand;
        return { view: await actOnGrievance(app.temporal, req.params.caseNo, cmd) };
      });
    }

    secured.get<{ Params: { caseNo: string } }>('/cases/:caseNo/history', {
      schema: { tags: ['staff'], summary: '案件完整流程记录（Temporal 历史，仅督办人员）', params: caseNoParams, security: [{ bearer: [] }] },
    }, async (req) => {
      assertSupervisor(req.staff!.role);
      await caseForStaff(app.db, req.staff!, req.params.caseNo);
      return { caseNo: req.params.caseNo, events: await caseHistory(app.temporal, req.params.caseNo) };
    });

    secured.get('/sms', { schema: { tags: ['staff'], summary: '短信发件箱（辖区内）', security: [{ bearer: [] }] } }, async (req) => {
      const rows = await smsOutbox(app.db, jurisdictionOf(req.staff!), 200, outboxFilter(req.staff!));
      return { messages: rows.map((m) => ({ ...m, recipient_phone: maskPhone(m.recipient_phone) })) };
    });
  });
};

export default staffRoutes;
