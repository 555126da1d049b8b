import type { Kysely } from 'kysely';

/**
 * When the enterprise union chair was told of a case (DOMAIN §1: 12 hours after intake, on purpose). Until then the
 * enterprise's own union must not see it, or the delay protects nobody.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('enterprise_notified_at', 'timestamptz').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('enterprise_notified_at').execute();
}
