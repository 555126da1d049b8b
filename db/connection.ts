import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PreparingClient } from './prepared-statements';
import type { Database } from './schema';

// bigint columns hold money in fen; values stay far below 2^53, so plain numbers are safe and simpler downstream.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// bigint[] (an e-mail's document ids) likewise: numbers, not the driver's default strings.
const INT8_ARRAY = 1016 as Parameters<typeof pg.types.setTypeParser>[0];
pg.types.setTypeParser(INT8_ARRAY, (v: string) => (v === '{}' ? [] : v.slice(1, -1).split(',').map(Number)));

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: start through scripts/start.sh or scripts/test.sh');
  return url;
}

export function createDb(url = databaseUrl(), poolSize = Number(process.env.GONGQING_PG_POOL ?? 10)): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  // When PostgreSQL restarts, its connections are cut: an idle one is dropped by the pool, a checked-out one fails the
  // query in hand (the activity retries). Without these listeners node treats the 'error' event as fatal and exits.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
