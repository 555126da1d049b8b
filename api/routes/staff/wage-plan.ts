/**
 * The city union's yearly wage-negotiation plan as a page: the year's rows with each round's stage, a row typed in,
 * a list pasted or uploaded as CSV (the file input fills the text box when scripts run; without them, paste), and
 * "open now" for a row whose round should not wait for the daily schedule. A refusal shows the page again with what
 * was typed and the zh-CN reason; nothing is written then.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { enterprisesOfDistrict, listPlans } from '../../../db/queries/wage-plans';
import { shanghaiDate } from '../../../workflows/shared/deadlines';
import { classify } from '../../plugins/app/error-handler';
import { planLinesFromCsv } from '../../services/wage-plan-csv';
import { openPlanNow, savePlan } from '../../services/wage-plan';
import { actorOf } from '../../services/viewer';
import { badRequest } from '../../errors';

type PlanForm = { year?: string; enterprise?: string; plannedStart?: string; note?: string; csv?: string; planId?: string };
const FIELDS = ['year', 'enterprise', 'plannedStart', 'note', 'csv', 'planId'] as const;
const planForm = { type: 'object', properties: Object.fromEntries(FIELDS.map((f) => [f, { type: 'string' }])) } as const;

const thisYear = () => Number(shanghaiDate(Date.now()).slice(0, 4));
function yearOf(raw: unknown): number {
  const y = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : thisYear();
  return y >= 2000 && y <= 2100 ? y : thisYear();
}

const wagePlanPages: FastifyPluginAsync = async (app) => {
  const render = async (req: FastifyRequest, reply: FastifyReply, year: number, extra: { error?: string; notice?: string; values?: PlanForm } = {}) => {
    const districtId = req.staff!.org_unit_id;
    const [plans, enterprises] = await Promise.all([listPlans(app.db, { districtId, year }), enterprisesOfDistrict(app.db, districtId)]);
    return reply.view('wage-plan', {
      title: '年度工资集体协商计划', staff: req.staff, year, prevYear: year - 1, nextYear: year + 1, plans, enterprises,
      openedCount: plans.filter((p) => p.case_no).length, ...extra, values: { plannedStart: `${year}-03-01`, ...extra.values },
    });
  };
  const bodyOf = (req: FastifyRequest): PlanForm => {
    const b = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body as Record<string, unknown> : {};
    return Object.fromEntries(Object.entries(b).filter(([, v]) => typeof v === 'string')) as PlanForm;
  };
  const refused = async (req: FastifyRequest, reply: FastifyReply, year: number, values: PlanForm, err: unknown) => {
    const a = classify(err);
    if (a.status >= 500) throw err;
    return render(req, reply.code(a.status), year, { error: a.message, values });
  };

  app.get<{ Querystring: { year?: string } }>('/wage-plan', { config: { access: 'wagePlan.edit' } }, async (req, reply) => render(req, reply, yearOf(req.query?.year)));

  app.post('/wage-plan', { config: { access: 'wagePlan.edit' }, schema: { body: planForm, hide: true }, attachValidation: true }, async (req, reply) => {
    const f = bodyOf(req);
    const year = yearOf(f.year);
    if (req.validationError) return render(req, reply.code(400), year, { error: '每项只能填写一次，请检查后重新提交', values: f });
    try {
      const lines = f.csv?.trim() ? planLinesFromCsv(f.csv) : [{ enterprise: f.enterprise ?? '', plannedStart: f.plannedStart ?? '', note: f.note }];
      const { written, opened } = await savePlan(app.db, req.staff!.org_unit_id, year, lines, req.staff!.id);
      const notice = `已保存${written}家企业的计划${opened.length ? `；${opened.length}家企业的协商已开启，计划未改动` : ''}`;
      return render(req, reply, year, { notice });
    } catch (err) {
      return refused(req, reply, year, f, err);
    }
  });

  app.post('/wage-plan/open', { config: { access: 'wagePlan.edit' }, schema: { body: planForm, hide: true }, attachValidation: true }, async (req, reply) => {
    const f = bodyOf(req);
    const year = yearOf(f.year);
    try {
      if (!/^[1-9][0-9]{0,8}$/.test(f.planId ?? '')) throw badRequest('请选择计划');
      const { caseNo } = await openPlanNow(app.db, app.temporal, req.staff!.org_unit_id, Number(f.planId), actorOf(req.staff!));
      return reply.redirect(`/staff/cases/${caseNo}`, 303);
    } catch (err) {
      return refused(req, reply, year, {}, err);
    }
  });
};

export default wagePlanPages;
