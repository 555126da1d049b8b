/**
 * A bench section run on its own (`npx tsx bench/<section>.ts` with DATABASE_URL set): the database migrated and
 * seeded with the demo first, the section's report printed, its progress on stderr.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function runStandalone(measure: (db: Kysely<Database>, quick: boolean, log: (s: string) => void) => Promise<string>): Promise<void> {
  const { createDb } = await import('../../db/connection');
  const { migrateToLatest } = await import('../../db/migrate');
  const { seedDemo } = await import('../../db/seed/seed-demo');
  const db = createDb(process.env.DATABASE_URL, 5);
  try {
    await migrateToLatest(db);
    await seedDemo(db);
    console.log(await measure(db, process.env.BENCH_QUICK === '1', (s) => console.error(s)));
  } finally {
    await db.destroy();
  }
}
