import { type Kysely, sql } from 'kysely';

/**
 * The holiday calendar as data (issue 16): public holidays (rest = true) and make-up working days (rest = false, 调休上班)
 * of mainland China, one row a day; every other day is a working day Monday to Friday and a rest day at the weekend.
 * District staff keep it (/staff/calendar); workflows read it through the loadCalendar activity.
 *
 * Seeded with the 2026 arrangement exactly as workflows/shared/holiday-calendar.ts had it compiled in. Source: the State
 * Council General Office's annual notice on holiday arrangements (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04,
 * published by Xinhua; every date checked against its text). The dates are written out here, not imported, so this
 * migration never changes when code does.
 */
const SEED_NOTICE = '国务院办公厅关于2026年部分节假日安排的通知';

function span(from: string, days: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export const SEED_2026: { day: string; rest: boolean; note: string }[] = [
  ...span('2026-01-01', 3).map((day) => ({ day, rest: true, note: '元旦' })),
  ...span('2026-02-15', 9).map((day) => ({ day, rest: true, note: '春节' })),
  ...span('2026-04-04', 3).map((day) => ({ day, rest: true, note: '清明节' })),
  ...span('2026-05-01', 5).map((day) => ({ day, rest: true, note: '劳动节' })),
  ...span('2026-06-19', 3).map((day) => ({ day, rest: true, note: '端午节' })),
  ...span('2026-09-25', 3).map((day) => ({ day, rest: true, note: '中秋节' })),
  ...span('2026-10-01', 7).map((day) => ({ day, rest: true, note: '国庆节' })),
  { day: '2026-01-04', rest: false, note: '元旦调休上班' },
  { day: '2026-02-14', rest: false, note: '春节调休上班' },
  { day: '2026-02-28', rest: false, note: '春节调休上班' },
  { day: '2026-05-09', rest: false, note: '劳动节调休上班' },
  { day: '2026-09-20', rest: false, note: '国庆节调休上班' },
  { day: '2026-10-10', rest: false, note: '国庆节调休上班' },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('rest', 'boolean', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.insertInto('calendar_days').values(SEED_2026.map((d) => ({ ...d, note: `${d.note}（${SEED_NOTICE}）` }))).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_days').execute();
}
