/**
 * The case page's form for the scan of the signed and sealed agreement (POST /staff/cases/:caseNo/signature). The
 * multipart body is read whole in this scope alone, then the form's CSRF token is checked like any page form's.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { csrfAfterBody } from '../../plugins/external/csrf';
import { caseNoParams } from '../../schemas/grievance';
import { recordSignature, SCAN_MAX_BYTES } from '../../services/agreement-signature';
import { signatureFromForm } from '../../services/signature-upload';
import { actorOf } from '../../services/viewer';

const signaturePages: FastifyPluginAsync = async (app) => {
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: SCAN_MAX_BYTES, files: 1, fields: 10, fieldSize: 2000 } });
  app.post<{ Params: { caseNo: string } }>('/cases/:caseNo/signature', {
    config: { access: 'case.act', csrfAfterBody: true }, bodyLimit: SCAN_MAX_BYTES + 64 * 1024, schema: { params: caseNoParams, hide: true },
    // the token is in the multipart body, read by @fastify/multipart's own hook: checked once it is there
    preValidation: csrfAfterBody(app),
  }, async (req, reply) => {
    await recordSignature(app.db, app.temporal, req.params.caseNo, { ...actorOf(req.staff!), userId: req.staff!.id }, signatureFromForm(req.body));
    return reply.redirect(`/staff/cases/${req.params.caseNo}?done=recordSignature`, 303);
  });
};

export default signaturePages;
