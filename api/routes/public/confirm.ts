/**
 * A party confirms a mediation agreement on their phone (issue 16): the SMS with the code links here. Phone and code
 * → the party's own share and the payment plan, and "已确认"; with them the whole agreement, the party's own line
 * first, and their own copy as a PDF (issue 21), which they may also read before confirming. A wrong code is said in
 * the form with the phone kept; each try counts against the same guess limit as the JSON route.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { classify } from '../../plugins/app/error-handler';
import { confirmationForm, mediationCaseParams } from '../../schemas/mediation';
import { confirmByCode } from '../../services/agreement-confirmation';
import { partyCopy, type PartyCopy } from '../../services/agreement-copy';
import { maskPhone } from '../../../workflows/shared/present/format';

const PUBLIC = { access: 'public' as const };
type Body = { phone?: string; code?: string };

const confirmPages: FastifyPluginAsync = async (app) => {
  const form = (req: FastifyRequest<{ Params: { caseNo: string } }>, reply: FastifyReply, phone?: string, error?: string) =>
    reply.view('confirm', { title: '确认调解协议', caseNo: req.params.caseNo, phone, error });

  app.get<{ Params: { caseNo: string } }>('/confirm/:caseNo', { config: PUBLIC, schema: { params: mediationCaseParams, hide: true } }, async (req, reply) => form(req, reply));

  app.post<{ Params: { caseNo: string }; Body: Body }>('/confirm/:caseNo', {
    config: PUBLIC, schema: { params: mediationCaseParams, body: confirmationForm, hide: true }, attachValidation: true,
    // a malformed request cannot succeed, so it is not counted as a guess
    preHandler: async (req, reply) => (req.validationError ? undefined : app.guessLimits.agreementCode.call(app, req, reply)),
  }, async (req, reply) => {
    const phone = typeof req.body?.phone === 'string' ? req.body.phone : undefined;
    if (req.validationError) {
      const params = req.validationError.validationContext === 'params';
      return form(req, reply.code(params ? 404 : 400), phone, params ? '没有这个调解案件，请核对短信中的链接' : '请填写11位手机号码和短信中的6位确认码');
    }
    try {
      const r = await confirmByCode(app.db, app.temporal, req.params.caseNo, req.body.phone!, req.body.code!);
      const plan = r.party.payment;
      // the full text beside the share, and their copy to download; the confirmation stands without it if it fails
      const copy = await partyCopy(app.db, app.temporal, req.params.caseNo, req.body.phone!, req.body.code!).catch((err: unknown) => {
        req.log.warn({ err }, 'party copy after confirmation');
        return null;
      });
      // the page holds the party's code (for the copy's download): never kept by a cache
      return reply.header('cache-control', 'no-store').view('confirm-done', {
        title: '已确认调解协议', caseNo: req.params.caseNo, party: r.party, already: r.already, remaining: r.remaining, masked: maskPhone(req.body.phone),
        lumpSum: plan.kind === 'lump-sum' ? plan.dueDate : null,
        installments: plan.kind === 'installments' ? plan.installments.map((i, n) => ({ no: n + 1, ...i })) : [],
        ...(copy ? copyModel(copy, req.body.phone!, req.body.code!) : {}),
      });
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return form(req, reply.code(a.status), phone, a.message);
    }
  });

  // Read the whole agreement before confirming, or download one's own copy: the same phone and code, nothing confirmed.
  for (const [path, pdf] of [['/confirm/:caseNo/agreement', false], ['/confirm/:caseNo/copy', true]] as const) {
    app.post<{ Params: { caseNo: string }; Body: Body }>(path, {
      config: PUBLIC, schema: { params: mediationCaseParams, body: confirmationForm, hide: true }, attachValidation: true,
      preHandler: async (req, reply) => (req.validationError ? undefined : app.guessLimits.agreementCode.call(app, req, reply)),
    }, async (req, reply) => {
      const phone = typeof req.body?.phone === 'string' ? req.body.phone : undefined;
      if (req.validationError) return form(req, reply.code(400), phone, '请填写11位手机号码和短信中的6位确认码');
      try {
        const copy = await partyCopy(app.db, app.temporal, req.params.caseNo, req.body.phone!, req.body.code!);
        if (pdf) {
          return reply.type('application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(copy.fileName)}`)
            .header('cache-control', 'no-store').send(copy.pdf);
        }
        return reply.header('cache-control', 'no-store').view('confirm-read', { title: '调解协议全文', caseNo: req.params.caseNo, ...copyModel(copy, req.body.phone!, req.body.code!) });
      } catch (err) {
        const a = classify(err);
        if (a.status >= 500) throw err;
        return form(req, reply.code(a.status), phone, a.message);
      }
    });
  }
};

/** The page's part of a party's copy: the text block by block, their own line, and the form that downloads the PDF. */
function copyModel(copy: PartyCopy, phone: string, code: string) {
  return {
    copy: {
      title: copy.title, ownLine: copy.ownLine, phone, code,
      blocks: copy.blocks.map((b) => ({ ...b, own: 'text' in b && !copy.ownLine.isEmployer && b.text.includes(copy.ownLine.name) })),
    },
  };
}

export default confirmPages;
