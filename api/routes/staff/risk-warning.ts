/**
 * The red / yellow / blue early warning's page (DOMAIN §2) for district staff and leaders (a street chair: their
 * street): colours by street and enterprise, the monthly trend as an image with its table beside it, and the open
 * follow-ups, each with a form to record it as done.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { may } from '../../security/access-policy';
import { badRequest } from '../../errors';
import { followUpDoneBody, followUpParams, riskQuery, riskValidationMessage } from '../../schemas/risk-warning';
import { riskTrendPng } from '../../services/risk-warning/chart';
import { markFollowUpDone } from '../../services/risk-warning/done';
import { riskReport, type RiskFilters } from '../../services/risk-warning/report';
import { COLOUR_LABELS, UNIT_TYPE_LABELS } from '../../../workflows/risk-warning/grade';

type Q = { Querystring: RiskFilters & { done?: string } };
const pageQuery = { ...riskQuery, properties: { ...riskQuery.properties, done: { type: 'string', enum: ['1'] } } } as const;

/** A form's "all" option sends an empty value: that is no filter, not a bad one. */
function dropEmpty(req: FastifyRequest, _reply: unknown, done: () => void): void {
  const q = req.query as Record<string, unknown>;
  if (q && typeof q === 'object') for (const k of Object.keys(q)) if (q[k] === '') delete q[k];
  done();
}

function refuseInvalid(req: FastifyRequest): void {
  if (req.validationError) throw badRequest(riskValidationMessage(req.validationError.validation ?? []));
}

const filterUrl = (q: RiskFilters) => new URLSearchParams(Object.entries(q).filter(([k, v]) => k !== 'done' && v !== undefined).map(([k, v]) => [k, String(v)] as [string, string])).toString();

const riskWarningPages: FastifyPluginAsync = async (app) => {
  const opts = { config: { access: 'risk.read' as const }, schema: { querystring: pageQuery, hide: true }, attachValidation: true, preValidation: dropEmpty };

  app.get<Q>('/risk-warning', opts, async (req, reply) => {
    refuseInvalid(req);
    const r = await riskReport(app.db, req.staff!, req.query);
    const canAct = may(req.staff!.role, 'risk.act');
    const qs = filterUrl(req.query);
    return reply.view('risk-warning', {
      title: '风险隐患预警', staff: req.staff, r, done: req.query.done === '1',
      chartUrl: `/staff/risk-warning/chart.png${qs ? `?${qs}` : ''}`,
      colours: Object.entries(COLOUR_LABELS).map(([id, name]) => ({ id, name, selected: id === req.query.colour })),
      types: Object.entries(UNIT_TYPE_LABELS).map(([id, name]) => ({ id, name, selected: id === req.query.type })),
      streets: r.streets.map((s) => ({ ...s, selected: s.id === req.query.street })),
      months: req.query.months ?? 12,
      // a district has hundreds of enterprises without a warning: listed only when asked for (颜色：无)
      units: req.query.colour ? r.units : r.units.filter((u) => u.colour !== 'none'),
      quiet: req.query.colour ? 0 : r.units.filter((u) => u.colour === 'none').length,
      // months down, streets across: a phone scrolls sideways only in a district of many streets
      trendRows: r.months.map((month, i) => ({ month, counts: r.trend.map((t) => t.months[i].complaints) })),
      followUps: r.followUps.map((f) => ({ ...f, canClose: canAct && (req.staff!.role !== 'street_chair' || f.action === 'visit') })),
    });
  });

  app.get<Q>('/risk-warning/chart.png', opts, async (req, reply) => {
    refuseInvalid(req);
    const png = await riskTrendPng(await riskReport(app.db, req.staff!, req.query));
    return reply.type('image/png').header('content-disposition', 'inline; filename="risk-warning-trend.png"').send(png);
  });

  app.post<{ Params: { followupId: string }; Body: { note: string } }>('/risk-warning/follow-ups/:followupId/done', {
    config: { access: 'risk.act' }, schema: { params: followUpParams, body: followUpDoneBody, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    refuseInvalid(req);
    await markFollowUpDone(app.db, app.temporal, req.staff!, req.params.followupId, req.body.note);
    return reply.redirect('/staff/risk-warning?done=1', 303);
  });
};

export default riskWarningPages;
