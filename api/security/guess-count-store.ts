/**
 * A store for @fastify/rate-limit that counts in PostgreSQL, so that every API instance behind the load balancer draws
 * on one count per key: two instances together still allow only `max` tries. One atomic upsert per try: the row lock
 * of ON CONFLICT orders tries sent at once, so none is lost, and a window that has ended starts afresh in the same
 * statement. Keys are hashed (they hold an address and a user name or phone).
 */
import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

const digest = (key: string) => createHash('sha256').update(key).digest('base64url');

/** Adds one try to `key`'s window (`timeWindow` ms from its first try) and returns the count and what is left of it. */
export async function countGuess(db: Kysely<Database>, key: string, timeWindow: number): Promise<Result> {
  const window = `${Math.max(1, Math.trunc(timeWindow))} milliseconds`;
  const { rows } = await sql<{ tries: number; ttl: number }>`
    insert into guess_counts as g (key_hash, tries, window_ends)
    values (${digest(key)}, 1, clock_timestamp() + ${window}::interval)
    on conflict (key_hash) do update set
      tries = case when g.window_ends <= clock_timestamp() then 1 else g.tries + 1 end,
      window_ends = case when g.window_ends <= clock_timestamp() then excluded.window_ends else g.window_ends end
    returning tries, greatest(0, ceil(extract(epoch from (window_ends - clock_timestamp())) * 1000))::float8 as ttl`.execute(db);
  const row = rows[0]!;
  return { current: row.tries, ttl: Number(row.ttl) };
}

/** Reads `key`'s count without adding a try (the plugin's `increment: false`). */
export async function readGuesses(db: Kysely<Database>, key: string): Promise<Result> {
  const { rows } = await sql<{ tries: number; ttl: number }>`
    select tries, greatest(0, ceil(extract(epoch from (window_ends - clock_timestamp())) * 1000))::float8 as ttl
    from guess_counts where key_hash = ${digest(key)} and window_ends > clock_timestamp()`.execute(db);
  return rows[0] ? { current: rows[0].tries, ttl: Number(rows[0].ttl) } : { current: 0, ttl: 0 };
}

/** The store class the plugin instantiates (it passes only its options, so the database is bound here). */
export function postgresGuessStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  class PostgresGuessStore implements FastifyRateLimitStore {
    incr(key: string, cb: Callback, timeWindow: number): void {
      countGuess(db, key, timeWindow).then((r) => cb(null, r), (err: Error) => cb(err));
    }

    read(key: string, cb: Callback): void {
      readGuesses(db, key).then((r) => cb(null, r), (err: Error) => cb(err));
    }

    // Every limit in api/guess-limits.ts names itself in its keys, so limits share one table without a prefix here.
    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return PostgresGuessStore;
}
