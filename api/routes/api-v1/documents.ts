/**
 * Documents addressed to an institution (arbitration institute, court, procuratorate) or to one person (a legal-aid
 * lawyer), for any kind: list, download, receipt.
 */
import type { FastifyPluginAsync } from 'fastify';
import { documentParams } from '../../schemas/documents';
import { answers } from '../../schemas/responses';
import { confirmReceipt, documentForStaff, inboxDocuments, sendDocument } from '../../services/case-documents';
import { viewForStaff } from '../../services/case-detail';
import { bearer, idempotencyKeyOf, liveView } from './request-parts';

const documentRoutes: FastifyPluginAsync = async (app) => {
  app.get('/documents', {
    config: { access: 'documents' },
    schema: { tags: ['documents'], summary: '送达本单位的文书（仲裁院、法院、检察院），或送达本人的文书（法律援助律师）', security: bearer, response: answers({ 200: { description: '文书', properties: { documents: { type: 'array' } } } }, 401, 403) },
  }, async (req) => ({ documents: await inboxDocuments(app.db, req.staff!) }));

  app.get<{ Params: { id: string } }>('/documents/:id', {
    config: { access: 'case.read' },
    schema: { tags: ['documents'], summary: '下载文书（PDF；X-Content-SHA256 为存档哈希）', params: documentParams, security: bearer, response: answers({ 200: { description: 'PDF 文件' } }, 401, 403, 404) },
  }, async (req, reply) => {
    return sendDocument(reply, await documentForStaff(app.db, req.staff!, Number(req.params.id)));
  });

  app.post<{ Params: { id: string } }>('/documents/:id/receipt', {
    config: { access: 'documents' },
    schema: { tags: ['documents'], summary: '确认收到文书（记入案件，记录确认人）', params: documentParams, security: bearer, response: answers({ 200: { description: '已确认', properties: liveView } }, 401, 403, 404, 409, 422, 503) },
  }, async (req) => ({ view: await viewForStaff(app.db, req.staff!, await confirmReceipt(app.db, app.temporal, req.staff!, Number(req.params.id), idempotencyKeyOf(req))) }));
};

export default documentRoutes;
