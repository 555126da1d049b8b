/**
 * The JSON API of the mediation → arbitration kind's own routes (issue 16): open a case (station mediator or
 * arbitration clerk) and a party's confirmation with the texted code. Its commands go through the one action route.
 */
import type { FastifyPluginAsync } from 'fastify';
import { answers } from '../../schemas/responses';
import { caseNoParams } from '../../schemas/grievance';
import { confirmationBody, mediationIntakeBody } from '../../schemas/mediation';
import { confirmByCode } from '../../services/agreement-confirmation';
import { partyCopy } from '../../services/agreement-copy';
import { openMediation, type MediationIntakeRequest } from '../../services/mediation-intake';
import { actorOf } from '../../services/viewer';
import { bearer } from './request-parts';


const mediationRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: MediationIntakeRequest }>('/mediations', {
    config: { access: 'mediation.open' },
    schema: { tags: ['mediation'], summary: '登记调解案件（调解站调解员：到站申请；仲裁院：委托调解，须填委托编号）', body: mediationIntakeBody, security: bearer, response: answers({ 201: { description: '已登记', properties: { caseNo: { type: 'string' } } } }, 401, 403, 422, 503) },
  }, async (req, reply) => reply.code(201).send(await openMediation(app.db, app.temporal, req.body, actorOf(req.staff!))));

  app.post<{ Params: { caseNo: string }; Body: { phone: string; code: string } }>('/mediations/:caseNo/confirmations', {
    config: { access: 'public' },
    preHandler: app.guessLimits.agreementCode,
    schema: { tags: ['mediation'], summary: '当事人凭短信确认码确认调解协议', params: caseNoParams, body: confirmationBody, response: answers({ 200: { description: '已确认', properties: { confirmed: { type: 'boolean' }, already: { type: 'boolean' }, remaining: { type: 'integer' }, party: { type: 'object', additionalProperties: true } } } }, 404, 409, 422, 429, 503) },
  }, async (req) => confirmByCode(app.db, app.temporal, req.params.caseNo, req.body.phone, req.body.code));

  // A party's own copy: only with their code for this case, under the same guess limit as the confirmation.
  app.post<{ Params: { caseNo: string }; Body: { phone: string; code: string } }>('/mediations/:caseNo/agreement-copy', {
    config: { access: 'public' },
    preHandler: app.guessLimits.agreementCode,
    schema: { tags: ['mediation'], summary: '当事人凭短信确认码取得本人的调解协议书（PDF）', params: caseNoParams, body: confirmationBody, response: { ...answers({}, 422, 429, 503), 200: { description: '调解协议书 PDF', type: 'string', format: 'binary' } } },
  }, async (req, reply) => {
    const copy = await partyCopy(app.db, app.temporal, req.params.caseNo, req.body.phone, req.body.code);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(copy.fileName)}`).header('cache-control', 'no-store').send(copy.pdf);
  });
};

export default mediationRoutes;
