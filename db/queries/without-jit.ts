/**
 * A report's one big query without Postgres's JIT. Its cost estimate (tens of thousands of cases, a dozen aggregates)
 * passes jit_above_cost, and compiling and inlining its expressions took about two seconds on the bench machine, most
 * of the query's time; run as it is planned, it takes a fraction of that. Scoped to one transaction (set local).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema';

export function withoutJit<T>(db: Kysely<Database>, run: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return run(trx);
  });
}
