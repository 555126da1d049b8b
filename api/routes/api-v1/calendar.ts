/** The holiday calendar in the JSON API (issue 16): district staff set or clear a day; the open cases follow. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { calendarVersion, listCalendarDays } from '../../../db/queries/calendar';
import { badRequest } from '../../errors';
import { calendarDayBody, calendarValidationMessage, dayParams } from '../../schemas/calendar';
import { answers } from '../../schemas/responses';
import { changeCalendarDay } from '../../services/calendar';

const bearer = [{ bearer: [] }];
const changeAnswer = answers({ 200: { description: '已保存；saved 表示是否写入，changed 表示放假安排是否因此改变（期限可能随之变化），sweep 为通知在办案件的流程编号', properties: {
  day: { type: 'string' }, saved: { type: 'boolean' }, changed: { type: 'boolean' }, version: { type: 'string' }, sweep: { type: 'string' },
} } }, 401, 403, 422, 503);

/** Refusals of the schema in the calendar's own words (attachValidation), before anything is read or written. */
function refuseInvalid(req: FastifyRequest): void {
  if (req.validationError) throw badRequest(calendarValidationMessage(req.validationError.validation ?? [], (req.params as { day?: string }).day));
}

const calendarRoutes: FastifyPluginAsync = async (app) => {
  app.get('/calendar/days', {
    config: { access: 'calendar.edit' },
    schema: { tags: ['calendar'], summary: '节假日安排：单独设置的日期（放假或调休上班），其余日期按周末休息计算', security: bearer,
      response: answers({ 200: { description: '日历', properties: { version: { type: 'string' }, days: { type: 'array' } } } }, 401, 403) },
  }, async () => {
    const days = await listCalendarDays(app.db);
    return { version: calendarVersion(days), days: days.map((d) => ({ day: d.day, rest: d.rest, note: d.note, updatedAt: d.updatedAt.toISOString() })) };
  });

  app.put<{ Params: { day: string }; Body: { rest: boolean; note?: string } }>('/calendar/days/:day', {
    config: { access: 'calendar.edit' }, attachValidation: true,
    schema: { tags: ['calendar'], summary: '设置某日为法定节假日或调休上班日；在办案件的法定期限随之重新计算', params: dayParams, body: calendarDayBody, security: bearer, response: changeAnswer },
  }, async (req) => {
    refuseInvalid(req);
    return changeCalendarDay(app.db, app.temporal, req.params.day, req.body.rest, req.body.note ?? '');
  });

  app.delete<{ Params: { day: string } }>('/calendar/days/:day', {
    config: { access: 'calendar.edit' }, attachValidation: true,
    schema: { tags: ['calendar'], summary: '取消某日的单独设置（恢复按周末休息计算）；在办案件的法定期限随之重新计算', params: dayParams, security: bearer, response: changeAnswer },
  }, async (req) => {
    refuseInvalid(req);
    return changeCalendarDay(app.db, app.temporal, req.params.day, undefined);
  });
};

export default calendarRoutes;
