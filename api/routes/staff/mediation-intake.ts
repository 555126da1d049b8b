/**
 * Opening a mediation case from a page (issue 16): the station's mediator registers a walk-in, the arbitration
 * institute's clerk a referral (with its number). The workers are typed one a line as on the case page; the street is
 * one of the district's. A refusal shows the form again with what was typed; success goes to the new case's page.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { findInstitution } from '../../../db/queries/institutions';
import { listStreets } from '../../../db/queries/organisation';
import { classify } from '../../plugins/app/error-handler';
import { mediationIntakeForm } from '../../schemas/mediation';
import { zhValidationMessage } from '../../schemas/zh-validation';
import { openMediation } from '../../services/mediation-intake';
import { actorOf } from '../../services/viewer';
import { parseWorkerLines, shanghaiLocalToIso } from '../../../workflows/kinds/mediation/form';

type Form = Record<string, string>;

const mediationIntakePages: FastifyPluginAsync = async (app) => {
  const render = async (req: FastifyRequest, reply: FastifyReply, values: Form = {}, error?: string) => {
    const own = await findInstitution(app.db, req.staff!.org_unit_id);
    const streets = own?.district_id ? (await listStreets(app.db)).filter((s) => s.parent_id === own.district_id) : [];
    return reply.view('mediation-form', {
      title: '登记调解案件', staff: req.staff, error, streets, referral: own?.kind === 'arbitration',
      // An institution outside any district has no station, institute and court to send the case to.
      noDistrict: !own?.district_id,
      values: { idempotencyKey: randomUUID(), ...values },
    });
  };

  app.get('/mediations/new', { config: { access: 'mediation.open' } }, async (req, reply) => render(req, reply));

  app.post<{ Body: Form }>('/mediations/new', {
    config: { access: 'mediation.open' }, schema: { body: mediationIntakeForm, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
    const typed = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Form;
    if (req.validationError) return render(req, reply.code(400), typed, zhValidationMessage(req.validationError.validation as never));
    try {
      const f = body;
      const { caseNo } = await openMediation(app.db, app.temporal, {
        employer: {
          name: f.employerName.trim(), creditCode: f.creditCode, address: f.employerAddress.trim(), representative: f.representative.trim(),
          representativePosition: f.representativePosition, phone: f.employerPhone,
        },
        workers: parseWorkerLines(f.workers),
        dispute: f.dispute.trim(), facts: f.facts, streetId: f.streetId, referralNo: f.referralNo,
        disputeArose: f.disputeArose || undefined, employmentInDispute: f.employmentInDispute === '1',
        appliedAt: f.appliedAt ? shanghaiLocalToIso(f.appliedAt, '收到调解申请的时间') : undefined,
        idempotencyKey: f.idempotencyKey,
      }, actorOf(req.staff!));
      return reply.redirect(`/staff/cases/${caseNo}?done=opened`, 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return render(req, reply.code(a.status), typed, a.message);
    }
  });
};

export default mediationIntakePages;
