/** The holiday calendar page for district staff (issue 16): the days set, a form to set one, a button to clear one. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { listCalendarDays } from '../../../db/queries/calendar';
import { classify } from '../../plugins/app/error-handler';
import { calendarDayForm, calendarValidationMessage, dayParams, NOTE_MAX } from '../../schemas/calendar';
import { changeCalendarDay, editableRange } from '../../services/calendar';

const DONE: Record<string, string> = {
  set: '已保存。在办案件的法定期限正在按新的安排重新计算，顺延或提前的会记入案件经过。',
  cleared: '已取消该日的单独设置。在办案件的法定期限正在重新计算。',
  noted: '已保存说明。放假和上班的安排没有变化，在办案件的期限不受影响。',
  unchanged: '日历没有变化。',
};
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

interface Failed { message: string; values: Record<string, string> }

const calendarPages: FastifyPluginAsync = async (app) => {
  const render = async (req: FastifyRequest, reply: FastifyReply, opts: { failed?: Failed; done?: string } = {}) => {
    const days = (await listCalendarDays(app.db)).map((d) => ({
      ...d, weekday: WEEKDAYS[new Date(`${d.day}T00:00:00Z`).getUTCDay()], year: d.day.slice(0, 4),
    }));
    const years = [...new Set(days.map((d) => d.year))].reverse().map((year) => ({ year, days: days.filter((d) => d.year === year) }));
    const notice = opts.done && Object.hasOwn(DONE, opts.done) ? DONE[opts.done] : undefined;
    return reply.view('calendar', {
      title: '节假日安排', staff: req.staff, years, range: editableRange(), noteMax: NOTE_MAX, notice,
      error: opts.failed?.message, values: opts.failed?.values ?? { dayType: 'rest' },
    });
  };

  app.get<{ Querystring: { done?: string } }>('/calendar', { config: { access: 'calendar.edit' } }, async (req, reply) => render(req, reply, { done: req.query?.done }));

  app.post<{ Body: Record<string, string> }>('/calendar', {
    config: { access: 'calendar.edit' }, schema: { body: calendarDayForm, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    const values = typeof req.body === 'object' && req.body ? req.body : {};
    try {
      if (req.validationError) return await refuse(req, reply, calendarValidationMessage(req.validationError.validation ?? []), values);
      const change = await changeCalendarDay(app.db, app.temporal, values.day, values.dayType === 'rest', values.note ?? '');
      return reply.redirect(`/staff/calendar?done=${change.changed ? 'set' : change.saved ? 'noted' : 'unchanged'}`, 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return refuse(req, reply, a.message, values, a.status);
    }
  });

  app.post<{ Params: { day: string } }>('/calendar/:day/delete', {
    config: { access: 'calendar.edit' }, schema: { params: dayParams, hide: true }, attachValidation: true,
  }, async (req, reply) => {
    try {
      if (req.validationError) return await refuse(req, reply, calendarValidationMessage(req.validationError.validation ?? []), {});
      const change = await changeCalendarDay(app.db, app.temporal, req.params.day, undefined);
      return reply.redirect(`/staff/calendar?done=${change.changed ? 'cleared' : 'unchanged'}`, 303);
    } catch (err) {
      const a = classify(err);
      if (a.status >= 500) throw err;
      return refuse(req, reply, a.message, {}, a.status);
    }
  });

  /** A refusal shows the page again with the message and what was typed, and changes nothing. */
  function refuse(req: FastifyRequest, reply: FastifyReply, message: string, values: Record<string, unknown>, status = 400) {
    reply.code(status);
    const typed = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return render(req, reply, { failed: { message, values: typed } });
  }
};

export default calendarPages;
