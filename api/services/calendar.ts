/**
 * Changing the holiday calendar (issue 16) and telling the running cases. The write and the version before and after
 * it are one transaction under a table lock, so two staff members editing at once each see the version their own
 * change made. Then the calendar sweep (workflows/calendar-sweep.ts) is started with the id of that version.
 */
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { sql, type Kysely } from 'kysely';
import { calendarVersion, clearCalendarDay, listCalendarDays, setCalendarDay } from '../../db/queries/calendar';
import type { Database } from '../../db/schema';
import { temporalConfig } from '../../temporal.config';
import type { calendarSweep } from '../../workflows/calendar-sweep';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { badRequest, unavailable } from '../errors';

/**
 * Days that may be set: from the start of last year to the end of the year after next. Holiday notices come out a
 * couple of months ahead; a year far off is a typing error, and last year stays open for corrections.
 */
export function editableRange(now = Date.now()): { from: string; to: string } {
  const year = Number(shanghaiDate(now).slice(0, 4));
  return { from: `${year - 1}-01-01`, to: `${year + 2}-12-31` };
}

/** A real calendar day inside the editable range, or a zh-CN 400. */
export function checkDay(day: string, now = Date.now()): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) {
    throw badRequest(`日期不存在：“${day.slice(0, 20)}”`);
  }
  const { from, to } = editableRange(now);
  if (day < from || day > to) throw badRequest(`只能设置 ${from} 至 ${to} 之间的日期`);
  return day;
}

export interface CalendarChange {
  day: string;
  /** whether the row was written (a note alone may change) */
  saved: boolean;
  /** whether which days are rest changed, so deadlines may move (a repeated request changes nothing) */
  changed: boolean;
  version: string;
  /** the workflow id of the sweep that tells the open cases */
  sweep: string;
}

/** Sets a day (`rest` given) or clears it (`rest` undefined), then makes sure the open cases hear of it. */
export async function changeCalendarDay(db: Kysely<Database>, temporal: Client, day: string, rest: boolean | undefined, note = ''): Promise<CalendarChange> {
  checkDay(day);
  const { before, after, saved } = await db.transaction().execute(async (trx) => {
    await sql`lock table calendar_days in share row exclusive mode`.execute(trx);
    const before = calendarVersion(await listCalendarDays(trx));
    const saved = rest === undefined ? await clearCalendarDay(trx, day) : await setCalendarDay(trx, day, rest, note);
    return { before, saved, after: calendarVersion(await listCalendarDays(trx)) };
  });
  const changed = before !== after;
  return { day, saved, changed, version: after, sweep: await startSweep(temporal, after, changed) };
}

/**
 * One sweep per calendar version (`calendar-sweep-<version>`):
 * - after a change, a new sweep, even when one of that version ran before (a day set, cleared and set again) or still
 *   runs: that one may already have passed cases that then heard of the version in between, so it is replaced;
 * - after a request that changed nothing (a double click, a retry after a lost answer), the sweep of the version is
 *   started only if none ran to its end: a request whose write landed but whose sweep never started (the API died
 *   between the two) is made good by its retry, and a mere repetition signals nobody twice.
 * A sweep that cannot be started answers 503: the change is saved, and sending the same request again starts it.
 */
export async function startSweep(temporal: Client, version: string, changed: boolean): Promise<string> {
  const workflowId = `calendar-sweep-${version}`;
  const options = { taskQueue: temporalConfig.taskQueue, workflowId, args: [{ version }] as [{ version: string }] };
  try {
    await temporal.workflow.start<typeof calendarSweep>('calendarSweep', changed
      ? { ...options, workflowIdReusePolicy: 'ALLOW_DUPLICATE', workflowIdConflictPolicy: 'TERMINATE_EXISTING' }
      : { ...options, workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY', workflowIdConflictPolicy: 'USE_EXISTING' });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw unavailable();
  }
  return workflowId;
}
