import { type Kysely, sql } from 'kysely';

/**
 * Legal documents and e-mail (issue 16): each generated PDF is kept with its SHA-256, the workflow step that made it
 * and a version, and is never overwritten once sent (a new version is a new row); every e-mail to an arbitration
 * institute or a court is recorded once per idempotency key, with the message id the server gave and its attachments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('documents_case_kind_version', ['case_no', 'kind', 'version'])
    .execute();
  // A sent document is evidence: its bytes and hash may never change again.
  await sql`
    create function documents_sent_are_final() returns trigger language plpgsql as $$
    begin
      if old.sent_at is not null and (new.bytes is distinct from old.bytes or new.sha256 is distinct from old.sha256) then
        raise exception 'document % was sent and cannot be changed', old.id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger documents_sent_are_final before update on documents for each row execute function documents_sent_are_final()`.execute(db);

  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('case_no', 'text')
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('document_ids', sql`bigint[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('email_outbox_case').on('email_outbox').column('case_no').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('email_outbox').execute();
  await sql`drop trigger documents_sent_are_final on documents`.execute(db);
  await sql`drop function documents_sent_are_final()`.execute(db);
  await db.schema.dropTable('documents').execute();
}
