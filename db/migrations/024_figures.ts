import { type Kysely, sql } from 'kysely';

/**
 * Figures over cases (issues 21 and 23). The station's figures count a few event types (the final confirmation, the
 * 调解书, the transfer letter, payments, withdrawals) by the month they happened: an index by type and time reads the
 * range's events of each type instead of every event of every mediation case. The supervisors' figures need nothing
 * new: a case's first response is a probe of case_events_case_seq, the range one of cases_district_created (023).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index case_events_type_at on case_events (type, at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_events_type_at').execute();
}
