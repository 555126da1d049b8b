import { type Kysely, sql } from 'kysely';

/**
 * The one-time codes parties of a mediation confirm a drafted agreement with (issue 16): written by the SMS activity
 * as it texts each code (only a hash), checked by the API, which counts wrong tries per party and draft.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreement_codes')
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('party_no', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('used_at', 'timestamptz')
    .addPrimaryKeyConstraint('agreement_codes_pk', ['case_no', 'party_no', 'version'])
    .execute();
  await db.schema.createIndex('agreement_codes_by_phone').on('agreement_codes').columns(['case_no', 'phone']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agreement_codes').execute();
}
