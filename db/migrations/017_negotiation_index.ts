import { type Kysely, sql } from 'kysely';

/**
 * The negotiation index (DOMAIN §5, issue 22):
 * - negotiation_index_trees: the indicator tree as versioned data; version 1 is the shipped tree
 *   (workflows/shared/negotiation-index/tree.json, saved on first use), each edit of the city union a new version with
 *   who saved it and when. Versions are never changed, so a past year's scores can be explained by the tree of then.
 * - negotiation_index_values: the values staff entered per enterprise, year and leaf code, with who and when; the
 *   computed values are not stored but read from the wage-negotiation tables and the cases (db/queries).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('negotiation_index_trees')
    .addColumn('version', 'integer', (c) => c.primaryKey().check(sql`version >= 1`))
    .addColumn('tree', 'jsonb', (c) => c.notNull())
    .addColumn('saved_by', 'integer', (c) => c.references('staff_users.id'))
    .addColumn('saved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('negotiation_index_values')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('entered_by', 'integer', (c) => c.notNull().references('staff_users.id'))
    .addColumn('entered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('negotiation_index_values_pk', ['enterprise_id', 'year', 'code'])
    .execute();
  // The roll-up reads a whole year at once.
  await db.schema.createIndex('negotiation_index_values_year').on('negotiation_index_values').column('year').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('negotiation_index_values').execute();
  await db.schema.dropTable('negotiation_index_trees').execute();
}
