import { type Kysely, sql } from 'kysely';

/**
 * A wage round is a case of the whole enterprise, not of counted workers: the round's workflow writes its case row
 * with worker_count 0, which the check of 002 (worker_count >= 1, for grievances) refused, so no round could be
 * written at all. The check stays for every other kind.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table cases drop constraint cases_worker_count_check`.execute(db);
  await sql`alter table cases add constraint cases_worker_count_check check (worker_count >= 1 or (kind = 'wage_negotiation' and worker_count = 0))`.execute(db);
}

/** Back to 002's check for new rows; rounds already written keep their row (not valid: existing rows are not checked). */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table cases drop constraint cases_worker_count_check`.execute(db);
  await sql`alter table cases add constraint cases_worker_count_check check (worker_count >= 1) not valid`.execute(db);
}
