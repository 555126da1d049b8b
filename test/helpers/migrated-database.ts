/** A fresh database of its own for one test file, migrated to the latest schema, dropped after the file. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createDb } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';
import { createDatabase, dropDatabase } from './system';

export function useMigratedDatabase(label: string): { readonly db: Kysely<Database> } {
  const adminUrl = process.env.DATABASE_URL;
  const name = `gq_test_${label}_${randomBytes(4).toString('hex')}`;
  const held: { db?: Kysely<Database> } = {};
  beforeAll(async () => {
    if (!adminUrl) throw new Error('run integration tests through `npm test` (scripts/test.sh)');
    held.db = createDb(await createDatabase(adminUrl, name), 4);
    await migrateToLatest(held.db);
  });
  afterAll(async () => {
    await held.db?.destroy();
    if (adminUrl) await dropDatabase(adminUrl, name);
  });
  return { get db() { if (!held.db) throw new Error('the database is made in beforeAll'); return held.db; } };
}
