import { type Kysely, sql } from 'kysely';

/**
 * Finding cases (issue 23). The list pages by (created_at, case_no) descending within a viewer's district or street,
 * so each scope gets an index in that order: a page is then an index range scan that stops after its rows, however
 * many cases there are. Overdue is "an open task past its due time": a partial index of open tasks by case keeps that
 * test cheap. Saved filters are a staff member's own, by name.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_district_created on cases (district_id, created_at desc, case_no desc)`.execute(db);
  await sql`create index cases_street_created on cases (street_id, created_at desc, case_no desc)`.execute(db);
  await sql`create index tasks_open_due on tasks (case_no, due_at) where status = 'open'`.execute(db);
  await db.schema
    .createTable('saved_case_filters')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // the filter as its query string (the page's own parameters), so a saved filter opens as a link
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('saved_case_filters_user_name', ['user_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('saved_case_filters').execute();
  for (const i of ['tasks_open_due', 'cases_street_created', 'cases_district_created']) await db.schema.dropIndex(i).execute();
}
