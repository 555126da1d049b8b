import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DOMAIN_ERRORS, type DomainErrorType } from '../../../workflows/shared/domain-error';
import { FormError } from '../../../workflows/shared/present/form-values';
import { FASTIFY_ERRORS, HttpError } from '../../errors';
import { zhValidationMessage } from '../../schemas/zh-validation';
import { OverloadedError } from '../../services/start-gate';

interface Answer { status: number; code: string; message: string; retryAfterSeconds?: number }

/** Every failure becomes a status and a zh-CN message; a 5xx never shows its internals. */
export function classify(err: unknown): Answer {
  if (err instanceof OverloadedError) return { status: 503, code: err.code, message: err.message, retryAfterSeconds: err.retryAfterSeconds };
  if (err instanceof HttpError) return { status: err.statusCode, code: err.code, message: err.message };
  if (err instanceof FormError) return { status: err.statusCode, code: err.code, message: err.message };
  const fe = err as FastifyError;
  if (fe?.validation) return { status: 400, code: 'VALIDATION', message: zhValidationMessage(fe.validation as never) };
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type && err.cause.type in DOMAIN_ERRORS) {
    return { status: DOMAIN_ERRORS[err.cause.type as DomainErrorType], code: err.cause.type, message: err.cause.message };
  }
  // Any other refusal of a command by the case (none is expected): the command did not happen, and saying so beats a 500.
  if (err instanceof WorkflowUpdateFailedError) return { status: 409, code: 'ActionNotAllowed', message: '操作未能完成，请刷新页面后重试' };
  if (err instanceof ApplicationFailure && err.type && err.type in DOMAIN_ERRORS) {
    return { status: DOMAIN_ERRORS[err.type as DomainErrorType], code: err.type, message: err.message };
  }
  if (err instanceof WorkflowNotFoundError) return { status: 404, code: 'NOT_FOUND', message: '案件不存在' };
  const known = fe?.code && Object.hasOwn(FASTIFY_ERRORS, fe.code) ? FASTIFY_ERRORS[fe.code] : undefined;
  if (known) return { status: fe.statusCode ?? 400, ...known };
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return { status: fe.statusCode, code: 'BAD_REQUEST', message: '请求有误' };
  return { status: 500, code: 'INTERNAL', message: '服务器内部错误，请稍后再试' };
}

export function wantsHtml(req: FastifyRequest): boolean {
  return !req.url.startsWith('/api/') && !req.url.startsWith('/codec/');
}

export async function sendError(req: FastifyRequest, reply: FastifyReply, a: Answer) {
  reply.code(a.status);
  if (a.retryAfterSeconds) reply.header('retry-after', String(a.retryAfterSeconds));
  if (wantsHtml(req)) return reply.view('error', { title: '出错了', status: a.status, message: a.message, staff: req.staff });
  return reply.send({ error: a.code, message: a.message });
}

/**
 * For errors Fastify raises before routing (a malformed or overlong URL): no route, no hooks, no view engine for the
 * request, so a self-contained page (the stylesheet is still the app's own).
 */
export function sendBareError(req: FastifyRequest, reply: FastifyReply, a: Answer) {
  reply.code(a.status);
  if (!wantsHtml(req)) return reply.send({ error: a.code, message: a.message });
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>出错了 - 工情码</title><link rel="stylesheet" href="/static/app.css"></head><body><main><div class="card"><h1>出错了（${a.status}）</h1>`
    + `<div class="error" role="alert">${a.message}</div><p><a href="/">返回首页</a></p></div></main></body></html>`;
  return reply.type('text/html; charset=utf-8').send(html);
}

/**
 * In the JSON API a 400 says the request does not match its schema or cannot be read. A request that does, refused by
 * a rule no schema can state (what is stored, who asks, today's date, a checksum), is 422 with the same zh-CN message:
 * the services and the workflows raise such refusals as 400 (the pages keep that), and this is where the API tells
 * them apart. A route with attachValidation raises its own schema refusals: it has req.validationError.
 */
export function refusedByRule(req: FastifyRequest, err: unknown, a: Answer): boolean {
  if (a.status !== 400 || !req.url.startsWith('/api/') || req.validationError) return false;
  return err instanceof HttpError || a.code === 'InvalidPayload';
}

export default fp(async (app) => {
  app.setErrorHandler(async (err, req, reply) => {
    const classified = classify(err);
    const a = refusedByRule(req, err, classified) ? { ...classified, status: 422 } : classified;
    if ((a.status >= 500 && !a.retryAfterSeconds) || (err instanceof WorkflowUpdateFailedError && !(err.cause instanceof ApplicationFailure && err.cause.type && err.cause.type in DOMAIN_ERRORS))) {
      req.log.error({ err }, 'request failed');
    }
    return sendError(req, reply, a);
  });
  // A path that exists for other methods answers 405 with the methods it takes, not 404.
  let patterns: { method: string; re: RegExp }[] | undefined;
  const unrouted = (req: FastifyRequest, reply: FastifyReply) => {
    patterns ??= app.accessTable.map((r) => ({ method: r.method, re: new RegExp(`^${r.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`) }));
    const path = req.url.split('?')[0];
    const allow = [...new Set(patterns.filter((p) => p.re.test(path)).map((p) => p.method))];
    if (allow.length > 0) {
      reply.header('allow', allow.join(', '));
      return sendError(req, reply, { status: 405, code: 'METHOD_NOT_ALLOWED', message: `该地址不支持 ${req.method} 请求` });
    }
    return sendError(req, reply, { status: 404, code: 'NOT_FOUND', message: '页面不存在' });
  };
  // Answered before the body is read: otherwise Fastify refuses a QUERY without a Content-Type (400), and a page's
  // CSRF check refuses a TRACE or PROPFIND (403), before the not-found handler could say which methods the path takes.
  app.addHook('onRequest', async (req, reply) => {
    if (req.is404) return unrouted(req, reply);
  });
  app.setNotFoundHandler(async (req, reply) => unrouted(req, reply));
}, { name: 'error-handler', dependencies: ['views', 'access'] });
