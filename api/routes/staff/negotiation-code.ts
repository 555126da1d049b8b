/**
 * The staff 协商码 page of a wage round (api/services/wage-code/staff.ts): the QR code and the public address it
 * encodes, a printable poster, the PNG to download, and the workers' posts with a "remove" form each (the round's
 * moderatePost through the one staff action route). Readable by whoever may read the round's case page.
 */
import type { FastifyPluginAsync } from 'fastify';
import { caseNoParams } from '../../schemas/grievance';
import { negotiationCodePage, qrPng, roundForStaff } from '../../services/wage-code/staff';

const READ = { access: 'case.read' as const };
type P = { Params: { caseNo: string } };

const negotiationCodePages: FastifyPluginAsync = async (app) => {
  app.get<P>('/cases/:caseNo/negotiation-code', { config: READ, schema: { params: caseNoParams, hide: true } }, async (req, reply) => {
    const page = await negotiationCodePage(app.db, app.temporal, req.staff!, req.params.caseNo);
    return reply.view('negotiation-code', { title: `协商码 ${req.params.caseNo}`, staff: req.staff, ...page });
  });

  app.get<P>('/cases/:caseNo/negotiation-code/poster', { config: READ, schema: { params: caseNoParams, hide: true } }, async (req, reply) => {
    const { detail, round, url } = await roundForStaff(app.db, app.temporal, req.staff!, req.params.caseNo);
    return reply.view('negotiation-poster', { title: `协商码海报 ${req.params.caseNo}`, staff: req.staff, case: detail.case, year: round.year, url });
  });

  // ?download=1 saves the file (for the union's own poster or chat group); without it the page shows the image.
  app.get<P & { Querystring: { download?: string } }>('/cases/:caseNo/negotiation-code/qr.png', { config: READ, schema: { params: caseNoParams, hide: true } }, async (req, reply) => {
    const { round, url } = await roundForStaff(app.db, app.temporal, req.staff!, req.params.caseNo);
    const png = await qrPng(url);
    reply.type('image/png').header('cache-control', 'private, max-age=300');
    if (req.query.download === '1') reply.header('content-disposition', `attachment; filename="negotiation-code-${req.params.caseNo}-${round.year}.png"`);
    return reply.send(png);
  });
};

export default negotiationCodePages;
