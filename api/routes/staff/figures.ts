/**
 * The figures' pages (issues 21 and 23): the supervisors' "four haves" figures and the mediation station's own, each
 * chart an image with its table beside it, and each as CSV. A filter that does not validate is refused (400) in zh-CN.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { badRequest } from '../../errors';
import { figuresQuery, figuresValidationMessage, stationFiguresQuery } from '../../schemas/figures';
import { FIGURE_CHARTS, figurePng, STATION_CHARTS, stationPng, type FigureChart, type StationChart } from '../../services/figures/charts';
import { figuresCsv, STATION_HEAD, stationCells, stationCsv } from '../../services/figures/csv';
import { BY_LABELS, fourHavesReport, type FiguresQuery } from '../../services/figures/four-haves';
import { stationReport, type StationQuery } from '../../services/figures/station';
import { yuan } from '../../../workflows/shared/present/format';

/** A form's "all" option sends an empty value: that is no filter, not a bad one. */
function dropEmpty(req: FastifyRequest, _reply: unknown, done: () => void): void {
  const q = req.query as Record<string, unknown>;
  if (q && typeof q === 'object') for (const k of Object.keys(q)) if (q[k] === '') delete q[k];
  done();
}

const refuseInvalid = (months: boolean) => (req: FastifyRequest) => {
  if (req.validationError) throw badRequest(figuresValidationMessage(req.validationError.validation ?? [], months));
};

const qs = (q: object) => new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'chart' && v !== undefined).map(([k, v]) => [k, String(v)] as [string, string])).toString();
const withChart = { type: 'object', properties: { chart: { type: 'string' } } } as const;
/** a chart's address names the chart: one without it is refused before anything is read or drawn */
const chartQuery = <T extends { properties: object }>(s: T, charts: readonly string[]) =>
  ({ ...s, required: ['chart'], properties: { ...s.properties, chart: { ...withChart.properties.chart, enum: [...charts] } } });

const FIGURE_TITLES: Record<FigureChart, string> = {
  response: '有回应：首次响应用时', steps: '有时限：环节按时办结', escalations: '督办：超时升级', open: '有人管：未办结案件（按已办天数，截至今日）',
  ratings: '有评判：职工评分', money: '调解与法律援助金额',
};

const figurePages: FastifyPluginAsync = async (app) => {
  const four = { config: { access: 'figures.read' as const }, attachValidation: true, preValidation: dropEmpty };
  const station = { config: { access: 'stationFigures.read' as const }, attachValidation: true, preValidation: dropEmpty };
  const checkFour = refuseInvalid(false);
  const checkStation = refuseInvalid(true);

  app.get<{ Querystring: FiguresQuery }>('/figures', { ...four, schema: { querystring: figuresQuery, hide: true } }, async (req, reply) => {
    checkFour(req);
    const r = await fourHavesReport(app.db, req.staff!, req.query);
    const query = qs({ by: r.by, from: r.from, to: r.to, street: r.street ?? undefined });
    return reply.view('figures', {
      title: '“四有”工作数据', staff: req.staff, r, csvUrl: `/staff/figures.csv?${query}`,
      charts: Object.fromEntries(FIGURE_CHARTS.map((c) => [c, { url: `/staff/figures/chart.png?${query}&chart=${c}`, title: FIGURE_TITLES[c] }])),
      byOptions: Object.entries(BY_LABELS).map(([value, label]) => ({ value, label, selected: value === r.by })),
      streetOptions: r.streets.map((s) => ({ value: s.id, label: s.name, selected: s.id === r.street })),
      // a mean of 0 hours is a number, not a blank: the template's #if would take it for none
      rows: [...r.groups, r.total].map((g) => ({
        ...g, agreed: yuan(g.money.agreedFen), recovered: yuan(g.money.recoveredFen), total: g === r.total,
        hoursAvg: g.response.hoursAvg ?? '—', hoursMedian: g.response.hoursMedian ?? '—',
      })),
    });
  });

  app.get<{ Querystring: FiguresQuery & { chart: FigureChart } }>('/figures/chart.png', { ...four, schema: { querystring: chartQuery(figuresQuery, FIGURE_CHARTS), hide: true } }, async (req, reply) => {
    checkFour(req);
    const png = await figurePng(await fourHavesReport(app.db, req.staff!, req.query), req.query.chart);
    return reply.type('image/png').header('content-disposition', `inline; filename="figures-${req.query.chart}.png"`).send(png);
  });

  app.get<{ Querystring: FiguresQuery }>('/figures.csv', { ...four, schema: { querystring: figuresQuery, hide: true } }, async (req, reply) => {
    checkFour(req);
    const r = await fourHavesReport(app.db, req.staff!, req.query);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="figures.csv"; filename*=UTF-8''${encodeURIComponent(`四有工作数据_${r.from}_${r.to}.csv`)}`)
      .send(figuresCsv(r));
  });

  app.get<{ Querystring: StationQuery }>('/station-figures', { ...station, schema: { querystring: stationFiguresQuery, hide: true } }, async (req, reply) => {
    checkStation(req);
    const r = await stationReport(app.db, req.staff!, req.query);
    const query = qs({ from: r.from, to: r.to });
    return reply.view('station-figures', {
      title: '调解工作室工作数据', staff: req.staff, r, head: STATION_HEAD, csvUrl: `/staff/station-figures.csv?${query}`,
      charts: STATION_CHARTS.map((c) => ({ url: `/staff/station-figures/chart.png?${query}&chart=${c}`, counts: c === 'counts' })),
      months: r.months.map((m) => ({ month: m.month, cells: stationCells(m.total), mediators: m.mediators.map((x) => ({ name: x.mediator, cells: stationCells(x) })) })),
      mediators: r.mediators.map((x) => ({ name: x.mediator, cells: stationCells(x) })), total: stationCells(r.total),
    });
  });

  app.get<{ Querystring: StationQuery & { chart: StationChart } }>('/station-figures/chart.png', { ...station, schema: { querystring: chartQuery(stationFiguresQuery, STATION_CHARTS), hide: true } }, async (req, reply) => {
    checkStation(req);
    const png = await stationPng(await stationReport(app.db, req.staff!, req.query), req.query.chart);
    return reply.type('image/png').header('content-disposition', `inline; filename="station-${req.query.chart}.png"`).send(png);
  });

  app.get<{ Querystring: StationQuery }>('/station-figures.csv', { ...station, schema: { querystring: stationFiguresQuery, hide: true } }, async (req, reply) => {
    checkStation(req);
    const r = await stationReport(app.db, req.staff!, req.query);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="station-figures.csv"; filename*=UTF-8''${encodeURIComponent(`调解工作室工作数据_${r.from}_${r.to}.csv`)}`)
      .send(stationCsv(r));
  });
};

export default figurePages;
