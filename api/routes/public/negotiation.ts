/**
 * The 协商码 page, where the QR code the enterprise union posts leads (api/services/wage-code): workers read where
 * their wage round stands, the offers and the published agreement, and post a suggestion or a comment after a code
 * texted to their phone. One form without JavaScript: "获取验证码" submits the whole form (formaction), so what was
 * typed comes back with the notice; a refusal shows it again with the zh-CN reason; a post lands on the page (303).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { maskPhone } from '../../../workflows/shared/present/format';
import { classify } from '../../plugins/app/error-handler';
import { postToRound, requestPostCode } from '../../services/wage-code/posting';
import { publicRound } from '../../services/wage-code/round';

const PUBLIC = { access: 'public' as const };
const params = { type: 'object', required: ['code'], properties: { code: { type: 'string', maxLength: 64 } } } as const;
/** Every field arrives as text, once; what each must hold is said in zh-CN by the service. */
const postForm = { type: 'object', properties: { phone: { type: 'string' }, phoneCode: { type: 'string' }, kind: { type: 'string' }, text: { type: 'string' } } } as const;

type Form = { phone?: string; phoneCode?: string; kind?: string; text?: string };
type Req = FastifyRequest<{ Params: { code: string }; Body: Form }>;

async function render(req: Req, reply: FastifyReply, values: Form = {}, { error, notice }: { error?: string; notice?: string } = {}) {
  const round = await publicRound(req.server.db, req.params.code);
  const { phoneCode: _typedCode, ...kept } = values;
  return reply.view('negotiation', {
    title: `${round.enterpriseName}工资集体协商`, code: req.params.code, round, error, notice,
    values: { kind: 'suggestion', ...kept }, formKey: req.formKey ?? randomUUID(),
  });
}

/** What was typed, as text only (a field sent twice is refused by the schema, and said so). */
const typedOf = (req: Req): Form => {
  const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
  return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Form;
};

/** Runs a step; a refusal (4xx, or an SMS gateway that is down) shows the form again with what was typed. */
async function attempt(req: Req, reply: FastifyReply, step: () => Promise<unknown>): Promise<true | FastifyReply> {
  try {
    await step();
    return true;
  } catch (err) {
    const a = classify(err);
    if (a.status === 404 || (a.status >= 500 && a.status !== 503)) throw err;
    return render(req, reply.code(a.status), typedOf(req), { error: a.message });
  }
}

const negotiationPages: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { code: string }; Querystring: { posted?: string } }>('/negotiation/:code', { config: PUBLIC, schema: { params, hide: true } },
    async (req, reply) => render(req as unknown as Req, reply, {}, req.query.posted === '1' ? { notice: '留言已发布，感谢您的参与！' } : {}));

  app.post<{ Params: { code: string }; Body: Form }>('/negotiation/:code/phone-code', {
    config: PUBLIC, schema: { params, body: postForm, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    if (req.validationError) return render(req, reply.code(400), typedOf(req), { error: '每项只能填写一次，请检查后重新提交' });
    const phone = typedOf(req).phone ?? '';
    const done = await attempt(req, reply, () => requestPostCode(app, { code: req.params.code, phone, client: req.ip }));
    if (done !== true) return done;
    return render(req, reply, typedOf(req), { notice: `验证码已发送至 ${maskPhone(phone)}，请填写短信中的6位数字后发布` });
  });

  app.post<{ Params: { code: string }; Body: Form }>('/negotiation/:code/posts', {
    config: PUBLIC, preHandler: app.guessLimits.wagePost, schema: { params, body: postForm, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    if (req.validationError) return render(req, reply.code(400), typedOf(req), { error: '每项只能填写一次，请检查后重新提交' });
    const f = typedOf(req);
    const done = await attempt(req, reply, () => postToRound(app, {
      code: req.params.code, phone: f.phone ?? '', phoneCode: f.phoneCode, kind: f.kind as never, text: f.text ?? '', key: req.formKey,
    }));
    if (done !== true) return done;
    return reply.redirect(`/negotiation/${encodeURIComponent(req.params.code)}?posted=1#posts`, 303);
  });
};

export default negotiationPages;
