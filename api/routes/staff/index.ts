/** Caseworker and supervisor pages: inbox, case page with only the actions valid now, the SMS outbox. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { verifyChain } from '../../../db/event-chain';
import { KIND_ROUTES } from '../../kind-routes';
import { openTasksFor, smsOutbox, visibleCases } from '../../../db/queries/cases';
import { unitNamesOf } from '../../../db/queries/organisation';
import { courts } from '../../../db/queries/institutions';
import { ALL_ACTIONS, CASE_NO_PATTERN, kindOfCaseNo } from '../../../workflows/kinds';
import type { KindCommand } from '../../../workflows/shared/definitions';
import type { FormBody } from '../../../workflows/shared/present/form-values';
import { timelineOf } from '../../../workflows/shared/present/timeline';
import { badRequest } from '../../errors';
import { classify } from '../../plugins/app/error-handler';
import { may } from '../../security/access-policy';
import { caseNoParams, grievanceIntakeForm } from '../../schemas/grievance';
import { caseAccount, entriesByDay } from '../../services/case-account/build-account';
import { loadCaseStory } from '../../services/case-account/case-story';
import { engineRows, temporalUiUrl } from '../../services/case-account/engine-view';
import { caseDetail, caseForStaff } from '../../services/case-detail';
import { actOnCase } from '../../services/cases';
import { actorOf, isMyTask, isOutsider, outboxFilter, viewerOf } from '../../services/viewer';
import { renderIntakeForm, submitIntakeForm } from '../public';
import { normalizeFormBody } from '../public/normalize';
import calendarPages from './calendar';
import caseFinderPages from './case-finder';
import taskReassignmentPages from './task-reassignment';
import libraryStaffPages from './library';
import documentPages from './documents';
import emailPage from './email';
import figurePages from './figures';
import negotiationIndexPages from './negotiation-index';
import negotiationIndexEditPages from './negotiation-index-edit';
import sessionPages from './session';
import riskWarningPages from './risk-warning';
import { groupSms } from '../../services/sms-groups';
import { SMS_KINDS, SMS_STATES } from '../../../templates/sms-labels';

const CASE_NO = new RegExp(CASE_NO_PATTERN);
interface FailedAction { action: string; message: string; values: FormBody }

/** What the page says after an action that went through (otherwise it looks much as before and people press again). */
const ARRIVED_NOTICES: Record<string, string> = {
  filed: '已代职工登记诉求，职工将收到含专属链接的短信', opened: '已登记调解案件，调解期限自收到申请之日起计算',
};

/** What was typed, to show again in the form: text fields and ticked boxes only. */
function typedValues(body: unknown): FormBody {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const text = (v: unknown) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  return Object.fromEntries(Object.entries(body).filter(([, v]) => text(v))) as FormBody;
}

/** The form as a command's payload, read by the case's kind; an action of another kind is refused in zh-CN. */
function pagePayload(caseNo: string, action: string, body: FormBody) {
  const kind = kindOfCaseNo(caseNo);
  if (!kind || !Object.hasOwn(kind.actions, action)) throw badRequest('该案件没有这项操作，请刷新页面');
  return kind.actions[action].form(body);
}

const staffPages: FastifyPluginAsync = async (app) => {
  app.addHook('preValidation', normalizeFormBody);
  await app.register(sessionPages);
  await app.register(calendarPages);
  await app.register(caseFinderPages);
  await app.register(taskReassignmentPages);
  await app.register(negotiationIndexPages);
  await app.register(negotiationIndexEditPages);
  await app.register(libraryStaffPages);
  await app.register(riskWarningPages);
  await app.register(figurePages);
  for (const pages of KIND_ROUTES.staffPages) await app.register(pages);
  await app.register(documentPages);
  await app.register(emailPage);

  app.get('/', { config: { access: 'inbox' } }, async (req, reply) => {
    const viewer = viewerOf(req.staff!);
    const [tasks, cases] = await Promise.all([openTasksFor(app.db, viewer), isOutsider(req.staff!) ? visibleCases(app.db, viewer) : []]);
    const now = Date.now();
    return reply.view('inbox', {
      title: '待办', staff: req.staff, cases,
      tasks: tasks.map((t) => ({ ...t, overdue: t.due_at.getTime() < now, mine: isMyTask(t, req.staff!) })),
    });
  });

  /** `failed`: an action refused, shown inside its own form with what was typed, and that form focused. */
  const renderCase = async (req: FastifyRequest, reply: FastifyReply, caseNo: string, opts: { failed?: FailedAction; done?: string } = {}) => {
    const kind = kindOfCaseNo(caseNo)!;
    const detail = await caseDetail(app.db, app.temporal, req.staff!, caseNo);
    const supervisor = may(req.staff!.role, 'case.history');
    const { failed, done } = opts;
    const doneText = done && Object.hasOwn(kind.actions, done) ? kind.actions[done].label : done && Object.hasOwn(ARRIVED_NOTICES, done) ? ARRIVED_NOTICES[done] : undefined;
    const notice = doneText ? `已完成：${doneText}` : undefined;
    const addressed = (detail.view as { documents?: { addressedTo: string | null }[] }).documents ?? [];
    const unitNames = await unitNamesOf(app.db, addressed.map((d) => d.addressedTo).filter((u): u is string => !!u));
    // only a page that offers a choice of court reads the list
    const courtList = detail.actions.includes('chooseEnforcementCourt') ? await courts(app.db) : undefined;
    const page = kind.page.model({
      view: detail.view, actions: detail.actions, failed, unitNames, courts: courtList, now: Date.now(),
      staff: actorOf(req.staff!),
    });
    return reply.view(kind.page.template, {
      title: `${kind.page.title} ${caseNo}`, staff: req.staff, ...detail, ...timelineOf(detail.events), ...page, notice, supervisor,
    });
  };

  app.get<{ Params: { caseNo: string }; Querystring: { done?: string } }>('/cases/:caseNo', { config: { access: 'case.read' }, schema: { params: caseNoParams, hide: true } },
    async (req, reply) => renderCase(req, reply, req.params.caseNo, { done: req.query.done }));

  // The supervisor's account of the case (who did what, which SMS, which deadlines, what still waits), and one click
  // further the engine's raw history with the case's link in the Temporal Web UI.
  app.get<{ Params: { caseNo: string } }>('/cases/:caseNo/history', { config: { access: 'case.history' }, schema: { params: caseNoParams, hide: true } }, async (req, reply) => {
    const row = await caseForStaff(app.db, req.staff!, req.params.caseNo);
    const [story, chain] = await Promise.all([loadCaseStory(app.db, app.temporal, row.case_no), verifyChain(app.db, row.case_no)]);
    const account = caseAccount(row, story);
    return reply.view('case-history', {
      title: `案件经过 ${row.case_no}`, staff: req.staff, case: row, chain, account, days: entriesByDay(account.entries), engineCount: story.rows?.length ?? 0,
    });
  });

  app.get<{ Params: { caseNo: string } }>('/cases/:caseNo/history/engine', { config: { access: 'case.history' }, schema: { params: caseNoParams, hide: true } }, async (req, reply) => {
    const row = await caseForStaff(app.db, req.staff!, req.params.caseNo);
    const story = await loadCaseStory(app.db, app.temporal, row.case_no);
    return reply.view('case-history-engine', {
      title: `引擎原始记录 ${row.case_no}`, staff: req.staff, case: row, rows: engineRows(story), archived: story.engine === null, uiUrl: temporalUiUrl(row.case_no),
    });
  });

  app.post<{ Params: { caseNo: string; action: string }; Body: FormBody }>('/cases/:caseNo/actions/:action', {
    config: { access: 'case.act' },
    schema: { params: { ...caseNoParams, required: ['caseNo', 'action'], properties: { ...caseNoParams.properties, action: { type: 'string', enum: [...ALL_ACTIONS] } } }, hide: true },
  }, async (req, reply) => {
    const { caseNo } = req.params;
    const { action } = req.params;
    try {
      const cmd = { action, actor: actorOf(req.staff!), payload: pagePayload(caseNo, action, req.body ?? {}) } as KindCommand;
      await actOnCase(app.temporal, caseNo, cmd, req.formKey);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      reply.code(a.status);
      return renderCase(req, reply, caseNo, { failed: { action, message: a.message, values: typedValues(req.body) } });
    }
    return reply.redirect(`/staff/cases/${caseNo}?done=${action}`, 303);
  });

  app.get<{ Querystring: Record<string, unknown> }>('/sms', { config: { access: 'sms.read' } }, async (req, reply) => {
    // A filter from a GET form (works without JavaScript); anything unknown is ignored rather than refused.
    const q = req.query ?? {};
    const pick = (v: unknown, allowed: Record<string, string>) => (typeof v === 'string' && Object.hasOwn(allowed, v) ? v : undefined);
    const caseNo = typeof q.case === 'string' && CASE_NO.test(q.case.trim().toUpperCase()) ? q.case.trim().toUpperCase() : undefined;
    const filter = { caseNo, kind: pick(q.kind, SMS_KINDS), state: pick(q.state, SMS_STATES) };
    const rows = await smsOutbox(app.db, viewerOf(req.staff!), 500, outboxFilter(req.staff!));
    const options = (table: Record<string, string>, chosen?: string) => Object.entries(table).map(([value, label]) => ({ value, label, selected: value === chosen }));
    return reply.view('sms-outbox', {
      title: '短信', staff: req.staff, groups: groupSms(rows, filter), filter, outsider: isOutsider(req.staff!),
      kinds: options(SMS_KINDS, filter.kind), states: options(SMS_STATES, filter.state),
    });
  });

  app.get('/grievances/new', { config: { access: 'grievance.file' } }, async (req, reply) => renderIntakeForm(req, reply, {}, undefined, '/staff/grievances'));
  app.post<{ Body: Record<string, string> }>('/grievances', { config: { access: 'grievance.file' }, schema: { body: grievanceIntakeForm, hide: true }, attachValidation: true },
    async (req, reply) => submitIntakeForm(req, reply, '/staff/grievances'));
};

export default staffPages;
