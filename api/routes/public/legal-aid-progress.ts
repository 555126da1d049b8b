/**
 * A legal-aid worker follows their case on a phone: the case number (LA…) and one of the case's workers' phones bring
 * a one-time code to that phone; the code opens the case (the same worker session as the grievance's tracking). The
 * answer to number and phone is the same whether or not they belong together. At the end the worker rates the case.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { classify } from '../../plugins/app/error-handler';
import { WORKER_COOKIE } from '../../plugins/app/auth';
import { PHONE_CODE, PHONE_PATTERN } from '../../schemas/grievance';
import { cookieOptions } from '../../security/cookies';
import { sendLegalAidCode } from '../../services/legal-aid-phone-codes';
import { legalAidProgress, ownLegalAidCase, rateLegalAid } from '../../services/legal-aid-progress';
import { checkPhoneCode } from '../../services/phone-codes';
import { openWorkerSession } from '../../services/worker-sessions';
import { maskPhone } from '../../../workflows/shared/present/format';

const PUBLIC = { access: 'public' as const };
const WORKER = { access: 'worker' as const };
const LA_NO = '^LA[0-9A-Z]{10}$';
const params = { type: 'object', required: ['caseNo'], properties: { caseNo: { type: 'string', pattern: LA_NO } } } as const;
const PAIR_ERROR = '请填写LA开头的12位查询编号和11位手机号';
const trackBody = { type: 'object', required: ['caseNo', 'phone'], properties: { caseNo: { type: 'string', pattern: LA_NO }, phone: { type: 'string', pattern: PHONE_PATTERN } } };
const verifyBody = { ...trackBody, required: ['caseNo', 'phone', 'code'], properties: { ...trackBody.properties, code: PHONE_CODE } };
const rateBody = { type: 'object', required: ['rating'], properties: { rating: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string', maxLength: 500 } } } as const;

type Pair = { caseNo?: string; phone?: string; code?: string };

async function renderProgress(req: FastifyRequest, reply: FastifyReply, caseNo: string, { notice, error }: { notice?: string; error?: string } = {}) {
  const row = await ownLegalAidCase(req.server.db, req, caseNo);
  const progress = await legalAidProgress(req.server.db, req.server.temporal, caseNo);
  return reply.view('legal-aid-progress', { title: '法律援助办理进度', case: row, ...progress, notice, error });
}

const legalAidProgressPages: FastifyPluginAsync = async (app) => {
  const form = (reply: FastifyReply, v: Pair = {}, error?: string) =>
    reply.view('legal-aid-track-form', { title: '法律援助进度查询', caseNo: v.caseNo, phone: v.phone, error });
  const codePage = (reply: FastifyReply, v: Pair, error?: string) =>
    reply.view('legal-aid-track-code', { title: '输入验证码', caseNo: v.caseNo, phone: v.phone, masked: maskPhone(v.phone), error });

  app.get<{ Querystring: { caseNo?: string } }>('/legal-aid/track', { config: PUBLIC }, async (req, reply) =>
    form(reply, { caseNo: typeof req.query.caseNo === 'string' ? req.query.caseNo.slice(0, 20) : undefined }));

  // Step 1: number and phone → a code to that phone, if it is one of the case's workers'; the page says the same anyway.
  app.post<{ Body: Pair }>('/legal-aid/track', { config: PUBLIC, schema: { hide: true, body: trackBody }, attachValidation: true }, async (req, reply) => {
    if (req.validationError) return form(reply.code(400), req.body ?? {}, PAIR_ERROR);
    try {
      await sendLegalAidCode(app, { caseNo: req.body.caseNo!, phone: req.body.phone!, client: req.ip });
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500 && a.status !== 503) throw err;
      return form(reply.code(a.status), req.body, a.message);
    }
    return codePage(reply, req.body);
  });

  // Step 2: the code opens the case for this browser.
  app.post<{ Body: Pair }>('/legal-aid/track/verify', {
    config: PUBLIC, preHandler: app.guessLimits.workerProof, schema: { hide: true, body: verifyBody }, attachValidation: true,
  }, async (req, reply) => {
    if (req.validationError) return codePage(reply.code(400), req.body ?? {}, '请填写短信中的6位验证码');
    const { caseNo, phone, code } = req.body as Required<Pair>;
    try {
      await checkPhoneCode(app, { phone, purpose: 'track', caseNo, code, consumer: `track:${caseNo}` });
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return codePage(reply.code(a.status), req.body, a.message);
    }
    const { token, maxAgeSeconds } = await openWorkerSession(app.db, caseNo, 'code', req.cookies[WORKER_COOKIE]);
    reply.setCookie(WORKER_COOKIE, token, cookieOptions(maxAgeSeconds));
    return reply.redirect(`/legal-aid/track/${caseNo}`, 303);
  });

  app.get<{ Params: { caseNo: string } }>('/legal-aid/track/:caseNo', { config: WORKER, schema: { params, hide: true } }, async (req, reply) => {
    if (!req.workerCases.includes(req.params.caseNo)) return reply.redirect(`/legal-aid/track?caseNo=${req.params.caseNo}`, 303);
    return renderProgress(req, reply, req.params.caseNo);
  });

  app.post<{ Params: { caseNo: string }; Body: { rating: number; comment?: string } }>('/legal-aid/track/:caseNo/rate', {
    config: WORKER, schema: { hide: true, params, body: rateBody },
  }, async (req, reply) => {
    const { caseNo } = req.params;
    try {
      await rateLegalAid(app, req, caseNo, req.body, req.formKey);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500 || a.status === 404) throw err;
      return renderProgress(req, reply.code(a.status), caseNo, { error: a.message });
    }
    return renderProgress(req, reply, caseNo, { notice: '感谢您的评价！' });
  });
};

export default legalAidProgressPages;
