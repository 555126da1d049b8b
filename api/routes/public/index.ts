/** The worker's phone pages behind the union's QR code: law first, then file, follow, withdraw and rate. */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { caseEvents } from '../../../db/queries/cases';
import { listEnterprises, listStreets } from '../../../db/queries/organisation';
import { CATEGORY_LABELS, type Category } from '../../../workflows/shared/grievance-model';
import { classify } from '../../plugins/app/error-handler';
import { caseNoParams, grievanceIntakeForm, noteBody, PHONE_PATTERN, ratingBody, withdrawBody } from '../../schemas/grievance';
import { zhValidationMessage } from '../../schemas/zh-validation';
import { addNoteAsComplainant, proveComplainant, rateAsComplainant, withdrawAsComplainant } from '../../services/complainant';
import { grievanceView } from '../../services/grievance-commands';
import { fileGrievance } from '../../services/grievance-intake';
import { publicTimeline } from '../../services/public-timeline';
import { LAW_TOPICS } from './law-topics';
import { blankToUndefined, yuanToFen } from './forms';
import { normalizeFormBody } from './normalize';

type Form = Record<string, string>;

export async function renderIntakeForm(req: FastifyRequest, reply: FastifyReply, values: Form = {}, error?: string, action = '/grievances') {
  const [streets, enterprises] = await Promise.all([listStreets(req.server.db), listEnterprises(req.server.db)]);
  return reply.view('grievance-form', {
    title: '我要反映', action, error, values: { idempotencyKey: randomUUID(), ...values }, streets, enterprises,
    categories: Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label, selected: values.category === value })),
    staff: req.staff,
  });
}

/** Files from the phone form; shared with the staff "file on a worker's behalf" page. */
export async function submitIntakeForm(req: FastifyRequest<{ Body: Form }>, reply: FastifyReply, filedBy: { role: 'worker' | string; name: string }, action: string) {
  const form = blankToUndefined(req.body ?? {}) as Form;
  if (req.validationError) return renderIntakeForm(req, reply.code(400), form, zhValidationMessage(req.validationError.validation as never), action);
  try {
    const { caseNo } = await fileGrievance(req.server.db, req.server.temporal, {
      ...form, category: form.category as Category, claimedFen: yuanToFen(form.claimedYuan ?? '0')!, workerCount: Number(form.workerCount),
    } as never, filedBy as never);
    return reply.redirect(`/grievances/${caseNo}/filed`, 303);
  } catch (err) {
    const a = classify(err);
    if (a.status >= 500) throw err;
    return renderIntakeForm(req, reply.code(a.status), form, a.message, action);
  }
}

async function renderProgress(req: FastifyRequest, reply: FastifyReply, caseNo: string, phone: string, notice?: string) {
  const row = await proveComplainant(req.server.db, caseNo, phone);
  const [view, events] = await Promise.all([grievanceView(req.server.temporal, caseNo), caseEvents(req.server.db, caseNo)]);
  return reply.view('progress', {
    title: '办理进度', case: row, view, phone, notice, timeline: publicTimeline(events),
    canWithdraw: ['contact', 'verify', 'urge', 'outcome'].includes(view.stage), canRate: view.stage === 'rating',
    canAddNote: view.status === 'open',
  });
}

const publicPages: FastifyPluginAsync = async (app) => {
  app.addHook('preValidation', normalizeFormBody);
  app.get('/', async (_req, reply) => reply.view('index', { title: '工情码', topics: LAW_TOPICS }));

  app.get('/grievances/new', async (req, reply) => renderIntakeForm(req, reply));
  app.post<{ Body: Form }>('/grievances', { schema: { body: grievanceIntakeForm, hide: true }, attachValidation: true },
    async (req, reply) => submitIntakeForm(req, reply, { role: 'worker', name: String(req.body?.complainantName ?? '') }, '/grievances'));

  app.get<{ Params: { caseNo: string } }>('/grievances/:caseNo/filed', { schema: { params: caseNoParams, hide: true } },
    async (req, reply) => reply.view('grievance-filed', { title: '提交成功', caseNo: req.params.caseNo }));

  app.get<{ Querystring: { caseNo?: string } }>('/track', async (req, reply) =>
    reply.view('track-form', { title: '查询进度', caseNo: req.query.caseNo }));
  app.post<{ Body: { caseNo: string; phone: string } }>('/track', {
    preHandler: app.guessLimits.complainantProof,
    schema: { hide: true, body: { type: 'object', required: ['caseNo', 'phone'], properties: { caseNo: { type: 'string', pattern: '^GQ[0-9A-Z]{10}$' }, phone: { type: 'string', pattern: PHONE_PATTERN } } } },
    attachValidation: true,
  }, async (req, reply) => {
    // A wrong number or phone shows the form again with what was typed, not a bare error page.
    const retry = (status: number, error: string) => reply.code(status).view('track-form', { title: '查询进度', caseNo: req.body?.caseNo, error });
    if (req.validationError) return retry(400, zhValidationMessage(req.validationError.validation as never));
    try {
      return await renderProgress(req, reply, req.body.caseNo, req.body.phone);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return retry(a.status, a.message);
    }
  });

  app.post<{ Params: { caseNo: string }; Body: { phone: string; score: number; comment?: string } }>('/track/:caseNo/rate', {
    preHandler: app.guessLimits.complainantProof,
    schema: { hide: true, params: caseNoParams, body: ratingBody },
  }, async (req, reply) => {
    const { row } = await rateAsComplainant(app, req.params.caseNo, req.body);
    return renderProgress(req, reply, row.case_no, req.body.phone, '感谢您的评价！');
  });

  app.post<{ Params: { caseNo: string }; Body: { phone: string; text: string } }>('/track/:caseNo/note', {
    preHandler: app.guessLimits.complainantProof,
    schema: { hide: true, params: caseNoParams, body: noteBody },
  }, async (req, reply) => {
    const row = await addNoteAsComplainant(app, req.params.caseNo, req.body);
    return renderProgress(req, reply, row.case_no, req.body.phone, '补充说明已提交，社会化工会工作者会看到。');
  });

  app.post<{ Params: { caseNo: string }; Body: { phone: string; reason: string } }>('/track/:caseNo/withdraw', {
    preHandler: app.guessLimits.complainantProof,
    schema: { hide: true, params: caseNoParams, body: withdrawBody },
  }, async (req, reply) => {
    const { row } = await withdrawAsComplainant(app, req.params.caseNo, req.body);
    return renderProgress(req, reply, row.case_no, req.body.phone, '诉求已撤回。');
  });
};

export default publicPages;
