/**
 * The 协商码 in the JSON API (api/services/wage-code): the round by its public code, a one-time code texted to a
 * worker's phone, and the worker's post with that code. The same idempotencyKey (body or Idempotency-Key header)
 * sent again from the same phone is the same post.
 */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../errors';
import { answers } from '../../schemas/responses';
import { postCodeBody, publicRoundProperties, roundCodeParams, wagePostBody, wagePostValidationMessage, type WagePostBody } from '../../schemas/wage-code';
import { postToRound, requestPostCode } from '../../services/wage-code/posting';
import { publicRound } from '../../services/wage-code/round';

const TAGS = ['public', 'wage-negotiation'];
type Code = { code: string };

const negotiationRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Code }>('/negotiation-rounds/:code', {
    config: { access: 'public' },
    schema: {
      tags: TAGS, summary: '协商码：本企业本年度工资集体协商的进展、双方方案、已公布的合同、建议数和职工留言（手机号已隐藏）', params: roundCodeParams,
      response: answers({ 200: { description: '协商进展', properties: publicRoundProperties } }, 404),
    },
  }, async (req) => publicRound(app.db, req.params.code));

  app.post<{ Params: Code; Body: { phone: string } }>('/negotiation-rounds/:code/phone-codes', {
    config: { access: 'public' },
    schema: {
      tags: TAGS, summary: '向职工手机发送留言用的短信验证码（每条留言使用一个验证码）', params: roundCodeParams, body: postCodeBody,
      response: answers({ 202: { description: '已发送', properties: { message: { type: 'string' } } } }, 404, 409, 429, 503),
    },
  }, async (req, reply) => {
    await requestPostCode(app, { code: req.params.code, phone: req.body.phone, client: req.ip });
    return reply.code(202).send({ message: '验证码已发送' });
  });

  app.post<{ Params: Code; Body: WagePostBody }>('/negotiation-rounds/:code/posts', {
    config: { access: 'public' },
    preHandler: app.guessLimits.wagePost,
    attachValidation: true,
    schema: {
      tags: TAGS, params: roundCodeParams, body: wagePostBody,
      summary: '职工发表建议或评论：须附短信验证码 phoneCode；协商结束后不再接受留言。同一 idempotencyKey 由同一手机重复提交只发布一次',
      headers: { type: 'object', properties: { 'idempotency-key': wagePostBody.properties.idempotencyKey } },
      response: answers({ 201: { description: '已发布', properties: { message: { type: 'string' }, suggestions: { type: 'integer' }, comments: { type: 'integer' } } } }, 404, 409, 422, 429, 503),
    },
  }, async (req, reply) => {
    if (req.validationError) throw new HttpError(400, wagePostValidationMessage(req.validationError.validation as never), 'VALIDATION');
    const header = req.headers['idempotency-key'];
    const key = req.body.idempotencyKey ?? (typeof header === 'string' && /^[A-Za-z0-9_-]{8,80}$/.test(header) ? header : undefined);
    await postToRound(app, { code: req.params.code, ...req.body, key });
    const round = await publicRound(app.db, req.params.code);
    return reply.code(201).send({ message: '留言已发布', suggestions: round.suggestions, comments: round.comments });
  });
};

export default negotiationRoutes;
