/**
 * The worker's side of the JSON API. Filing needs a one-time code texted to the phone (so nobody can make the system
 * text a stranger); following a case needs the worker's own token, got from the personal link of the receipt SMS or
 * from a code texted to the phone on file. The case number, alone or with the phone, opens nothing.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { listEnterprises, listStreets } from '../../../db/queries/organisation';
import { forbidden, HttpError } from '../../errors';
import { may } from '../../security/access-policy';
import { answers } from '../../schemas/responses';
import { grievanceNoParams as caseNoParams, grievanceIntakeBody, noteBody, phoneCodeBody, ratingBody, withdrawBody, workerSessionBody } from '../../schemas/grievance';
import { addNoteAsComplainant, ownCase, rateAsComplainant, withdrawAsComplainant } from '../../services/complainant';
import { fileGrievance, type IntakeRequest } from '../../services/grievance-intake';
import { checkPhoneCode, sendPhoneCode } from '../../services/phone-codes';
import { filePublicGrievance } from '../../services/public-filing';
import { workerProgress } from '../../services/worker-progress';
import { actorOf } from '../../services/viewer';
import { caseOfLink, closeWorkerSession, openWorkerSession } from '../../services/worker-sessions';
import { WORKER_TOKEN_PREFIX } from '../../security/tokens';

const worker = { access: 'worker' as const };
const idempotencyKeyOf = (req: FastifyRequest) => {
  const h = req.headers['idempotency-key'];
  return typeof h === 'string' && h.length > 0 ? h : undefined;
};
const bearer = (req: FastifyRequest) => req.headers.authorization?.slice(7).trim();

const publicRoutes: FastifyPluginAsync = async (app) => {
  app.get('/organisation', { config: { access: 'public' }, schema: { tags: ['public'], summary: '街道与企业列表', response: answers({ 200: { description: '街道与企业', properties: { streets: { type: 'array' }, enterprises: { type: 'array' } } } }) } }, async () => ({
    streets: await listStreets(app.db),
    enterprises: await listEnterprises(app.db),
  }));

  app.post<{ Body: { phone: string; purpose: 'file' | 'track'; caseNo?: string } }>('/phone-codes', {
    config: { access: 'public' },
    schema: { tags: ['public'], summary: '发送短信验证码（提交诉求前验证手机号，或凭查询编号打开本人诉求）', body: phoneCodeBody, response: answers({ 202: { description: '已发送（查询用途时：如编号与手机号一致则已发送）', properties: { message: { type: 'string' } } } }, 429, 503) },
  }, async (req, reply) => {
    await sendPhoneCode(app, { ...req.body, client: req.ip });
    return reply.code(202).send({ message: req.body.purpose === 'track' ? '如查询编号与手机号一致，验证码已发送到该手机' : '验证码已发送' });
  });

  app.post<{ Body: IntakeRequest & { phoneCode?: string } }>('/grievances', {
    config: { access: 'public' },
    schema: {
      tags: ['public'], body: grievanceIntakeBody,
      summary: '提交诉求：职工须附短信验证码 phoneCode，成功后返回本人查询令牌 accessToken；工作人员带令牌提交即为代职工登记，无需验证码。同一 idempotencyKey 重复提交返回同一案件',
      headers: { type: 'object', properties: { 'idempotency-key': grievanceIntakeBody.properties.idempotencyKey } },
      response: answers({ 201: { description: '已受理', properties: { caseNo: { type: 'string' }, accessToken: { type: 'string', description: '职工本人的查询令牌（工作人员代登记时没有）' }, message: { type: 'string' } } } }, 403, 422, 429, 503),
    },
  }, async (req, reply) => {
    const { phoneCode, ...body } = req.body;
    const request = { ...body, idempotencyKey: body.idempotencyKey || idempotencyKeyOf(req) };
    if (req.staff) {
      // Staff file on the worker's behalf, and the case history says who did; only roles allowed to (deny by default).
      if (!may(req.staff.role, 'grievance.file')) throw forbidden('您的角色无权代职工登记诉求');
      const { caseNo } = await fileGrievance(app.db, app.temporal, request, actorOf(req.staff));
      return reply.code(201).send({ caseNo, message: `已代职工登记，查询编号 ${caseNo}；职工将收到含专属链接的短信` });
    }
    const filed = await filePublicGrievance(app, request, { code: phoneCode, client: req.ip });
    return reply.code(201).send({ caseNo: filed.caseNo, accessToken: filed.token, message: `诉求已受理，查询编号 ${filed.caseNo}` });
  });

  app.post<{ Body: { link?: string; caseNo?: string; phone?: string; code?: string } }>('/worker-sessions', {
    config: { access: 'public' },
    preHandler: app.guessLimits.workerProof,
    schema: { tags: ['public'], summary: '职工凭专属链接或短信验证码打开本人诉求，返回查询令牌', body: workerSessionBody, response: answers({ 201: { description: '已打开', properties: { accessToken: { type: 'string' }, caseNo: { type: 'string' } } } }, 404, 422, 429) },
  }, async (req, reply) => {
    const existing = bearer(req)?.startsWith(WORKER_TOKEN_PREFIX) ? bearer(req) : undefined;
    let caseNo: string;
    if (req.body.link) {
      const found = await caseOfLink(app.db, req.body.link);
      if (!found) throw new HttpError(404, '链接无效或已失效，请用手机验证码打开', 'NOT_FOUND');
      caseNo = found;
    } else {
      caseNo = req.body.caseNo!;
      await checkPhoneCode(app, { phone: req.body.phone!, purpose: 'track', caseNo, code: req.body.code!, consumer: `track:${caseNo}` });
    }
    const { token } = await openWorkerSession(app.db, caseNo, req.body.link ? 'link' : 'code', existing);
    return reply.code(201).send({ accessToken: token, caseNo });
  });

  app.delete('/worker-sessions/current', { config: worker, schema: { tags: ['public'], summary: '职工退出（令牌作废；不带令牌也答 204，无事可做）', security: [{ bearer: [] }, {}], response: answers({ 204: { description: '已退出' } }) } }, async (req, reply) => {
    const token = bearer(req);
    if (token?.startsWith(WORKER_TOKEN_PREFIX)) await closeWorkerSession(app.db, token);
    return reply.code(204).send();
  });

  app.get<{ Params: { caseNo: string } }>('/grievances/:caseNo/progress', {
    config: worker, schema: { tags: ['public'], summary: '查询办理进度（职工本人令牌）', params: caseNoParams, security: [{ bearer: [] }], response: answers({ 200: { description: '进度', properties: { caseNo: { type: 'string' }, stage: { type: 'string' }, status: { type: 'string' }, timeline: { type: 'array' } } } }, 404, 503) },
  }, async (req) => {
    const row = await ownCase(app.db, req, req.params.caseNo);
    const { view, milestones, current } = await workerProgress(app.db, app.temporal, row.case_no);
    return {
      caseNo: row.case_no, stage: view.stage, status: view.status, outcome: view.outcome, rating: view.rating, archived: view.archived ?? false,
      enterpriseName: row.enterprise_name, category: row.category, filedAt: row.created_at, current, timeline: milestones,
    };
  });

  app.post<{ Params: { caseNo: string }; Body: { score: number; comment?: string } }>('/grievances/:caseNo/rating', {
    config: worker, schema: { tags: ['public'], summary: '职工评价', params: caseNoParams, body: ratingBody, security: [{ bearer: [] }], response: answers({ 200: { description: '已评价', properties: { caseNo: { type: 'string' }, stage: { type: 'string' }, rating: { type: ['integer', 'null'] } } } }, 404, 409, 503) },
  }, async (req) => {
    const { row, view } = await rateAsComplainant(app, req, req.params.caseNo, req.body, idempotencyKeyOf(req));
    return { caseNo: row.case_no, stage: view.stage, rating: view.rating };
  });

  app.post<{ Params: { caseNo: string }; Body: { text: string } }>('/grievances/:caseNo/notes', {
    config: worker, schema: { tags: ['public'], summary: '职工补充说明', params: caseNoParams, body: noteBody, security: [{ bearer: [] }], response: answers({ 202: { description: '已提交', properties: { caseNo: { type: 'string' }, message: { type: 'string' } } } }, 404, 409, 503) },
  }, async (req, reply) => {
    const row = await addNoteAsComplainant(app, req, req.params.caseNo, req.body);
    return reply.code(202).send({ caseNo: row.case_no, message: '补充说明已提交' });
  });

  app.post<{ Params: { caseNo: string }; Body: { reason: string } }>('/grievances/:caseNo/withdrawal', {
    config: worker, schema: { tags: ['public'], summary: '职工撤回诉求', params: caseNoParams, body: withdrawBody, security: [{ bearer: [] }], response: answers({ 200: { description: '已撤回', properties: { caseNo: { type: 'string' }, stage: { type: 'string' }, outcome: { type: ['string', 'null'] } } } }, 404, 409, 503) },
  }, async (req) => {
    const { row, view } = await withdrawAsComplainant(app, req, req.params.caseNo, req.body, idempotencyKeyOf(req));
    return { caseNo: row.case_no, stage: view.stage, outcome: view.outcome };
  });
};

export default publicRoutes;
