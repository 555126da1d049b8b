/**
 * The clerks' inbox (issue 16): the documents addressed to their institution (a lawyer's: those addressed to them by
 * name), newest first, each with its hash and a download, and a button to confirm receipt (a command on the case,
 * recorded with who confirmed). An arbitration clerk also sees the cases waiting for their review, linked to the case
 * page where the confirm and reject forms are. The download serves anyone who may have the PDF (the clerks it was
 * addressed to, staff who see the case).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { openTasksFor } from '../../../db/queries/cases';
import { classify } from '../../plugins/app/error-handler';
import { documentParams } from '../../schemas/documents';
import { confirmReceipt, documentForStaff, inboxDocuments, personalInbox, sendDocument } from '../../services/case-documents';
import { viewerOf } from '../../services/viewer';

const DONE: Record<string, string> = { received: '已确认收到，已记入案件（记录确认人和时间）。' };

const documentPages: FastifyPluginAsync = async (app) => {
  const render = async (req: FastifyRequest, reply: FastifyReply, opts: { error?: string; done?: string } = {}) => {
    const [rows, tasks] = await Promise.all([inboxDocuments(app.db, req.staff!), openTasksFor(app.db, viewerOf(req.staff!))]);
    const documents = rows.map((d) => ({ ...d, shortSha: d.sha256.slice(0, 12) }));
    return reply.view('documents', {
      title: '收件箱（文书）', staff: req.staff, personal: personalInbox(req.staff!), documents, error: opts.error,
      notice: opts.done && Object.hasOwn(DONE, opts.done) ? DONE[opts.done] : undefined,
      unreceived: documents.filter((d) => !d.received).length,
      // acceptance first (since the review has its own acceptance step), then the decision: each links to its own form
      reviews: tasks.filter((t) => t.kind === 'review' || t.kind === 'acceptReview').map((t) => ({ ...t, action: t.kind === 'review' ? 'confirmReview' : 'acceptReview' })),
    });
  };

  app.get<{ Querystring: { done?: string } }>('/documents', { config: { access: 'documents' } }, async (req, reply) => render(req, reply, { done: req.query?.done }));

  app.get<{ Params: { id: string } }>('/documents/:id', {
    config: { access: 'case.read' }, schema: { params: documentParams, hide: true },
  }, async (req, reply) => {
    return sendDocument(reply, await documentForStaff(app.db, req.staff!, Number(req.params.id)));
  });

  app.post<{ Params: { id: string } }>('/documents/:id/receipt', {
    config: { access: 'documents' }, schema: { params: documentParams, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    if (req.validationError) return render(req, reply.code(400), { error: '没有这份文书，请刷新页面后重试' });
    try {
      await confirmReceipt(app.db, app.temporal, req.staff!, Number(req.params.id), req.formKey);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return render(req, reply.code(a.status), { error: a.message });
    }
    return reply.redirect('/staff/documents?done=received', 303);
  });
};

export default documentPages;
