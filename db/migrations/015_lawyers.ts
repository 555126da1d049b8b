import { type Kysely, sql } from 'kysely';

/**
 * Legal aid's lawyers (DOMAIN §4): a legal-aid lawyer's firm and the address their assignment letters are e-mailed to
 * (lawyer_profiles, beside their staff account); what they declared that could stand in the way of representing a
 * worker (lawyer_declarations: relatives, former clients); and who represented whom in which case (case_counsel), so
 * that before a lawyer is assigned, the case's parties can be checked against both.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lawyer_profiles')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('staff_users.id'))
    .addColumn('firm', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('accepts_cases', 'boolean', (c) => c.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('lawyer_declarations')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('relative','former_client')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('relation', 'text')
    .addColumn('declared_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // Declaring the same person twice says nothing new (and lets a seed run again).
    .addUniqueConstraint('lawyer_declarations_once', ['user_id', 'kind', 'name'])
    .execute();

  await db.schema
    .createTable('case_counsel')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().references('cases.case_no'))
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text')
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('worker','employer')`))
    .addColumn('lawyer_name', 'text', (c) => c.notNull())
    .addColumn('firm', 'text')
    .addColumn('lawyer_user_id', 'integer', (c) => c.references('staff_users.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    // One row per case, party and lawyer: a retried transition records nothing twice.
    .addUniqueConstraint('case_counsel_once', ['case_no', 'party_name', 'lawyer_name'])
    .execute();
  // The conflict check looks counsel up by the party (enterprise or name) and by the lawyer's firm.
  await db.schema.createIndex('case_counsel_by_enterprise').on('case_counsel').column('enterprise_id').execute();
  await db.schema.createIndex('case_counsel_by_party').on('case_counsel').column('party_name').execute();
  await db.schema.createIndex('case_counsel_by_firm').on('case_counsel').column('firm').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_counsel').execute();
  await db.schema.dropTable('lawyer_declarations').execute();
  await db.schema.dropTable('lawyer_profiles').execute();
}
