/**
 * The JSON API of the mediation → arbitration kind (issue 16): open a case (station mediator or arbitration clerk),
 * its commands, a party's confirmation with the texted code, and the documents addressed to a clerk's institution.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { answers } from '../../schemas/responses';
import { caseNoParams } from '../../schemas/grievance';
import { confirmationBody, documentParams, mediationActionBodies, mediationIntakeBody, MEDIATION_STAFF_ACTIONS } from '../../schemas/mediation';
import { confirmByCode } from '../../services/agreement-confirmation';
import { confirmReceipt, documentForStaff, sendDocument, inboxDocuments } from '../../services/case-documents';
import { viewForStaff } from '../../services/case-detail';
import { actOnCase } from '../../services/cases';
import { openMediation, type MediationIntakeRequest } from '../../services/mediation-intake';
import { actorOf } from '../../services/viewer';

const bearer = [{ bearer: [] }];
const idempotencyKeyOf = (req: FastifyRequest) => {
  const h = req.headers['idempotency-key'];
  return typeof h === 'string' && h.length > 0 ? h : undefined;
};
const view = { view: { type: 'object', additionalProperties: true } };

const mediationRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: MediationIntakeRequest }>('/mediations', {
    config: { access: 'mediation.open' },
    schema: { tags: ['mediation'], summary: '登记调解案件（调解站调解员：到站申请；仲裁院：委托调解，须填委托编号）', body: mediationIntakeBody, security: bearer, response: answers({ 201: { description: '已登记', properties: { caseNo: { type: 'string' } } } }, 401, 403, 422, 503) },
  }, async (req, reply) => reply.code(201).send(await openMediation(app.db, app.temporal, req.body, actorOf(req.staff!))));

  for (const action of MEDIATION_STAFF_ACTIONS) {
    const body = { type: 'object', additionalProperties: false, ...mediationActionBodies[action] };
    app.post<{ Params: { caseNo: string }; Body: Record<string, unknown> }>(`/cases/:caseNo/actions/${action}`, {
      config: { access: 'case.act' },
      schema: { tags: ['mediation'], summary: `调解案件办理操作：${action}（带 Idempotency-Key 重复提交只办理一次）`, params: caseNoParams, body, security: bearer, response: answers({ 200: { description: '办理后的案件实时状态', properties: view } }, 400, 401, 403, 404, 409, 503) },
    }, async (req) => ({ view: viewForStaff(req.staff!, await actOnCase(app.temporal, req.params.caseNo, { action, actor: actorOf(req.staff!), payload: req.body }, idempotencyKeyOf(req))) }));
  }

  app.post<{ Params: { caseNo: string }; Body: { phone: string; code: string } }>('/mediations/:caseNo/confirmations', {
    config: { access: 'public' },
    preHandler: app.guessLimits.agreementCode,
    schema: { tags: ['mediation'], summary: '当事人凭短信确认码确认调解协议', params: caseNoParams, body: confirmationBody, response: answers({ 200: { description: '已确认', properties: { confirmed: { type: 'boolean' }, already: { type: 'boolean' }, remaining: { type: 'integer' }, party: { type: 'object', additionalProperties: true } } } }, 404, 409, 422, 429, 503) },
  }, async (req) => confirmByCode(app.db, app.temporal, req.params.caseNo, req.body.phone, req.body.code));

  app.get('/documents', {
    config: { access: 'documents' },
    schema: { tags: ['documents'], summary: '送达本单位的文书（仲裁院、法院、检察院）', security: bearer, response: answers({ 200: { description: '文书', properties: { documents: { type: 'array' } } } }, 401, 403) },
  }, async (req) => ({ documents: await inboxDocuments(app.db, req.staff!) }));

  app.get<{ Params: { id: string } }>('/documents/:id', {
    config: { access: 'case.read' },
    schema: { tags: ['documents'], summary: '下载文书（PDF；X-Content-SHA256 为存档哈希）', params: documentParams, security: bearer, response: answers({ 200: { description: 'PDF 文件' } }, 401, 403, 404) },
  }, async (req, reply) => {
    return sendDocument(reply, await documentForStaff(app.db, req.staff!, Number(req.params.id)));
  });

  app.post<{ Params: { id: string } }>('/documents/:id/receipt', {
    config: { access: 'documents' },
    schema: { tags: ['documents'], summary: '确认收到文书（记入案件，记录确认人）', params: documentParams, security: bearer, response: answers({ 200: { description: '已确认', properties: view } }, 401, 403, 404, 409, 422, 503) },
  }, async (req) => ({ view: viewForStaff(req.staff!, await confirmReceipt(app.db, app.temporal, req.staff!, Number(req.params.id), idempotencyKeyOf(req))) }));
};

export default mediationRoutes;
