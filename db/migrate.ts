import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations';

export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  for (const r of results ?? []) {
    if (r.status === 'Error') console.error(`[gongqing] migration ${r.migrationName} failed`);
  }
  if (error) throw error;
}
