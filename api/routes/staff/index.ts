/** Caseworker and supervisor pages: inbox, case page with only the actions valid now, the SMS outbox. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { openTasksInJurisdiction, smsOutbox } from '../../../db/queries/cases';
import { ACTION_LABELS, PARTNER_DEPARTMENTS, OUTCOME_LABELS, type ActionCommand } from '../../../workflows/shared/grievance-model';
import { classify } from '../../plugins/app/error-handler';
import { caseNoParams, grievanceIntakeForm, STAFF_ACTIONS, type StaffActionName } from '../../schemas/grievance';
import { actorOf, caseDetail, caseForStaff, jurisdictionOf, outboxFilter } from '../../services/case-detail';
import { actOnGrievance } from '../../services/grievance-commands';
import { assertSupervisor, caseHistory, SUPERVISOR_ROLES } from '../../services/workflow-history';
import { renderIntakeForm, submitIntakeForm } from '../public';
import { normalizeFormBody } from '../public/normalize';
import { payloadFromForm } from './action-form';
import sessionPages from './session';

interface FailedAction { action: StaffActionName; message: string; values: Record<string, string> }

const OUTCOMES = Object.entries(OUTCOME_LABELS).filter(([k]) => k !== 'withdrawn').map(([value, label]) => ({ value, label }));

const staffPages: FastifyPluginAsync = async (app) => {
  app.addHook('preValidation', normalizeFormBody);
  await app.register(sessionPages);

  app.register(async (secured) => {
    secured.addHook('preHandler', app.requireStaff);

    secured.get('/', async (req, reply) => {
      const tasks = await openTasksInJurisdiction(app.db, jurisdictionOf(req.staff!));
      const now = Date.now();
      return reply.view('inbox', {
        title: '待办', staff: req.staff,
        tasks: tasks.map((t) => ({ ...t, overdue: t.due_at.getTime() < now, mine: t.assignee_role === req.staff!.role })),
      });
    });

    /** `failed`: an action refused, shown inside its own form with what was typed, and that form focused. */
    const renderCase = async (req: FastifyRequest, reply: FastifyReply, caseNo: string, opts: { failed?: FailedAction; done?: string } = {}) => {
      const detail = await caseDetail(app.db, app.temporal, req.staff!, caseNo);
      const supervisor = SUPERVISOR_ROLES.includes(req.staff!.role as never);
      // After a successful action the page says so: otherwise it looks much as before and people press again.
      const { failed, done } = opts;
      const notice = done && done in ACTION_LABELS ? `已完成：${ACTION_LABELS[done as keyof typeof ACTION_LABELS]}` : undefined;
      const actions = detail.actions.map((name) => (name === failed?.action ? { name, error: failed.message, values: failed.values } : { name, values: {} }));
      // A refused action that is no longer offered (the case moved on meanwhile) has no form to show its error in.
      const error = failed && !detail.actions.includes(failed.action) ? failed.message : undefined;
      return reply.view('case', {
        title: `案件 ${caseNo}`, staff: req.staff, ...detail, actions, error, notice, supervisor, outcomes: OUTCOMES, departments: PARTNER_DEPARTMENTS,
      });
    };

    secured.get<{ Params: { caseNo: string }; Querystring: { done?: string } }>('/cases/:caseNo', { schema: { params: caseNoParams, hide: true } },
      async (req, reply) => renderCase(req, reply, req.params.caseNo, { done: req.query.done }));

    secured.get<{ Params: { caseNo: string } }>('/cases/:caseNo/history', { schema: { params: caseNoParams, hide: true } }, async (req, reply) => {
      assertSupervisor(req.staff!.role);
      const row = await caseForStaff(app.db, req.staff!, req.params.caseNo);
      const events = await caseHistory(app.temporal, req.params.caseNo);
      return reply.view('case-history', { title: `流程记录 ${row.case_no}`, staff: req.staff, case: row, events });
    });

    secured.post<{ Params: { caseNo: string; action: string }; Body: Record<string, string> }>('/cases/:caseNo/actions/:action', {
      schema: { params: { ...caseNoParams, required: ['caseNo', 'action'], properties: { ...caseNoParams.properties, action: { type: 'string', enum: STAFF_ACTIONS } } }, hide: true },
    }, async (req, reply) => {
      const { caseNo } = req.params;
      const action = req.params.action as StaffActionName;
      await caseForStaff(app.db, req.staff!, caseNo);
      try {
        const cmd = { action, actor: actorOf(req.staff!), payload: payloadFromForm(action, req.body) } as ActionCommand;
        await actOnGrievance(app.temporal, caseNo, cmd);
      } catch (err) {
        const a = classify(err);
        if (a.status >= 500) throw err;
        reply.code(a.status);
        return renderCase(req, reply, caseNo, { failed: { action, message: a.message, values: req.body ?? {} } });
      }
      return reply.redirect(`/staff/cases/${caseNo}?done=${action}`, 303);
    });

    secured.get('/sms', async (req, reply) =>
      reply.view('sms-outbox', { title: '短信发件箱', staff: req.staff, messages: await smsOutbox(app.db, jurisdictionOf(req.staff!), 200, outboxFilter(req.staff!)) }));

    secured.get('/grievances/new', async (req, reply) => renderIntakeForm(req, reply, {}, undefined, '/staff/grievances'));
    secured.post<{ Body: Record<string, string> }>('/grievances', { schema: { body: grievanceIntakeForm, hide: true }, attachValidation: true },
      async (req, reply) => submitIntakeForm(req, reply, actorOf(req.staff!), '/staff/grievances'));
  });
};

export default staffPages;
