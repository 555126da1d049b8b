/** The negotiation index in the JSON API (issue 22): the tree and its edits, the entered values, the year's scores. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { currentTree, enteredValuesOf } from '../../../db/queries/negotiation-index';
import type { NodeEdit } from '../../../workflows/shared/negotiation-index';
import { badRequest } from '../../errors';
import { indexValidationMessage, treeEditBody, valuesBody, valuesParams, yearQuery } from '../../schemas/negotiation-index';
import { answers } from '../../schemas/responses';
import { editTree, enterpriseInArea, enterValues } from '../../services/negotiation-index/changes';
import { indexReport, reportJson, thisYear } from '../../services/negotiation-index/report';

const bearer = [{ bearer: [] }];
const tags = ['negotiation-index'];

/** The index's own words for a request that does not match its schema, before anything is read or written. */
function refuseInvalid(req: FastifyRequest): void {
  if (req.validationError) throw badRequest(indexValidationMessage(req.validationError.validation ?? []));
}

const negotiationIndexRoutes: FastifyPluginAsync = async (app) => {
  app.get('/negotiation-index/tree', {
    config: { access: 'negotiationIndex.read' },
    schema: { tags, summary: '协商指数的指标体系（现行版本）：维度、二级和三级指标及其权重、计分方法和数据来源', security: bearer,
      response: answers({ 200: { description: '指标体系', properties: { version: { type: 'integer' }, savedAt: { type: 'string' }, savedBy: { type: ['string', 'null'] }, tree: { type: 'object', additionalProperties: true } } } }, 401, 403) },
  }, async () => {
    const t = await currentTree(app.db);
    return { version: t.version, savedAt: t.savedAt.toISOString(), savedBy: t.savedBy, tree: t.tree };
  });

  app.put<{ Body: { version: number; note?: string; nodes: NodeEdit[] } }>('/negotiation-index/tree', {
    config: { access: 'negotiationIndex.edit' }, attachValidation: true,
    schema: { tags, summary: '修改指标名称和权重，保存为新版本；每一级权重之和须为1，否则不保存（422）', body: treeEditBody, security: bearer,
      response: answers({ 200: { description: '已保存为新版本（saved 为 false 表示没有变化）', properties: { version: { type: 'integer' }, saved: { type: 'boolean' } } } }, 401, 403, 409, 422) },
  }, async (req) => {
    refuseInvalid(req);
    return editTree(app.db, req.staff!, req.body.version, req.body.nodes, req.body.note ?? '');
  });

  app.get<{ Querystring: { year?: number } }>('/negotiation-index/scores', {
    config: { access: 'negotiationIndex.read' }, attachValidation: true,
    schema: { tags, summary: '某年度的协商指数：全市（街道工会主席为本街道）、各街道和各企业的总分与维度得分', querystring: yearQuery, security: bearer,
      response: answers({ 200: { description: '得分（0–100，保留两位小数）', properties: { year: { type: 'integer' }, treeVersion: { type: 'integer' }, dimensions: { type: 'array' }, city: { type: ['object', 'null'], additionalProperties: true }, streets: { type: 'array' } } } }, 401, 403) },
  }, async (req) => {
    refuseInvalid(req);
    return reportJson(await indexReport(app.db, req.staff!, req.query.year ?? thisYear()));
  });

  app.get<{ Params: { enterpriseId: string; year: number } }>('/negotiation-index/values/:enterpriseId/:year', {
    config: { access: 'negotiationIndex.edit' }, attachValidation: true,
    schema: { tags, summary: '某企业某年度已录入的数据（录入人、录入时间）', params: valuesParams, security: bearer,
      response: answers({ 200: { description: '已录入的数据', properties: { values: { type: 'array' } } } }, 401, 403, 404) },
  }, async (req) => {
    refuseInvalid(req);
    await enterpriseInArea(app.db, req.staff!, req.params.enterpriseId);
    const values = await enteredValuesOf(app.db, req.params.enterpriseId, req.params.year);
    return { values: values.map((v) => ({ ...v, enteredAt: v.enteredAt.toISOString() })) };
  });

  app.put<{ Params: { enterpriseId: string; year: number }; Body: { values: Record<string, number | null> } }>('/negotiation-index/values/:enterpriseId/:year', {
    config: { access: 'negotiationIndex.edit' }, attachValidation: true,
    schema: { tags, summary: '录入某企业某年度的数据（仅限需录入的三级指标，须在其范围内；有一项不符则全部不保存）', params: valuesParams, body: valuesBody, security: bearer,
      response: answers({ 200: { description: '已保存', properties: { enterpriseId: { type: 'string' }, year: { type: 'integer' }, changed: { type: 'integer' } } } }, 401, 403, 404, 422) },
  }, async (req) => {
    refuseInvalid(req);
    return enterValues(app.db, req.staff!, req.params.enterpriseId, req.params.year, req.body.values);
  });
};

export default negotiationIndexRoutes;
