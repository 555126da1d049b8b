import { type Kysely, sql } from 'kysely';
import { eventHash, GENESIS_HASH } from '../event-chain';

/**
 * Case events become a hash chain per case (db/event-chain.ts), so an edit made past the append-only trigger is
 * detected. Existing rows are chained in id order, the order they were appended in.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table case_events add column prev_hash text, add column hash text`.execute(db);

  // Filling in the new columns is an UPDATE, which the trigger refuses. Migrations run as the table's owner and in one
  // transaction (Kysely's Migrator on Postgres), so a failure below also rolls the disabling back.
  await sql`alter table case_events disable trigger case_events_append_only`.execute(db);
  const cases = await db.selectFrom('case_events').select('case_no').distinct().execute();
  for (const { case_no } of cases) {
    const rows = await db.selectFrom('case_events')
      .select(['id', 'event_key', 'case_no', 'seq', 'type', 'actor', 'actor_role', 'summary', 'data', 'at'])
      .where('case_no', '=', case_no).orderBy('id').execute();
    const ids: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const hash = eventHash(prev, row);
      ids.push(String(row.id));
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    // One statement per case rather than one per event.
    await sql`
      update case_events e set prev_hash = v.prev_hash, hash = v.hash
      from unnest(${ids}::bigint[], ${prevs}::text[], ${hashes}::text[]) as v(id, prev_hash, hash)
      where e.id = v.id`.execute(db);
  }
  await sql`alter table case_events enable trigger case_events_append_only`.execute(db);

  await sql`alter table case_events alter column prev_hash set not null, alter column hash set not null`.execute(db);
  // Two events linking to the same predecessor would fork the chain: the second writer fails and is retried.
  await db.schema.createIndex('case_events_chain_link').unique().on('case_events').columns(['case_no', 'prev_hash']).execute();
  // Finding a case's newest event (the link for the next one) and walking a chain both go by case and id.
  await db.schema.createIndex('case_events_case_id').on('case_events').columns(['case_no', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('case_events_case_id').execute();
  await db.schema.dropIndex('case_events_chain_link').execute();
  await db.schema.alterTable('case_events').dropColumn('hash').dropColumn('prev_hash').execute();
}
