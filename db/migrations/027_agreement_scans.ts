import { type Kysely, sql } from 'kysely';

/**
 * The scans of mediation agreements signed and sealed on paper (劳动人事争议仲裁办案规则 Art. 74): kept byte for byte
 * with their SHA-256, so the hash the case's history records can be checked against the file at any time. A scan is
 * stored before the workflow records the signature; one that no signature names is an upload that went no further.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreement_scans')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('agreement_scans_case').on('agreement_scans').column('case_no').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agreement_scans').execute();
}
