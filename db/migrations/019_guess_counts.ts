import type { Kysely } from 'kysely';

/**
 * The guess limits' counters (api/guess-limits.ts), shared by every API instance behind the load balancer: one row per
 * limit, client address and target, counted in a fixed window. The key is stored as a SHA-256 digest, since it holds a
 * client's address and sometimes a phone number or user name, none of which the count needs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('guess_counts')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('tries', 'integer', (c) => c.notNull())
    .addColumn('window_ends', 'timestamptz', (c) => c.notNull())
    .execute();
  // the housekeeping deletes the windows that have ended
  await db.schema.createIndex('guess_counts_window_ends').on('guess_counts').column('window_ends').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('guess_counts').execute();
}
