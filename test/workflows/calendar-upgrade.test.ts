/**
 * A grievance started before the calendar became data (issue 16) ignores calendarChanged harmlessly. The case is started
 * on the code of a218bf0 (the holiday calendar compiled in, no 'calendar-as-data' patch) and taken to its outcome step;
 * then the current worker takes the queue over and a holiday is declared on the step's last day. The old case keeps the
 * due time it was given, reads no calendar, records nothing, fails no workflow task, and still finishes.
 */
import type { WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { workflowCode } from '../../worker';
import { calendarChangedSignal } from '../../workflows/shared/calendar-signals';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { grievanceActUpdate, grievanceViewQuery } from '../../workflows/shared/definitions';
import type { ActionCommand } from '../../workflows/kinds/grievance/model';
import { caseworker, grievanceInput, worker as complainant, toOutcomeStep } from '../helpers/grievance-fixtures';
import { useUpgrade } from '../helpers/old-version';
import { RecordingActivities } from '../helpers/recording-activities';
import { eventually } from '../helpers/time-skipping';

const { temporal } = proto; // a CommonJS package: named ESM imports don't resolve
const EventType = temporal.api.enums.v1.EventType;
/** the last commit before the calendar became data */
const BEFORE = 'a218bf0';
const taskQueue = 'calendar-upgrade';

const { ctx, runWorker } = useUpgrade(BEFORE);
const rec = new RecordingActivities();

const markersMentioning = async (handle: WorkflowHandle, text: string) => ((await handle.fetchHistory()).events ?? [])
  .filter((e) => e.markerRecordedEventAttributes && Object.values(e.markerRecordedEventAttributes.details ?? {})
    .some((p) => (p.payloads ?? []).some((x) => x.data && Buffer.from(x.data).toString('utf8').includes(text)))).length;

describe(`a grievance started on ${BEFORE} (calendar compiled in)`, () => {
  it('ignores calendarChanged on the current code and finishes', { timeout: 120_000 }, async () => {
    const e = ctx.env;
    const input = grievanceInput();
    const workflowId = `grievance-${input.caseNo}`;
    // No workflow cache on the old worker: the test server never moves a task off a stopped worker's sticky queue.
    const oldWorker = await Worker.create({
      connection: e.nativeConnection, taskQueue, workflowsPath: ctx.tree.workflowsPath, activities: rec.build(), dataConverter: gongqingDataConverter(), maxCachedWorkflows: 0,
    });
    const stopOld = await runWorker(oldWorker);
    const handle = await e.client.workflow.start('grievance', { taskQueue, workflowId, args: [input] });
    const act = (cmd: Omit<ActionCommand, 'actor'>, actor: ActionCommand['actor'] = caseworker) =>
      handle.executeUpdate(grievanceActUpdate, { args: [{ ...cmd, actor } as ActionCommand] });
    await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.length === 1);
    await toOutcomeStep((cmd) => act(cmd));
    const task = await eventually(async () => (await handle.query(grievanceViewQuery)).openTasks.find((t) => t.kind === 'outcome'));
    await stopOld();

    const newWorker = await Worker.create({ connection: e.nativeConnection, taskQueue, ...(await workflowCode()), activities: rec.build(), dataConverter: gongqingDataConverter() });
    await runWorker(newWorker);
    const lastDay = shanghaiDate(Date.parse(task.dueAt));
    rec.calendar.set(lastDay, true);
    const before = (await handle.fetchHistory()).events!.length;
    await handle.signal(calendarChangedSignal, { version: 'after-upgrade' });
    // The signal handled: a workflow task completed after it (on the new worker, which replayed the case first).
    await eventually(async () => {
      const events = (await handle.fetchHistory()).events!;
      const signalled = events.findIndex((ev, i) => i >= before && ev.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
      return signalled >= 0 && events.slice(signalled).some((ev) => ev.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    });

    const view = await handle.query(grievanceViewQuery);
    expect(view.openTasks.find((t) => t.taskId === task.taskId)?.dueAt).toBe(task.dueAt);
    expect(rec.eventsOf(input.caseNo).map((ev) => ev.type)).not.toContain('deadlines_recomputed');
    expect(rec.eventsOf(input.caseNo).map((ev) => ev.type)).not.toContain('task_rescheduled');
    expect(await markersMentioning(handle, 'persistTransition')).toBeGreaterThan(0); // the markers are readable here
    expect(await markersMentioning(handle, 'loadCalendar')).toBe(0);
    expect(await markersMentioning(handle, 'calendar-as-data')).toBe(0);

    await act({ action: 'withdraw', payload: { reason: '已自行解决' } } as never, complainant);
    expect(await handle.result()).toMatchObject({ caseNo: input.caseNo, outcome: 'withdrawn' });
    const failed = (await handle.fetchHistory()).events!.filter((ev) => ev.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
    expect(failed).toEqual([]);
    rec.calendar.delete(lastDay);
  });
});
