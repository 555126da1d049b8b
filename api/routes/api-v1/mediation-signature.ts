/**
 * `POST /api/v1/mediations/:caseNo/signature`: the case's mediator uploads the scan of the agreement signed and
 * sealed on paper (办案规则 Art. 74). Multipart is accepted on this route alone (its own scope), with a size limit.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { answers } from '../../schemas/responses';
import { caseNoParams } from '../../schemas/grievance';
import { recordSignature, SCAN_MAX_BYTES } from '../../services/agreement-signature';
import { viewForStaff } from '../../services/case-detail';
import { readSignatureUpload } from '../../services/signature-upload';
import { actorOf } from '../../services/viewer';
import { bearer } from './request-parts';

const signatureRoutes: FastifyPluginAsync = async (app) => {
  await app.register(multipart, { limits: { fileSize: SCAN_MAX_BYTES, files: 1 } });
  app.post<{ Params: { caseNo: string } }>('/mediations/:caseNo/signature', {
    config: { access: 'case.act' }, bodyLimit: SCAN_MAX_BYTES + 64 * 1024,
    schema: {
      tags: ['mediation'], summary: '登记调解协议已签名盖章：上传扫描件（multipart/form-data：signedOn 签署日期、signers 签名盖章的人、scan 文件，PDF/JPEG/PNG，10MB以内）',
      params: caseNoParams, security: bearer, response: answers({ 200: { description: '已登记', properties: { view: { type: 'object', additionalProperties: true } } } }, 400, 401, 403, 404, 409, 413, 415, 422, 503),
    },
  }, async (req) => {
    const up = await readSignatureUpload(req);
    const view = await recordSignature(app.db, app.temporal, req.params.caseNo, { ...actorOf(req.staff!), userId: req.staff!.id }, up);
    return { view: await viewForStaff(app.db, req.staff!, view) };
  });
};

export default signatureRoutes;
