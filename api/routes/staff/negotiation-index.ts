/**
 * The negotiation index's pages (issue 22): the year's scores as a table (city → streets → enterprises, dimensions
 * as columns) beside its chart (a PNG for reports), and the CSV. Editing the tree and entering values are in
 * negotiation-index-edit.ts.
 */
import type { FastifyPluginAsync } from 'fastify';
import { may } from '../../security/access-policy';
import { indexValidationMessage, yearQuery } from '../../schemas/negotiation-index';
import { badRequest } from '../../errors';
import { indexChartPng } from '../../services/negotiation-index/chart';
import { indexCsv } from '../../services/negotiation-index/csv';
import { indexReport, thisYear, type IndexReport } from '../../services/negotiation-index/report';

type YearQuery = { Querystring: { year?: number; street?: string } };
const score = (x: number) => x.toFixed(1);

/** The table's rows in reading order: the city, then each street followed by its enterprises. */
function tableRows(r: IndexReport) {
  const dims = r.tree.dimensions;
  const cells = (total: number, d: Record<string, number>) => ({ total: score(total), dims: dims.map((x) => score(d[x.code] ?? 0)) });
  const rows: Record<string, unknown>[] = [];
  if (r.city) rows.push({ level: 'city', name: r.city.name, count: r.city.enterprises, ...cells(r.city.total, r.city.dimensions) });
  for (const s of r.streets) {
    rows.push({ level: 'street', id: s.id, name: s.name, count: s.enterprises, ...cells(s.total, s.dimensions) });
    for (const e of s.rows) rows.push({ level: 'enterprise', id: e.enterpriseId, name: e.name, valued: `${e.score.valued}/${e.score.leaves}`, ...cells(e.score.total, e.score.dimensions) });
  }
  return rows;
}

const negotiationIndexPages: FastifyPluginAsync = async (app) => {
  const opts = { config: { access: 'negotiationIndex.read' as const }, schema: { querystring: yearQuery, hide: true }, attachValidation: true };
  const yearOf = (req: { validationError?: { validation?: unknown[] }; query: { year?: number } }) => {
    if (req.validationError) throw badRequest(indexValidationMessage((req.validationError.validation ?? []) as never));
    return req.query.year ?? thisYear();
  };

  app.get<YearQuery>('/negotiation-index', opts, async (req, reply) => {
    const year = yearOf(req);
    const r = await indexReport(app.db, req.staff!, year);
    const street = req.query.street && r.streets.some((s) => s.id === req.query.street) ? req.query.street : undefined;
    return reply.view('negotiation-index', {
      title: `${year}年协商指数`, staff: req.staff, year, treeVersion: r.treeVersion, rows: tableRows(r),
      dimensions: r.tree.dimensions.map((d) => ({ name: d.name, weight: d.weight })),
      streets: r.streets.map((s) => ({ id: s.id, name: s.name, selected: s.id === street })),
      chartUrl: `/staff/negotiation-index/chart.png?year=${year}${street ? `&street=${encodeURIComponent(street)}` : ''}`,
      csvUrl: `/staff/negotiation-index/scores.csv?year=${year}`, streetOnly: !r.city,
      canEdit: may(req.staff!.role, 'negotiationIndex.edit'),
    });
  });

  app.get<YearQuery>('/negotiation-index/chart.png', opts, async (req, reply) => {
    const year = yearOf(req);
    const png = await indexChartPng(await indexReport(app.db, req.staff!, year), req.query.street);
    return reply.type('image/png').header('content-disposition', `inline; filename="negotiation-index-${year}.png"`).send(png);
  });

  app.get<YearQuery>('/negotiation-index/scores.csv', opts, async (req, reply) => {
    const year = yearOf(req);
    const csv = indexCsv(await indexReport(app.db, req.staff!, year));
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="negotiation-index-${year}.csv"; filename*=UTF-8''${encodeURIComponent(`${year}年协商指数.csv`)}`)
      .send(csv);
  });
};

export default negotiationIndexPages;
