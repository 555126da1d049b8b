import { type Kysely, sql } from 'kysely';

/**
 * The shared core of every case kind (issue 16): a case's parties (one row per worker of a group dispute, with that
 * worker's claim, and the employer), who outside the union's line a case was assigned or addressed to (a mediator's
 * station, the arbitration institute a review request went to), and the institutions themselves with the address
 * their documents go to. Existing grievances get their complainant and enterprise as parties 1 and 2.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table org_units drop constraint if exists org_units_level_check`.execute(db);
  await sql`alter table org_units add constraint org_units_level_check check (level in ('district','street','enterprise','institution'))`.execute(db);

  await db.schema
    .createTable('institutions')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('org_units.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('arbitration','court','procuratorate','mediation_station')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('district_id', 'text', (c) => c.references('org_units.id'))
    .execute();

  await db.schema
    .createTable('case_parties')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().references('cases.case_no'))
    .addColumn('party_no', 'integer', (c) => c.notNull().check(sql`party_no >= 1`))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('worker','employer')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('id_number', 'text')
    .addColumn('enterprise_id', 'text')
    .addColumn('claimed_fen', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`claimed_fen >= 0`))
    .addColumn('agreed_fen', 'bigint', (c) => c.check(sql`agreed_fen >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('case_parties_case_party', ['case_no', 'party_no'])
    .execute();

  await db.schema
    .createTable('case_access')
    .addColumn('case_no', 'text', (c) => c.notNull().references('cases.case_no'))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('assigned','addressed')`))
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_access_pk', ['case_no', 'unit_id', 'role'])
    .execute();
  await db.schema.createIndex('case_access_by_unit').on('case_access').columns(['unit_id', 'role']).execute();

  await sql`
    insert into case_parties (case_no, party_no, side, name, phone, claimed_fen, updated_at)
    select case_no, 1, 'worker', complainant_name, complainant_phone, claimed_fen, created_at from cases`.execute(db);
  await sql`
    insert into case_parties (case_no, party_no, side, name, enterprise_id, updated_at)
    select case_no, 2, 'employer', enterprise_name, enterprise_id, created_at from cases`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_access').execute();
  await db.schema.dropTable('case_parties').execute();
  await db.schema.dropTable('institutions').execute();
  await sql`alter table org_units drop constraint org_units_level_check`.execute(db);
  await sql`alter table org_units add constraint org_units_level_check check (level in ('district','street','enterprise'))`.execute(db);
}
