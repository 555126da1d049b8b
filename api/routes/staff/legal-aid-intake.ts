/**
 * Registering a legal-aid application from a page (DOMAIN §4): the district union's centre staff take a worker's
 * application, a court's clerk registers a delegated pre-litigation mediation (with the court's reference). Workers
 * and debtors are typed one a line; the street is one of the district's. A refusal shows the form again with what was
 * typed; success goes to the new case's page.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { findInstitution } from '../../../db/queries/institutions';
import { listStreets } from '../../../db/queries/organisation';
import { classify } from '../../plugins/app/error-handler';
import { intakeRequestOf, type IntakeForm } from '../../services/legal-aid-intake-form';
import { openLegalAid } from '../../services/legal-aid-intake';
import { actorOf } from '../../services/viewer';

const FIELDS = ['workers', 'debtors', 'dispute', 'facts', 'streetId', 'courtRef', 'appliedAt', 'idempotencyKey'] as const;
/** Every field arrives as text; what each must hold is said in zh-CN by the form's reader, not by a schema's words. */
const intakeForm = { type: 'object', properties: Object.fromEntries(FIELDS.map((f) => [f, { type: 'string' }])) } as const;

const legalAidIntakePages: FastifyPluginAsync = async (app) => {
  /** The district whose streets the form offers: the centre's own, or the court's. */
  const districtOf = async (req: FastifyRequest) => {
    const s = req.staff!;
    if (s.role === 'district_staff') return s.org_unit_id;
    return (await findInstitution(app.db, s.org_unit_id))?.district_id ?? null;
  };

  const render = async (req: FastifyRequest, reply: FastifyReply, values: IntakeForm = {}, error?: string) => {
    const districtId = await districtOf(req);
    const streets = districtId ? (await listStreets(app.db)).filter((s) => s.parent_id === districtId) : [];
    return reply.view('legal-aid-form', {
      title: '登记法律援助申请', staff: req.staff, error, streets,
      delegation: req.staff!.role === 'court_clerk', noDistrict: !districtId,
      values: { idempotencyKey: randomUUID(), ...values },
    });
  };

  app.get('/legal-aid/new', { config: { access: 'legalAid.open' } }, async (req, reply) => render(req, reply));

  app.post<{ Body: IntakeForm }>('/legal-aid/new', {
    config: { access: 'legalAid.open' }, schema: { body: intakeForm, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
    const typed = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as IntakeForm;
    if (req.validationError) return render(req, reply.code(400), typed, '每项只能填写一次，请检查后重新提交');
    try {
      const { caseNo } = await openLegalAid(app.db, app.temporal, intakeRequestOf(typed), actorOf(req.staff!));
      return reply.redirect(`/staff/cases/${caseNo}`, 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return render(req, reply.code(a.status), typed, a.message);
    }
  });
};

export default legalAidIntakePages;
