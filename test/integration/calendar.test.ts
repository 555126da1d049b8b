/**
 * The holiday calendar as data, end to end (issue 16): district staff declare a holiday on the last day of an open
 * case's mediation period through the API; the calendar sweep signals the case; its outcome task's due time in
 * Postgres moves to the next working day and the case's events say why. Clearing the day moves it back. Bad input is
 * refused in zh-CN and writes nothing; only district staff may change the calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSweep } from '../../api/services/calendar';
import { listCalendarDays } from '../../db/queries/calendar';
import { isRestDay, shanghaiDate } from '../../workflows/shared/deadlines';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker, freshPhone } from '../helpers/worker-proof';

const DAY = 86_400_000;
let sys: System;
let api: ReturnType<typeof apiClient>;
let staff: string;
let caseNo: string;

beforeAll(async () => {
  sys = await startSystem('calendar');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  staff = await api.login('xihu.qb');
  const caseworker = await api.login('beishan.sg');
  ({ caseNo } = await fileAsWorker(sys, { complainantPhone: freshPhone() }));
  const act = async (action: string, payload: Record<string, unknown>) => {
    await eventually(async () => (await api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, payload, caseworker)).status === 200, 20_000);
  };
  await act('contactComplainant', { note: '已联系' });
  await act('notifyEnterpriseNow', { reason: '职工同意' });
  await act('verifyWithEnterprise', { note: '已核实' });
  await act('urgeMediation', { note: '已督促' });
}, 120_000);

afterAll(async () => {
  await sys?.stop();
});

const outcomeTask = () => sys.db.selectFrom('tasks').select(['task_id', 'due_at']).where('case_no', '=', caseNo).where('kind', '=', 'outcome').where('status', '=', 'open').executeTakeFirst();
const events = (type: string) => sys.db.selectFrom('case_events').select(['type', 'summary', 'data']).where('case_no', '=', caseNo).where('type', '=', type).orderBy('seq').execute();
/** polls Postgres until the outcome task's due time is no longer `from` (a deadline, not a bare sleep) */
const dueMovedFrom = (from: number) => eventually(async () => {
  const t = await outcomeTask();
  return t && t.due_at.getTime() !== from && t.due_at.getTime();
}, 30_000);

async function nextWorkingDay(day: string): Promise<string> {
  const days = await listCalendarDays(sys.db);
  const cal = { holidays: new Set(days.filter((d) => d.rest).map((d) => d.day)), makeUpWorkdays: new Set(days.filter((d) => !d.rest).map((d) => d.day)) };
  let t = Date.parse(`${day}T00:00:00Z`) + DAY;
  while (isRestDay(new Date(t).toISOString().slice(0, 10), cal)) t += DAY;
  return new Date(t).toISOString().slice(0, 10);
}
/** how many times the case's workflow has read the calendar: once for its mediation period, once per signal since */
async function calendarLoads(): Promise<number> {
  const history = await sys.temporal.workflow.getHandle(`grievance-${caseNo}`).fetchHistory();
  const marked = (history.events ?? []).map((e) => e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data).filter((d) => d != null);
  return marked.filter((d) => Buffer.from(d!).toString('utf8').includes('"loadCalendar"')).length;
}
const endOf = (day: string) => Date.parse(`${day}T23:59:59.999+08:00`);

describe('the holiday calendar, through the API, with the real dev server and Postgres', () => {
  it('moves an open case\'s deadline when its last day becomes a holiday, and back when the day is cleared', async () => {
    const task = await eventually(outcomeTask, 20_000);
    const due = task.due_at.getTime();
    const lastDay = shanghaiDate(due);

    const put = await api.call('PUT', `/api/v1/calendar/days/${lastDay}`, { rest: true, note: '临时放假（测试）' }, staff);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ day: lastDay, saved: true, changed: true, sweep: `calendar-sweep-${put.body.version}` });
    const expected = await nextWorkingDay(lastDay);
    expect(await dueMovedFrom(due)).toBe(endOf(expected));

    const [recomputed] = await eventually(async () => (await events('deadlines_recomputed')).length === 1 && events('deadlines_recomputed'), 10_000);
    expect(recomputed.data).toMatchObject({ fromDay: lastDay, toDay: expected, calendarVersion: put.body.version });
    expect(recomputed.summary).toContain(`由 ${lastDay} 顺延至 ${expected}`);
    const [rescheduled] = await eventually(async () => (await events('task_rescheduled')).length === 1 && events('task_rescheduled'), 10_000);
    expect(rescheduled.data).toMatchObject({ taskId: task.task_id, to: new Date(endOf(expected)).toISOString() });

    // The same request again (a double click, a retry): nothing changes, no second sweep, nothing recorded.
    const again = await api.call('PUT', `/api/v1/calendar/days/${lastDay}`, { rest: true, note: '临时放假（测试）' }, staff);
    expect(again.body).toMatchObject({ saved: false, changed: false, version: put.body.version, sweep: put.body.sweep });
    await eventually(async () => (await sys.temporal.workflow.getHandle(put.body.sweep).describe()).status.name === 'COMPLETED', 20_000);
    expect(await sys.temporal.workflow.getHandle(put.body.sweep).result()).toMatchObject({ signalled: 1, gone: 0 });

    const del = await api.call('DELETE', `/api/v1/calendar/days/${lastDay}`, undefined, staff);
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect(del.body.changed).toBe(true);
    expect(await dueMovedFrom(endOf(expected))).toBe(due);
    const back = await eventually(async () => (await events('deadlines_recomputed')).length === 2 && events('deadlines_recomputed'), 10_000);
    expect(back[1].summary).toContain(`由 ${expected} 提前至 ${lastDay}`);
  }, 90_000);

  it('leaves the deadline where it is when the new holiday falls after it', async () => {
    const before = (await outcomeTask())!.due_at.getTime();
    const later = shanghaiDate(before + 5 * DAY);
    const loads = await calendarLoads();
    const put = await api.call('PUT', `/api/v1/calendar/days/${later}`, { rest: true, note: '之后的假日' }, staff);
    expect(put.body.changed).toBe(true);
    // The case has handled the signal once it has read the calendar again (a local activity marker in its history);
    // what it would have written is written in that same workflow task.
    await eventually(async () => (await calendarLoads()) === loads + 1, 20_000);
    expect((await outcomeTask())!.due_at.getTime()).toBe(before);
    expect(await events('deadlines_recomputed')).toHaveLength(2);
  });

  it('refuses bad input in zh-CN, writes nothing, and lets only district staff change the calendar', async () => {
    const count = async () => (await listCalendarDays(sys.db)).length;
    const n = await count();
    const year = new Date().getUTCFullYear();
    // A day outside the range that may be set is well-formed: refused by a rule that moves with today's date (422).
    for (const day of ['1900-01-01', `${year + 40}-01-01`]) {
      const r = await api.call('PUT', `/api/v1/calendar/days/${day}`, { rest: true }, staff);
      expect([r.status, r.body.message], day).toEqual([422, expect.stringMatching(/^只能设置 \d{4}-01-01 至 \d{4}-12-31 之间的日期$/)]);
    }
    const missing = await api.call('PUT', `/api/v1/calendar/days/${year + 1}-02-30`, { rest: true }, staff);
    expect([missing.status, missing.body.message]).toEqual([400, `日期不存在：“${year + 1}-02-30”`]);
    const bad: [string, unknown][] = [
      [`${year + 1}-02-30`, { rest: true }], ['2026-1-1', { rest: true }],
      [`${year + 1}-03-03`, { rest: 'true' }], [`${year + 1}-03-03`, { rest: 1 }], [`${year + 1}-03-03`, { rest: null }], [`${year + 1}-03-03`, {}],
      [`${year + 1}-03-03`, { rest: true, note: 'x'.repeat(101) }], [`${year + 1}-03-03`, { rest: true, extra: 1 }],
    ];
    for (const [day, body] of bad) {
      const r = await api.call('PUT', `/api/v1/calendar/days/${day}`, body, staff);
      expect(r.status, `${day} ${JSON.stringify(body)}`).toBe(400);
      expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await api.call('DELETE', '/api/v1/calendar/days/2026-13-01', undefined, staff)).status).toBe(400);
    const caseworker = await api.login('beishan.sg');
    const refused = await api.call('PUT', `/api/v1/calendar/days/${year + 1}-03-03`, { rest: true }, caseworker);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('您的角色无权设置节假日安排');
    expect(await count()).toBe(n);
  });

  it('sets and clears a day through the staff page\'s forms, and shows a refusal inside the page', async () => {
    const day = `${new Date().getUTCFullYear() + 1}-03-03`;
    const form = (path: string, body: Record<string, string>) => fetch(`${sys.baseUrl}${path}`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams(body).toString(),
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    const set = await form('/staff/calendar', { day, dayType: 'work', note: '调休上班（测试）' });
    expect(set.status).toBe(303);
    expect(set.headers.get('location')).toBe('/staff/calendar?done=set');
    expect((await listCalendarDays(sys.db)).find((d) => d.day === day)).toMatchObject({ rest: false, note: '调休上班（测试）' });
    const bad = await form('/staff/calendar', { day: `${day}x`, dayType: 'rest' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/role="alert">日期格式不正确/);
    const cleared = await form(`/staff/calendar/${day}/delete`, {});
    expect(cleared.headers.get('location')).toBe('/staff/calendar?done=cleared');
    expect((await listCalendarDays(sys.db)).some((d) => d.day === day)).toBe(false);
  });

  it('shows the calendar page to district staff', async () => {
    const res = await fetch(`${sys.baseUrl}/staff/calendar`, { headers: { authorization: `Bearer ${staff}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>节假日安排</h1>');
    expect(html).toContain('2026-10-01（周四）');
  });

  it('starts one sweep per version: a repetition starts none, a retry starts the one that never began, a change a new one', async () => {
    const runOf = async (id: string) => (await sys.temporal.workflow.getHandle(id).describe()).runId;
    const done = (id: string) => eventually(async () => (await sys.temporal.workflow.getHandle(id).describe()).status.name === 'COMPLETED', 20_000);
    // The write landed but the API died before starting the sweep: the retry (which changes nothing) starts it.
    const id = await startSweep(sys.temporal, 'probe-version', false);
    const first = await runOf(id);
    await done(id);
    // A repetition of the same request: the sweep of that version ran to its end, so nothing starts.
    await startSweep(sys.temporal, 'probe-version', false);
    expect(await runOf(id)).toBe(first);
    // The calendar came back to a version seen before (a day set, cleared and set again): a new sweep.
    await startSweep(sys.temporal, 'probe-version', true);
    expect(await runOf(id)).not.toBe(first);
    await done(id);
  });
});
