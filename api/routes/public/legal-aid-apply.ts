/**
 * A worker applies for legal aid from a phone (api/services/legal-aid-online.ts): the form, "获取验证码" (which submits
 * the whole form, so nothing typed is lost on a phone without JavaScript), and the application itself, after which the
 * phone is signed in to the new case and lands on its progress page. A refusal shows the form again with what was
 * typed (but the code) and the zh-CN reason.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { listStreets } from '../../../db/queries/organisation';
import { maskPhone } from '../../../workflows/shared/present/format';
import { classify } from '../../plugins/app/error-handler';
import { WORKER_COOKIE } from '../../plugins/app/auth';
import { cookieOptions } from '../../security/cookies';
import { APPLY_FIELDS, applicationOf, type ApplyForm } from '../../services/legal-aid-online-form';
import { applyForLegalAidOnline } from '../../services/legal-aid-online';
import { sendPhoneCode } from '../../services/phone-codes';

const PUBLIC = { access: 'public' as const };
/** Every field arrives as text, once; what each must hold is said in zh-CN by the form's reader. */
const applyForm = { type: 'object', properties: Object.fromEntries(APPLY_FIELDS.map((f) => [f, { type: 'string' }])) } as const;
const DISPUTES = ['拖欠工资', '拖欠加班费', '工伤待遇', '解除劳动合同经济补偿', '未签书面劳动合同二倍工资', '确认劳动关系', '社会保险'];

const legalAidApplyPages: FastifyPluginAsync = async (app) => {
  const render = async (reply: FastifyReply, values: ApplyForm = {}, { error, notice }: { error?: string; notice?: string } = {}) => {
    const streets = (await listStreets(app.db)).filter((s) => s.parent_id !== null);
    const { code: _typedCode, ...kept } = values;
    return reply.view('legal-aid-apply', { title: '申请法律援助', error, notice, streets, disputes: DISPUTES, values: { idempotencyKey: randomUUID(), ...kept } });
  };
  /** what was typed, as text only (a field sent twice is dropped, and said so by the schema's refusal) */
  const typedOf = (req: FastifyRequest): ApplyForm => {
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
    return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as ApplyForm;
  };

  app.get('/legal-aid/apply', { config: PUBLIC }, async (_req, reply) => render(reply));

  app.post('/legal-aid/apply/code', { config: PUBLIC, schema: { body: applyForm, hide: true }, attachValidation: true }, async (req, reply) => {
    const typed = typedOf(req);
    if (req.validationError) return render(reply.code(400), typed, { error: '每项只能填写一次，请检查后重新提交' });
    const phone = typed.phone ?? '';
    if (!/^1[3-9][0-9]{9}$/.test(phone)) return render(reply.code(400), typed, { error: '请先填写正确的11位手机号码，再获取验证码' });
    try {
      await sendPhoneCode(app, { phone, purpose: 'file', client: req.ip });
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500 && a.status !== 503) throw err;
      return render(reply.code(a.status), typed, { error: a.message });
    }
    return render(reply, typed, { notice: `验证码已发送至 ${maskPhone(phone)}，请填写完其余内容和短信中的6位验证码后提交` });
  });

  app.post('/legal-aid/apply', { config: PUBLIC, schema: { body: applyForm, hide: true }, attachValidation: true }, async (req, reply) => {
    const typed = typedOf(req);
    if (req.validationError) return render(reply.code(400), typed, { error: '每项只能填写一次，请检查后重新提交' });
    try {
      const { code, ...application } = applicationOf(typed);
      const filed = await applyForLegalAidOnline(app, application, { code, client: req.ip, existingToken: req.cookies[WORKER_COOKIE] });
      reply.setCookie(WORKER_COOKIE, filed.token, cookieOptions(filed.maxAgeSeconds));
      return reply.redirect(`/legal-aid/track/${filed.caseNo}`, 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return render(reply.code(a.status), typed, { error: a.message });
    }
  });
};

export default legalAidApplyPages;
