/** The holiday calendar (migration 009): read by the loadCalendar activity and the staff page, written by district staff. */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

export interface CalendarDay { day: string; rest: boolean; note: string; updatedAt: Date }

/** Every day set, oldest first; `day` as YYYY-MM-DD (to_char: pg would parse a date into a local-time Date). */
export async function listCalendarDays(db: Kysely<Database>): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('calendar_days')
    .select([sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'), 'rest', 'note', 'updated_at'])
    .orderBy('calendar_days.day').execute();
  return rows.map((r) => ({ day: r.day, rest: r.rest, note: r.note, updatedAt: r.updated_at as Date }));
}

/**
 * A version of what deadlines depend on (which day is rest and which is work; notes are left out): the same days give
 * the same version, so a workflow and the sweep can tell a change, and a change that is undone gives the old one back.
 */
export function calendarVersion(days: readonly { day: string; rest: boolean }[]): string {
  const canonical = [...days].sort((a, b) => a.day.localeCompare(b.day)).map((d) => `${d.day}:${d.rest ? 'R' : 'W'}`).join('\n');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Sets one day; answers whether it changed anything (a repeated request changes nothing). */
export async function setCalendarDay(db: Kysely<Database>, day: string, rest: boolean, note: string): Promise<boolean> {
  const res = await db.insertInto('calendar_days').values({ day, rest, note, updated_at: new Date() })
    .onConflict((oc) => oc.column('day').doUpdateSet({ rest, note, updated_at: new Date() })
      .where((eb) => eb.or([eb('calendar_days.rest', '<>', rest), eb('calendar_days.note', '<>', note)])))
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Clears one day (it follows the weekday again); answers whether there was one. */
export async function clearCalendarDay(db: Kysely<Database>, day: string): Promise<boolean> {
  const res = await db.deleteFrom('calendar_days').where(sql<boolean>`day = ${day}::date`).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Open cases' workflows, a page at a time in workflow id order (the calendar sweep signals each). */
export async function openCaseWorkflows(db: Kysely<Database>, after: string | null, limit: number): Promise<string[]> {
  let q = db.selectFrom('cases').select('workflow_id').where('status', '=', 'open').orderBy('workflow_id').limit(limit);
  if (after !== null) q = q.where('workflow_id', '>', after);
  return (await q.execute()).map((r) => r.workflow_id);
}
