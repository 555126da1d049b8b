import { type Kysely, sql } from 'kysely';

/**
 * Wrong agreement codes counted per case, draft and phone, whether or not the phone belongs to a party: the answer to
 * a stranger's phone must look like the answer to a party's (5 tries, then refused), or the form tells who is a party.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreement_code_tries')
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('agreement_code_tries_pk', ['case_no', 'version', 'phone'])
    .execute();
  // Counted here now, for every phone; the per-party count of 010 is no longer read.
  await db.schema.alterTable('agreement_codes').dropColumn('failures').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('agreement_codes').addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.dropTable('agreement_code_tries').execute();
}
