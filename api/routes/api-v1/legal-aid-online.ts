/**
 * A worker's own application for legal aid through the JSON API (api/services/legal-aid-online.ts): the code comes
 * from POST /api/v1/phone-codes with purpose 'file', as for a grievance; the answer carries the worker's token, which
 * opens the case's progress as the personal link would. The same idempotencyKey (body or Idempotency-Key header) sent
 * again from the same phone is the same case.
 */
import type { FastifyPluginAsync } from 'fastify';
import { answers } from '../../schemas/responses';
import { HttpError } from '../../errors';
import { onlineApplicationBody, onlineValidationMessage, type OnlineApplication } from '../../schemas/legal-aid-online';
import { applyForLegalAidOnline } from '../../services/legal-aid-online';

const KEY = onlineApplicationBody.properties.idempotencyKey;

const legalAidOnlineRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: OnlineApplication & { code: string } }>('/legal-aid/online-applications', {
    config: { access: 'public' },
    // The schema's refusals are said with this form's field names (姓名, 身份证号码, 请求金额), not another form's.
    attachValidation: true,
    schema: {
      tags: ['public', 'legal-aid'], body: onlineApplicationBody,
      summary: '职工在线申请法律援助：须附短信验证码 code（POST /api/v1/phone-codes，purpose 为 file），成功后返回本人查询令牌 accessToken。同一 idempotencyKey 由同一手机重复提交返回同一案件',
      headers: { type: 'object', properties: { 'idempotency-key': KEY } },
      response: answers({ 201: { description: '已受理，由所在区总工会法律援助工作站审查', properties: { caseNo: { type: 'string' }, accessToken: { type: 'string', description: '职工本人的查询令牌' }, message: { type: 'string' } } } }, 422, 429, 503),
    },
  }, async (req, reply) => {
    if (req.validationError) throw new HttpError(400, onlineValidationMessage(req.validationError.validation as never), 'VALIDATION');
    const { code, ...body } = req.body;
    const header = req.headers['idempotency-key'];
    const idempotencyKey = body.idempotencyKey ?? (typeof header === 'string' && header.length > 0 ? header : undefined);
    const filed = await applyForLegalAidOnline(app, { ...body, idempotencyKey }, { code, client: req.ip });
    return reply.code(201).send({ caseNo: filed.caseNo, accessToken: filed.token, message: `法律援助申请已受理，查询编号 ${filed.caseNo}` });
  });
};

export default legalAidOnlineRoutes;
