/**
 * The worker's phone pages behind the union's QR code: law first, then file (after a code texted to the phone), and
 * follow, add to, withdraw and rate their own case, opened by the personal link of the receipt SMS or a texted code.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { listEnterprises, listStreets } from '../../../db/queries/organisation';
import { CATEGORY_LABELS, type Category } from '../../../workflows/kinds/grievance/model';
import { classify } from '../../plugins/app/error-handler';
import { WORKER_COOKIE } from '../../plugins/app/auth';
import { grievanceIntakeForm, grievanceNoParams as caseNoParams } from '../../schemas/grievance';
import { zhValidationMessage } from '../../schemas/zh-validation';
import { cookieOptions } from '../../security/cookies';
import { fileGrievance } from '../../services/grievance-intake';
import { sendPhoneCode } from '../../services/phone-codes';
import { filePublicGrievance } from '../../services/public-filing';
import { actorOf } from '../../services/viewer';
import { maskPhone } from '../../../workflows/shared/present/format';
import { KIND_ROUTES } from '../../kind-routes';
import { blankToUndefined, yuanToFen } from '../../../workflows/shared/present/form-values';
import { normalizeFormBody } from './normalize';
import trackPages from './track';
import libraryPages from './library';
import { checkFirstForm, DESCRIPTION_MAX } from '../../schemas/library';
import { topicsWithCounts } from '../../services/library/items';
import { presentSimilar } from '../../services/library/present-similar';
import { casesLikeMine } from '../../services/library/similar';

type Form = Record<string, string>;
const PUBLIC = { access: 'public' as const };

export async function renderIntakeForm(req: FastifyRequest, reply: FastifyReply, values: Form = {}, error?: string, action = '/grievances', notice?: string,
  similar?: ReturnType<typeof presentSimilar>) {
  const [streets, enterprises] = await Promise.all([listStreets(req.server.db), listEnterprises(req.server.db)]);
  const { phoneCode: _typedCode, ...kept } = values;
  return reply.view('grievance-form', {
    title: '我要反映', action, error, notice, values: { idempotencyKey: randomUUID(), ...kept }, streets, enterprises,
    categories: Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label, selected: values.category === value })),
    staff: req.staff, askCode: !action.startsWith('/staff'), similar,
  });
}

function intakeRequest(form: Form) {
  return { ...form, category: form.category as Category, claimedFen: yuanToFen(form.claimedYuan ?? '0')!, workerCount: Number(form.workerCount) } as never;
}

/** Files from the phone form (after the texted code) or, for staff, on a worker's behalf (no code; recorded who filed). */
export async function submitIntakeForm(req: FastifyRequest<{ Body: Form }>, reply: FastifyReply, action: string) {
  const form = blankToUndefined(req.body ?? {}) as Form;
  if (req.validationError) return renderIntakeForm(req, reply.code(400), form, zhValidationMessage(req.validationError.validation as never), action);
  try {
    if (req.staff && action.startsWith('/staff')) {
      const { caseNo } = await fileGrievance(req.server.db, req.server.temporal, intakeRequest(form), actorOf(req.staff));
      return reply.redirect(`/staff/cases/${caseNo}?done=filed`, 303);
    }
    const filed = await filePublicGrievance(req.server, intakeRequest(form), { code: form.phoneCode, client: req.ip, existingToken: req.cookies[WORKER_COOKIE] });
    reply.setCookie(WORKER_COOKIE, filed.token, cookieOptions(filed.maxAgeSeconds));
    return reply.redirect(`/grievances/${filed.caseNo}/filed`, 303);
  } catch (err) {
    const a = classify(err);
    if (a.status >= 500) throw err;
    return renderIntakeForm(req, reply.code(a.status), form, a.message, action);
  }
}

const publicPages: FastifyPluginAsync = async (app) => {
  app.addHook('preValidation', normalizeFormBody);
  app.get('/', { config: PUBLIC }, async (_req, reply) => reply.view('index', { title: '工情码', topics: await topicsWithCounts(app.db) }));
  await app.register(libraryPages);

  app.get('/grievances/new', { config: PUBLIC }, async (req, reply) => renderIntakeForm(req, reply));
  app.post<{ Body: Form }>('/grievances', { config: PUBLIC, schema: { body: grievanceIntakeForm, hide: true }, attachValidation: true },
    async (req, reply) => submitIntakeForm(req, reply, '/grievances'));

  // "获取验证码" submits the whole form here (formaction), so nothing typed is lost on a phone without JavaScript.
  app.post<{ Body: Form }>('/grievances/phone-code', { config: PUBLIC }, async (req, reply) => {
    const form = blankToUndefined(req.body ?? {}) as Form;
    const phone = typeof form.complainantPhone === 'string' ? form.complainantPhone : '';
    if (!/^1[3-9][0-9]{9}$/.test(phone)) return renderIntakeForm(req, reply.code(400), form, '请先填写正确的11位手机号，再获取验证码');
    try {
      await sendPhoneCode(app, { phone, purpose: 'file', client: req.ip });
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500 && a.status !== 503) throw err;
      return renderIntakeForm(req, reply.code(a.status), form, a.message);
    }
    return renderIntakeForm(req, reply, form, undefined, '/grievances', `验证码已发送至 ${maskPhone(phone)}，请填写短信中的6位数字后提交`);
  });

  // "先查一查" without JavaScript (issue 23): the whole form comes here, and comes back as typed with the items and
  // past cases like it above the submit button; nothing is filed.
  app.post<{ Body: Form }>('/grievances/check', {
    config: PUBLIC, preHandler: app.searchLimit, schema: { body: checkFirstForm, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    const form = blankToUndefined(req.body ?? {}) as Form;
    if (req.validationError) return renderIntakeForm(req, reply.code(400), form, zhValidationMessage(req.validationError.validation as never));
    const description = [...(form.description ?? '').trim()].slice(0, DESCRIPTION_MAX).join('');
    if (!description) return renderIntakeForm(req, reply.code(400), form, '请先在“诉求描述”中写下遇到的情况，再查一查类似案例');
    const similar = presentSimilar(await casesLikeMine(app.db, description, { category: form.category }));
    return renderIntakeForm(req, reply, form, undefined, '/grievances', undefined, similar);
  });

  app.get<{ Params: { caseNo: string } }>('/grievances/:caseNo/filed', { config: PUBLIC, schema: { params: caseNoParams, hide: true } },
    async (req, reply) => reply.view('grievance-filed', { title: '提交成功', caseNo: req.params.caseNo, signedIn: req.workerCases.includes(req.params.caseNo) }));

  await app.register(trackPages);
  for (const pages of KIND_ROUTES.publicPages) await app.register(pages);
};

export default publicPages;
