import { type Kysely, sql } from 'kysely';

/** Case events are the audit trail (全过程溯源): the database itself refuses to change or delete one. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function case_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'case_events is append-only';
    end $$`.execute(db);
  await sql`
    create trigger case_events_append_only before update or delete on case_events
    for each row execute function case_events_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger case_events_append_only on case_events`.execute(db);
  await sql`drop function case_events_append_only()`.execute(db);
}
