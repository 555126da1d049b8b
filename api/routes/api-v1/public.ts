/** The worker's side of the JSON API: file, follow, withdraw, rate. No login: the phone number proves the case. */
import type { FastifyPluginAsync } from 'fastify';
import { caseEvents } from '../../../db/queries/cases';
import { listEnterprises, listStreets } from '../../../db/queries/organisation';
import { caseNoParams, complainantProof, grievanceIntakeBody, noteBody, ratingBody, withdrawBody } from '../../schemas/grievance';
import { grievanceView } from '../../services/grievance-commands';
import { fileGrievance, type IntakeRequest } from '../../services/grievance-intake';
import { actorOf } from '../../services/case-detail';
import { addNoteAsComplainant, proveComplainant, rateAsComplainant, withdrawAsComplainant } from '../../services/complainant';
import { publicTimeline } from '../../services/public-timeline';

const publicRoutes: FastifyPluginAsync = async (app) => {
  app.get('/organisation', { schema: { tags: ['public'], summary: '街道与企业列表' } }, async () => ({
    streets: await listStreets(app.db),
    enterprises: await listEnterprises(app.db),
  }));

  app.post<{ Body: IntakeRequest }>('/grievances', {
    schema: {
      tags: ['public'], summary: '提交诉求（同一 idempotencyKey 重复提交返回同一案件；工作人员带令牌提交即为代职工登记）', body: grievanceIntakeBody,
      headers: { type: 'object', properties: { 'idempotency-key': grievanceIntakeBody.properties.idempotencyKey } },
    },
  }, async (req, reply) => {
    const key = req.body.idempotencyKey || (req.headers['idempotency-key'] as string | undefined) || undefined;
    const body = { ...req.body, idempotencyKey: key };
    // Staff signed in (Bearer token) file on the worker's behalf, and the case history says who did.
    const filedBy = req.staff ? actorOf(req.staff) : { role: 'worker' as const, name: req.body.complainantName };
    const { caseNo } = await fileGrievance(app.db, app.temporal, body, filedBy);
    return reply.code(201).send({ caseNo, message: `诉求已受理，查询编号 ${caseNo}` });
  });

  app.post<{ Params: { caseNo: string }; Body: { phone: string } }>('/grievances/:caseNo/progress', {
    preHandler: app.guessLimits.complainantProof,
    schema: {
      tags: ['public'], summary: '查询办理进度', params: caseNoParams,
      body: { type: 'object', required: ['phone'], properties: complainantProof },
    },
  }, async (req) => {
    const row = await proveComplainant(app.db, req.params.caseNo, req.body.phone);
    const [view, events] = await Promise.all([grievanceView(app.temporal, row.case_no), caseEvents(app.db, row.case_no)]);
    return {
      caseNo: row.case_no, stage: view.stage, status: view.status, outcome: view.outcome, rating: view.rating,
      enterpriseName: row.enterprise_name, category: row.category, filedAt: row.created_at, timeline: publicTimeline(events),
    };
  });

  app.post<{ Params: { caseNo: string }; Body: { phone: string; score: number; comment?: string } }>('/grievances/:caseNo/rating', {
    preHandler: app.guessLimits.complainantProof,
    schema: { tags: ['public'], summary: '职工评价', params: caseNoParams, body: ratingBody },
  }, async (req) => {
    const { row, view } = await rateAsComplainant(app, req.params.caseNo, req.body);
    return { caseNo: row.case_no, stage: view.stage, rating: view.rating };
  });

  app.post<{ Params: { caseNo: string }; Body: { phone: string; text: string } }>('/grievances/:caseNo/notes', {
    preHandler: app.guessLimits.complainantProof,
    schema: { tags: ['public'], summary: '职工补充说明', params: caseNoParams, body: noteBody },
  }, async (req, reply) => {
    const row = await addNoteAsComplainant(app, req.params.caseNo, req.body);
    return reply.code(202).send({ caseNo: row.case_no, message: '补充说明已提交' });
  });

  app.post<{ Params: { caseNo: string }; Body: { phone: string; reason: string } }>('/grievances/:caseNo/withdrawal', {
    preHandler: app.guessLimits.complainantProof,
    schema: { tags: ['public'], summary: '职工撤回诉求', params: caseNoParams, body: withdrawBody },
  }, async (req) => {
    const { row, view } = await withdrawAsComplainant(app, req.params.caseNo, req.body);
    return { caseNo: row.case_no, stage: view.stage, outcome: view.outcome };
  });
};

export default publicRoutes;
