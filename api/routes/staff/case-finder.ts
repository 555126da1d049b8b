/**
 * The case finder's pages (issue 23): the filtered list in pages, its CSV, and one's own saved filters. A filter that
 * does not validate is refused (400) with the field named, before anything is read.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { deleteFilter, finderArea, saveFilter, savedFiltersOf } from '../../../db/queries/case-finder';
import { CASE_KINDS } from '../../../workflows/kinds';
import { badRequest, notFound } from '../../errors';
import {
  caseListQuery, CATEGORY_VALUES, CSV_ROW_CAP, finderValidationMessage, savedFilterBody, savedFilterParams, STAGE_VALUES,
} from '../../schemas/case-finder';
import { casePage, casesCsv, FILTER_KEYS, type FilterQuery, filterQueryString } from '../../services/case-finder';
import { viewerOf } from '../../services/viewer';
import { reassignSources, reassignTargets } from '../../services/task-reassignment';
import { may } from '../../security/access-policy';
import { staffChoice } from './task-reassignment';
import { labelOf } from '../../../workflows/kinds/labels';

type ListQuery = FilterQuery & { after?: string; limit?: number };
const PAGE_SIZE = 50;

/** A GET form sends its empty fields too ("street="): those are filters not set. */
async function dropEmpty(req: FastifyRequest): Promise<void> {
  const q = req.query as Record<string, unknown> | undefined;
  if (q && typeof q === 'object') for (const [k, v] of Object.entries(q)) if (v === '') delete q[k];
}

function refuseInvalid(req: FastifyRequest): void {
  if (req.validationError) throw badRequest(finderValidationMessage((req.validationError.validation ?? []) as never));
}

/** The choices of the form, each in the registry's words. */
function choices(selected: FilterQuery) {
  const opt = (value: string, label: string, key: keyof FilterQuery) => ({ value, label, selected: String(selected[key] ?? '') === value });
  return {
    kinds: CASE_KINDS.map((k) => opt(k.kind, k.label, 'kind')),
    categories: CATEGORY_VALUES.map((c) => opt(c, labelOf('categories', c), 'category')),
    stages: STAGE_VALUES.map((s) => opt(s, labelOf('stages', s), 'stage')),
    ratings: [1, 2, 3, 4, 5].map((r) => opt(String(r), `${r}分`, 'rating')),
  };
}

const caseFinderPages: FastifyPluginAsync = async (app) => {
  app.addHook('preValidation', dropEmpty);
  const list = { config: { access: 'cases.find' as const }, schema: { querystring: caseListQuery, hide: true }, attachValidation: true };

  app.get<{ Querystring: ListQuery }>('/cases', list, async (req, reply) => {
    refuseInvalid(req);
    const v = viewerOf(req.staff!);
    const { after, limit: _limit, ...filter } = req.query;
    const canReassign = may(req.staff!.role, 'tasks.reassign');
    const [page, area, saved, targets, sources] = await Promise.all([
      casePage(app.db, v, filter, PAGE_SIZE, after), finderArea(app.db, v), savedFiltersOf(app.db, req.staff!.id),
      canReassign ? reassignTargets(app.db, req.staff!) : [], canReassign ? reassignSources(app.db, req.staff!) : [],
    ]);
    const qs = filterQueryString(filter);
    return reply.view('case-finder', {
      title: '查找案件', staff: req.staff, rows: page.rows, filter, qs,
      nextUrl: page.next ? `/staff/cases?${qs ? `${qs}&` : ''}after=${encodeURIComponent(page.next)}` : null,
      firstUrl: after ? `/staff/cases${qs ? `?${qs}` : ''}` : null,
      csvUrl: `/staff/cases.csv${qs ? `?${qs}` : ''}`, csvCap: CSV_ROW_CAP,
      streets: area.streets.map((s) => ({ value: s.id, label: s.name, selected: s.id === filter.street })),
      enterprises: area.enterprises.map((e) => ({ value: e.id, label: e.name, selected: e.id === filter.enterprise })),
      ...choices(filter), overdueYes: filter.overdue === 'yes', overdueNo: filter.overdue === 'no',
      saved: saved.map((s) => ({ ...s, url: `/staff/cases${s.query ? `?${s.query}` : ''}` })),
      reassign: canReassign ? { targets: targets.map(staffChoice), sources: sources.map(staffChoice) } : null,
    });
  });

  app.get<{ Querystring: ListQuery }>('/cases.csv', list, async (req, reply) => {
    refuseInvalid(req);
    const { after: _a, limit: _l, ...filter } = req.query;
    const out = await casesCsv(app.db, viewerOf(req.staff!), filter);
    return reply.type('text/csv; charset=utf-8').header('x-rows', String(out.rows)).header('x-rows-capped', String(out.capped))
      .header('content-disposition', `attachment; filename="cases.csv"; filename*=UTF-8''${encodeURIComponent('案件列表.csv')}`)
      .send(out.csv);
  });

  app.post<{ Body: FilterQuery & { name: string } }>('/case-filters', {
    config: { access: 'cases.find' }, schema: { body: savedFilterBody, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    refuseInvalid(req);
    const { name, ...rest } = req.body;
    const filter = Object.fromEntries(FILTER_KEYS.filter((k) => rest[k] !== undefined).map((k) => [k, rest[k]])) as FilterQuery;
    // the same checks as the list, so a saved filter always opens
    await casePage(app.db, viewerOf(req.staff!), filter, 1);
    const qs = filterQueryString(filter);
    await saveFilter(app.db, req.staff!.id, name.trim(), qs);
    return reply.redirect(`/staff/cases${qs ? `?${qs}` : ''}`, 303);
  });

  app.post<{ Params: { id: number } }>('/case-filters/:id/delete', {
    config: { access: 'cases.find' }, schema: { params: savedFilterParams, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    refuseInvalid(req);
    if (!(await deleteFilter(app.db, req.staff!.id, req.params.id))) throw notFound('筛选条件');
    return reply.redirect('/staff/cases', 303);
  });
};

export default caseFinderPages;
