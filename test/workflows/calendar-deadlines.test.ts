/**
 * The holiday calendar as data (issue 16), with time skipping: a grievance waits in its outcome step (the 15-day
 * mediation period); a holiday is then declared on the period's last day and the calendar sweep tells the case, which
 * moves the step's due time to the next working day and records why. A holiday after the deadline moves nothing.
 */
import { describe, expect, it } from 'vitest';
import { calendarChangedSignal } from '../../workflows/shared/calendar-signals';
import { isRestDay, shanghaiDate } from '../../workflows/shared/deadlines';
import { grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import type { ActionCommand } from '../../workflows/kinds/grievance/model';
import { caseworker, grievanceInput, toOutcomeStep } from '../helpers/grievance-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const DAY = 86_400_000;
const taskQueue = 'calendar-deadlines';
const ctx = useRecordingWorker(taskQueue);

/** A grievance advanced to its outcome step; answers the handle and the outcome task as the live view shows it. */
async function atOutcomeStep() {
  const input = grievanceInput();
  const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
  const act = (cmd: Omit<ActionCommand, 'actor'>) => handle.executeUpdate(grievanceActUpdate, { args: [{ ...cmd, actor: caseworker } as ActionCommand] });
  await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
  await toOutcomeStep((cmd) => act(cmd));
  const task = await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.find((t) => t.kind === 'outcome'));
  return { input, handle, task };
}

const calendar = () => ({ holidays: new Set([...ctx.rec.calendar].filter(([, r]) => r).map(([d]) => d)), makeUpWorkdays: new Set([...ctx.rec.calendar].filter(([, r]) => !r).map(([d]) => d)) });
function nextWorkingDay(day: string): string {
  let t = Date.parse(`${day}T00:00:00Z`) + DAY;
  while (isRestDay(new Date(t).toISOString().slice(0, 10), calendar())) t += DAY;
  return new Date(t).toISOString().slice(0, 10);
}
const eventsOf = (caseNo: string, type: string) => ctx.rec.eventsOf(caseNo).filter((e) => e.type === type);
/** how many times the case has read the calendar (each a local activity marker in its history) */
async function calendarLoads(handle: Awaited<ReturnType<typeof atOutcomeStep>>['handle']): Promise<number> {
  const history = await handle.fetchHistory();
  const marked = (history.events ?? []).map((e) => e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data).filter((d) => d != null);
  return marked.filter((d) => Buffer.from(d!).toString('utf8').includes('"loadCalendar"')).length;
}

describe('statutory deadlines follow the holiday calendar (time skipping)', () => {
  it('moves a waiting deadline to the next working day when its last day becomes a holiday', async () => {
    const { input, handle, task } = await atOutcomeStep();
    const lastDay = shanghaiDate(Date.parse(task.dueAt));
    const taskRow = ctx.rec.tasks.get(task.taskId)!;
    expect(taskRow.dueAt).toBe(task.dueAt);

    ctx.rec.calendar.set(lastDay, true);
    const expected = nextWorkingDay(lastDay);
    // Through the sweep, as the calendar endpoint does it: it lists the open cases and signals each.
    const sweep = await ctx.env.client.workflow.start('calendarSweep', { taskQueue, workflowId: `calendar-sweep-test-${input.caseNo}`, args: [{ version: 'v-test-1' }] });

    const moved = await eventually(async () => {
      const view = await handle.query(grievanceViewQuery);
      const t = view.openTasks.find((x) => x.taskId === task.taskId);
      return t && t.dueAt !== task.dueAt && t;
    });
    expect(moved.dueAt).toBe(new Date(Date.parse(`${expected}T23:59:59.999+08:00`)).toISOString());
    await eventually(() => ctx.rec.tasks.get(task.taskId)!.dueAt === moved.dueAt);

    const [recomputed] = eventsOf(input.caseNo, 'deadlines_recomputed');
    expect(recomputed.data).toMatchObject({ label: '15日调解期限', fromDay: lastDay, toDay: expected, from: task.dueAt, to: moved.dueAt });
    expect(recomputed.summary).toBe(`节假日安排调整：“15日调解期限”的期限由 ${lastDay} 顺延至 ${expected}`);
    const [rescheduled] = await eventually(() => eventsOf(input.caseNo, 'task_rescheduled').length === 1 && eventsOf(input.caseNo, 'task_rescheduled'));
    expect(rescheduled.data).toMatchObject({ taskId: task.taskId, from: task.dueAt, to: moved.dueAt });
    expect(recomputed.seq).toBeLessThan(rescheduled.seq);
    await eventually(async () => (await sweep.describe()).status.name === 'COMPLETED');
    ctx.rec.calendar.delete(lastDay);
  });

  it('leaves the deadline alone when the new holiday falls after it, and a repeated signal changes nothing', async () => {
    const { input, handle, task } = await atOutcomeStep();
    const after = shanghaiDate(Date.parse(task.dueAt) + 3 * DAY);
    const loads = await calendarLoads(handle);
    ctx.rec.calendar.set(after, true);
    await handle.signal(calendarChangedSignal, { version: 'v-test-2' });
    await handle.signal(calendarChangedSignal, { version: 'v-test-2' });
    // Both signals handled (each reads the calendar once): whatever they would have written is written by then.
    await eventually(async () => (await calendarLoads(handle)) >= loads + 2);
    const view = await handle.query(grievanceViewQuery);
    expect(view.openTasks.find((t) => t.taskId === task.taskId)?.dueAt).toBe(task.dueAt);
    expect(ctx.rec.tasks.get(task.taskId)!.dueAt).toBe(task.dueAt);
    expect(eventsOf(input.caseNo, 'deadlines_recomputed')).toEqual([]);
    expect(eventsOf(input.caseNo, 'task_rescheduled')).toEqual([]);
    ctx.rec.calendar.delete(after);
  });

  it('ignores the signal in a case that counts no statutory period yet', async () => {
    const input = grievanceInput();
    const handle = await ctx.env.client.workflow.start('grievance', { taskQueue, workflowId: `grievance-${input.caseNo}`, args: [input] });
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    await handle.signal(calendarChangedSignal, { version: 'v-test-3' });
    expect((await handle.query(grievanceViewQuery)).stage).toBe('contact');
    expect(await calendarLoads(handle)).toBe(0);
  });
});
