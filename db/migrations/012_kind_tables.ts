import { type Kysely, sql } from 'kysely';

/**
 * `cases` keeps what every kind has (issue 20): number, kind, workflow, district/street/enterprise, status, stage,
 * level, the headline party (name, phone) and the group's count and claim, outcome, amount recovered, rating, when the
 * enterprise's union was told (visibility reads it for any kind that tells it), times. What only one kind has goes to a
 * table of that kind, keyed by case number: the grievance's category and description, the mediation's dispute (which
 * it had stored as `description`, with the placeholder category 'mediation'). Every existing row is copied first; a
 * row of a kind this migration does not know stops it before any column is dropped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grievance_cases')
    .addColumn('case_no', 'text', (c) => c.primaryKey().references('cases.case_no'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('mediation_cases')
    .addColumn('case_no', 'text', (c) => c.primaryKey().references('cases.case_no'))
    .addColumn('dispute', 'text', (c) => c.notNull())
    .execute();

  const unknown = await sql<{ kind: string }>`select distinct kind from cases where kind not in ('grievance', 'mediation')`.execute(db);
  if (unknown.rows.length > 0) {
    throw new Error(`cases of kinds ${unknown.rows.map((r) => r.kind).join(', ')} have no table for their facts yet; nothing was changed`);
  }
  await sql`insert into grievance_cases (case_no, category, description) select case_no, category, description from cases where kind = 'grievance'`.execute(db);
  await sql`insert into mediation_cases (case_no, dispute) select case_no, description from cases where kind = 'mediation'`.execute(db);

  await db.schema.alterTable('cases').dropColumn('category').execute();
  await db.schema.alterTable('cases').dropColumn('description').execute();
  // Not every kind's headline party gives a phone (a mediation registered before its workers, a wage round's union).
  await db.schema.alterTable('cases').alterColumn('complainant_phone', (c) => c.dropNotNull()).execute();
  // Such a mediation had stored an empty phone for want of a null.
  await sql`update cases set complainant_phone = null where complainant_phone = ''`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update cases set complainant_phone = '' where complainant_phone is null`.execute(db);
  await db.schema.alterTable('cases').alterColumn('complainant_phone', (c) => c.setNotNull()).execute();
  await db.schema.alterTable('cases').addColumn('category', 'text').execute();
  await db.schema.alterTable('cases').addColumn('description', 'text').execute();
  await sql`update cases c set category = g.category, description = g.description from grievance_cases g where g.case_no = c.case_no`.execute(db);
  await sql`update cases c set category = 'mediation', description = m.dispute from mediation_cases m where m.case_no = c.case_no`.execute(db);
  await sql`update cases set category = kind, description = '' where category is null`.execute(db);
  await db.schema.alterTable('cases').alterColumn('category', (c) => c.setNotNull()).execute();
  await db.schema.alterTable('cases').alterColumn('description', (c) => c.setNotNull()).execute();
  await db.schema.dropTable('mediation_cases').execute();
  await db.schema.dropTable('grievance_cases').execute();
}
