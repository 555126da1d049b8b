import { type Kysely, sql } from 'kysely';

/**
 * Cases that belong together (issue 20): a parent and the child it handed over (grievance → the station's mediation →
 * legal aid), or cases merely related. One row per pair, read from the parent (`case_no`) or, by the index on
 * `linked_case_no`, from the child. Existing mediations handed over by a grievance say so in their first event
 * (`mediation_applied`, data.parentCaseNo); those links are written here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_links')
    .addColumn('case_no', 'text', (c) => c.notNull().references('cases.case_no'))
    .addColumn('linked_case_no', 'text', (c) => c.notNull().references('cases.case_no'))
    .addColumn('relation', 'text', (c) => c.notNull().check(sql`relation in ('child','related')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_links_pk', ['case_no', 'linked_case_no'])
    .addCheckConstraint('case_links_not_itself', sql`case_no <> linked_case_no`)
    .execute();
  await db.schema.createIndex('case_links_by_linked').on('case_links').column('linked_case_no').execute();

  await sql`
    insert into case_links (case_no, linked_case_no, relation, created_at)
    select e.data->>'parentCaseNo', e.case_no, 'child', c.created_at
    from case_events e
    join cases c on c.case_no = e.case_no
    join cases parent on parent.case_no = e.data->>'parentCaseNo'
    where e.type = 'mediation_applied' and e.case_no <> parent.case_no
    on conflict do nothing`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_links').execute();
}
