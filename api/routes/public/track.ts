/**
 * Following one's own case on a phone. The personal link of the receipt SMS opens it directly; without the link, the
 * case number and phone bring a one-time code to that phone, and the code opens it. Either way the browser keeps a
 * session cookie for the case; the case number and phone alone open nothing.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { classify } from '../../plugins/app/error-handler';
import { WORKER_COOKIE } from '../../plugins/app/auth';
import { GRIEVANCE_NO_PATTERN as CASE_NO_PATTERN, grievanceNoParams as caseNoParams, noteBody, PHONE_CODE, PHONE_PATTERN, ratingBody, withdrawBody } from '../../schemas/grievance';
import { zhValidationMessage } from '../../schemas/zh-validation';
import { cookieOptions } from '../../security/cookies';
import { addNoteAsComplainant, ownCase, rateAsComplainant, withdrawAsComplainant } from '../../services/complainant';
import { checkPhoneCode, sendPhoneCode } from '../../services/phone-codes';
import { workerProgress } from '../../services/worker-progress';
import { caseOfLink, closeWorkerSession, openWorkerSession } from '../../services/worker-sessions';
import { maskPhone } from '../../../workflows/shared/present/format';

const PUBLIC = { access: 'public' as const };
const WORKER = { access: 'worker' as const };
const trackBody = { type: 'object', required: ['caseNo', 'phone'], properties: { caseNo: { type: 'string', pattern: CASE_NO_PATTERN }, phone: { type: 'string', pattern: PHONE_PATTERN } } };
const verifyBody = { ...trackBody, required: ['caseNo', 'phone', 'code'], properties: { ...trackBody.properties, code: PHONE_CODE } };
async function renderProgress(req: FastifyRequest, reply: FastifyReply, caseNo: string, { notice, error }: { notice?: string; error?: string } = {}) {
  const row = await ownCase(req.server.db, req, caseNo);
  const { view, milestones, current } = await workerProgress(req.server.db, req.server.temporal, caseNo);
  const open = view.status === 'open' && !view.archived;
  return reply.view('progress', {
    title: '办理进度', case: row, view, notice, error, timeline: milestones, current,
    canWithdraw: open && ['contact', 'verify', 'urge', 'outcome'].includes(view.stage) && view.outcome === null,
    canRate: open && view.stage === 'rating' && view.rating === null, canAddNote: open,
  });
}

/** A refused worker action shows the progress page again with the reason, not a bare error page. */
async function act(req: FastifyRequest, reply: FastifyReply, caseNo: string, run: () => Promise<unknown>, done: string) {
  try {
    await run();
  } catch (err) {
    const a = classify(err);
    if (a.status >= 500 || a.status === 404) throw err;
    return renderProgress(req, reply.code(a.status), caseNo, { error: a.message });
  }
  return renderProgress(req, reply, caseNo, { notice: done });
}

const trackPages: FastifyPluginAsync = async (app) => {
  const openCase = async (reply: FastifyReply, req: FastifyRequest, caseNo: string, via: 'link' | 'code') => {
    const { token, maxAgeSeconds } = await openWorkerSession(app.db, caseNo, via, req.cookies[WORKER_COOKIE]);
    reply.setCookie(WORKER_COOKIE, token, cookieOptions(maxAgeSeconds));
    return reply.redirect(`/track/${caseNo}`, 303);
  };

  app.get<{ Params: { token: string } }>('/t/:token', { config: PUBLIC, preHandler: app.guessLimits.workerProof }, async (req, reply) => {
    const caseNo = await caseOfLink(app.db, req.params.token);
    if (!caseNo) return reply.code(404).view('track-form', { title: '查询进度', error: '链接无效或已失效，请用查询编号和手机验证码打开' });
    return openCase(reply, req, caseNo, 'link');
  });

  app.get<{ Querystring: { caseNo?: string } }>('/track', { config: PUBLIC }, async (req, reply) =>
    reply.view('track-form', { title: '查询进度', caseNo: typeof req.query.caseNo === 'string' ? req.query.caseNo.slice(0, 20) : undefined }));

  // Step 1: number and phone → a code to that phone (the answer is the same whether or not they belong together).
  app.post<{ Body: { caseNo: string; phone: string } }>('/track', { config: PUBLIC, schema: { hide: true, body: trackBody }, attachValidation: true }, async (req, reply) => {
    const retry = (status: number, error: string) => reply.code(status).view('track-form', { title: '查询进度', caseNo: req.body?.caseNo, phone: req.body?.phone, error });
    if (req.validationError) return retry(400, zhValidationMessage(req.validationError.validation as never));
    try {
      await sendPhoneCode(app, { phone: req.body.phone, purpose: 'track', caseNo: req.body.caseNo, client: req.ip });
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500 && a.status !== 503) throw err;
      return retry(a.status, a.message);
    }
    return reply.view('track-code', { title: '输入验证码', caseNo: req.body.caseNo, phone: req.body.phone, masked: maskPhone(req.body.phone) });
  });

  // Step 2: the code opens the case.
  app.post<{ Body: { caseNo: string; phone: string; code: string } }>('/track/verify', {
    config: PUBLIC, preHandler: app.guessLimits.workerProof, schema: { hide: true, body: verifyBody }, attachValidation: true,
  }, async (req, reply) => {
    const again = (status: number, error: string) => reply.code(status).view('track-code', { title: '输入验证码', caseNo: req.body?.caseNo, phone: req.body?.phone, masked: maskPhone(req.body?.phone), error });
    if (req.validationError) return again(400, zhValidationMessage(req.validationError.validation as never));
    try {
      await checkPhoneCode(app, { phone: req.body.phone, purpose: 'track', caseNo: req.body.caseNo, code: req.body.code, consumer: `track:${req.body.caseNo}` });
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return again(a.status, a.message);
    }
    return openCase(reply, req, req.body.caseNo, 'code');
  });

  app.get<{ Params: { caseNo: string } }>('/track/:caseNo', { config: WORKER, schema: { params: caseNoParams, hide: true } }, async (req, reply) => {
    if (!req.workerCases.includes(req.params.caseNo)) return reply.redirect(`/track?caseNo=${req.params.caseNo}`, 303);
    return renderProgress(req, reply, req.params.caseNo);
  });

  app.post<{ Params: { caseNo: string }; Body: { score: number; comment?: string } }>('/track/:caseNo/rate', {
    config: WORKER, schema: { hide: true, params: caseNoParams, body: ratingBody },
  }, async (req, reply) => act(req, reply, req.params.caseNo, () => rateAsComplainant(app, req, req.params.caseNo, req.body, req.formKey), '感谢您的评价！'));

  app.post<{ Params: { caseNo: string }; Body: { text: string } }>('/track/:caseNo/note', {
    config: WORKER, schema: { hide: true, params: caseNoParams, body: noteBody },
  }, async (req, reply) => act(req, reply, req.params.caseNo, () => addNoteAsComplainant(app, req, req.params.caseNo, req.body), '补充说明已提交，社会化工会工作者会看到。'));

  app.post<{ Params: { caseNo: string }; Body: { reason: string } }>('/track/:caseNo/withdraw', {
    config: WORKER, schema: { hide: true, params: caseNoParams, body: withdrawBody },
  }, async (req, reply) => act(req, reply, req.params.caseNo, () => withdrawAsComplainant(app, req, req.params.caseNo, req.body, req.formKey), '诉求已撤回。'));

  app.post('/track/logout', { config: PUBLIC }, async (req, reply) => {
    const token = req.cookies[WORKER_COOKIE];
    if (token) await closeWorkerSession(app.db, token);
    reply.clearCookie(WORKER_COOKIE, cookieOptions());
    return reply.redirect('/', 303);
  });
};

export default trackPages;
