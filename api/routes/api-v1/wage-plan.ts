/**
 * The JSON API of the wage-negotiation plan (the city union): read a year's plan, write rows as JSON or as a CSV list
 * (Content-Type text/csv), open a row's round now. A round's commands go through the one action route.
 */
import type { FastifyPluginAsync } from 'fastify';
import { listPlans } from '../../../db/queries/wage-plans';
import { badRequest } from '../../errors';
import { answers } from '../../schemas/responses';
import { DATE, ID, optionalText, text } from '../../../workflows/shared/schema-primitives';
import { planLinesFromCsv } from '../../services/wage-plan-csv';
import { openPlanNow, savePlan } from '../../services/wage-plan';
import { actorOf } from '../../services/viewer';
import { bearer } from './request-parts';

const YEAR = { type: 'integer', minimum: 2000, maximum: 2100 } as const;
const planBody = {
  type: 'object', additionalProperties: false, required: ['year', 'rows'],
  properties: {
    year: YEAR,
    rows: {
      type: 'array', minItems: 1, maxItems: 5000,
      items: { type: 'object', additionalProperties: false, required: ['enterprise', 'plannedStart'], properties: { enterprise: text(100), plannedStart: DATE, note: optionalText(200) } },
    },
  },
} as const;
const saved = { 200: { description: '已保存', properties: { written: { type: 'integer' }, opened: { type: 'array', items: ID } } } };

const wagePlanRoutes: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 1_000_000 }, (_req, body, done) => done(null, body));

  app.get<{ Querystring: { year: number } }>('/wage-plans', {
    config: { access: 'wagePlan.edit' },
    schema: { tags: ['wage-negotiation'], summary: '年度工资集体协商计划（市总工会）', querystring: { type: 'object', required: ['year'], properties: { year: YEAR } }, security: bearer, response: answers({ 200: { description: '计划', properties: { plans: { type: 'array' } } } }, 401, 403) },
  }, async (req) => ({ plans: await listPlans(app.db, { districtId: req.staff!.org_unit_id, year: req.query.year }) }));

  app.put<{ Body: { year: number; rows: { enterprise: string; plannedStart: string; note?: string }[] } }>('/wage-plans', {
    config: { access: 'wagePlan.edit' },
    schema: { tags: ['wage-negotiation'], summary: '保存计划（整份校验，有误则全部不保存；已开启协商的企业不修改）', body: planBody, security: bearer, response: answers(saved, 401, 403, 409, 422) },
  }, async (req) => savePlan(app.db, req.staff!.org_unit_id, req.body.year, req.body.rows, req.staff!.id));

  app.post<{ Querystring: { year: number }; Body: string }>('/wage-plans/csv', {
    config: { access: 'wagePlan.edit' },
    schema: {
      tags: ['wage-negotiation'], summary: '导入CSV计划（企业名称或编号,计划启动日期,备注；UTF-8）', querystring: { type: 'object', required: ['year'], properties: { year: YEAR } },
      consumes: ['text/csv'], security: bearer, response: answers(saved, 401, 403, 409, 422),
    },
  }, async (req) => {
    if (typeof req.body !== 'string' || !req.body.trim()) throw badRequest('请上传CSV内容（Content-Type: text/csv）');
    return savePlan(app.db, req.staff!.org_unit_id, req.query.year, planLinesFromCsv(req.body), req.staff!.id);
  });

  app.post<{ Params: { planId: number } }>('/wage-plans/:planId/open', {
    config: { access: 'wagePlan.edit' },
    schema: { tags: ['wage-negotiation'], summary: '立即开启该企业本年度的协商', params: { type: 'object', required: ['planId'], properties: { planId: { type: 'integer', minimum: 1, maximum: 999_999 } } }, security: bearer, response: answers({ 201: { description: '已开启', properties: { caseNo: { type: 'string' } } } }, 401, 403, 404, 503) },
  }, async (req, reply) => reply.code(201).send(await openPlanNow(app.db, app.temporal, req.staff!.org_unit_id, req.params.planId, actorOf(req.staff!))));
};

export default wagePlanRoutes;
