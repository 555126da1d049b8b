/** Finding cases in the JSON API (issue 23): the filtered list in keyset pages, and one's own saved filters. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { deleteFilter, saveFilter, savedFiltersOf } from '../../../db/queries/case-finder';
import { badRequest, notFound } from '../../errors';
import { caseListQuery, finderValidationMessage, savedFilterBody, savedFilterParams } from '../../schemas/case-finder';
import { answers } from '../../schemas/responses';
import { casePage, FILTER_KEYS, type FilterQuery, filterQueryString } from '../../services/case-finder';
import { viewerOf } from '../../services/viewer';

const bearer = [{ bearer: [] }];
const tags = ['case-finder'];

function refuseInvalid(req: FastifyRequest): void {
  if (req.validationError) throw badRequest(finderValidationMessage(req.validationError.validation ?? []));
}

const filterOf = (q: Record<string, unknown>) =>
  Object.fromEntries(FILTER_KEYS.filter((k) => q[k] !== undefined).map((k) => [k, q[k]])) as FilterQuery;

const caseFinderRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: FilterQuery & { after?: string; limit?: number } }>('/cases', {
    config: { access: 'cases.find' }, attachValidation: true,
    schema: {
      tags, summary: '查找案件（各类型）：按街道、企业、类型、类别、环节、是否超时、登记日期和评分筛选，按登记时间从新到旧分页', querystring: caseListQuery, security: bearer,
      response: answers({ 200: { description: '一页案件；next 为下一页的 after（没有更多时为 null）', properties: { cases: { type: 'array' }, next: { type: ['string', 'null'] } } } }, 401, 403, 422),
    },
  }, async (req) => {
    refuseInvalid(req);
    const page = await casePage(app.db, viewerOf(req.staff!), filterOf(req.query), req.query.limit ?? 50, req.query.after);
    return { cases: page.rows, next: page.next };
  });

  app.get('/case-filters', {
    config: { access: 'cases.find' },
    schema: { tags, summary: '本人保存的筛选条件', security: bearer, response: answers({ 200: { description: '筛选条件', properties: { filters: { type: 'array' } } } }, 401, 403) },
  }, async (req) => ({ filters: (await savedFiltersOf(app.db, req.staff!.id)).map((f) => ({ id: f.id, name: f.name, query: f.query })) }));

  app.post<{ Body: FilterQuery & { name: string } }>('/case-filters', {
    config: { access: 'cases.find' }, attachValidation: true,
    schema: {
      tags, summary: '把筛选条件保存在一个名称下（同名则替换）', body: savedFilterBody, security: bearer,
      response: answers({ 201: { description: '已保存', properties: { id: { type: 'integer' }, name: { type: 'string' }, query: { type: 'string' } } } }, 401, 403, 422),
    },
  }, async (req, reply) => {
    refuseInvalid(req);
    const filter = filterOf(req.body);
    // the list's own checks (a street of one's area, real dates), so a saved filter always opens
    await casePage(app.db, viewerOf(req.staff!), filter, 1);
    return reply.code(201).send(await saveFilter(app.db, req.staff!.id, req.body.name.trim(), filterQueryString(filter)));
  });

  app.delete<{ Params: { id: number } }>('/case-filters/:id', {
    config: { access: 'cases.find' }, attachValidation: true,
    schema: { tags, summary: '删除本人保存的筛选条件', params: savedFilterParams, security: bearer, response: answers({ 204: { description: '已删除' } }, 401, 403, 404) },
  }, async (req, reply) => {
    refuseInvalid(req);
    if (!(await deleteFilter(app.db, req.staff!.id, req.params.id))) throw notFound('筛选条件');
    return reply.code(204).send();
  });
};

export default caseFinderRoutes;
