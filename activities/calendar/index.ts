/**
 * The holiday calendar as data (issue 16): workflows load it through this local activity instead of compiling it in,
 * and the calendar sweep lists the open cases to tell of a change. Both are plain reads, so retries are harmless.
 */
import type { Kysely } from 'kysely';
import { calendarVersion, listCalendarDays, openCaseWorkflows } from '../../db/queries/calendar';
import type { Database } from '../../db/schema';
import type { CalendarData } from '../types';

export function createCalendarActivities(db: Kysely<Database>) {
  return {
    async loadCalendar(): Promise<CalendarData> {
      const days = await listCalendarDays(db);
      return {
        holidays: days.filter((d) => d.rest).map((d) => d.day),
        makeUpWorkdays: days.filter((d) => !d.rest).map((d) => d.day),
        version: calendarVersion(days),
      };
    },
    async listOpenCaseWorkflows(q: { after: string | null; limit: number }): Promise<string[]> {
      return openCaseWorkflows(db, q.after, q.limit);
    },
  };
}
