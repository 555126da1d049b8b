import { type Kysely, sql } from 'kysely';

/**
 * Who may prove what (issue 14): staff sessions keep only a hash of their token; a worker's access to a case rests on a
 * personal link from the receipt SMS or a one-time code sent to the phone on file, never on the case number and phone
 * alone. Tokens and codes are stored hashed, so a copy of the database opens no case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Plain-text tokens cannot be turned into hashes after the fact; those sessions simply end.
  await db.schema.dropTable('sessions').execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // One row per case a worker's browser or client may open; one token may cover several of the worker's cases.
  await db.schema
    .createTable('worker_sessions')
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('via', 'text', (c) => c.notNull().check(sql`via in ('link','code','filing')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('worker_sessions_pk', ['token_hash', 'case_no'])
    .execute();

  // The personal link of the receipt SMS: its token is derived from a server secret (so a retried send carries the
  // same link) and only its hash is kept here, where the link can be looked up and revoked.
  await db.schema
    .createTable('worker_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('worker_links_case').on('worker_links').column('case_no').execute();

  await db.schema
    .createTable('phone_codes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('file','track')`))
    .addColumn('case_no', 'text')
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('client', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('consumed_at', 'timestamptz')
    .addColumn('consumed_by', 'text')
    .execute();
  await db.schema.createIndex('phone_codes_phone').on('phone_codes').columns(['phone', 'created_at']).execute();
  await db.schema.createIndex('phone_codes_client').on('phone_codes').columns(['client', 'created_at']).execute();

  // An SMS whose text carries a secret (the personal link) is stored with the secret masked; `secret` names what the
  // gateway adapter fills in at delivery.
  await db.schema.alterTable('sms_outbox').addColumn('secret', 'text').execute();
  // A staff member who took a step over (with a recorded reason) is its assignee by name, not only by role.
  await db.schema.alterTable('tasks').addColumn('assignee_user_id', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('assignee_user_id').execute();
  await db.schema.alterTable('sms_outbox').dropColumn('secret').execute();
  for (const t of ['phone_codes', 'worker_links', 'worker_sessions']) await db.schema.dropTable(t).execute();
  await db.schema.dropTable('sessions').execute();
  await db.schema
    .createTable('sessions')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
}
