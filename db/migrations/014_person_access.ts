import { type Kysely, sql } from 'kysely';

/**
 * Access granted to a person (issue 20): a lawyer assigned by name sees that case, and another lawyer of the same
 * unit does not. A row with `user_id` grants to that staff member alone (its unit and role say where they worked when
 * granted); a row without grants to every holder of the role in the unit, as before. The primary key could not hold a
 * null user, so each sort of grant has a unique index of its own.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_access').addColumn('user_id', 'integer', (c) => c.references('staff_users.id')).execute();
  await sql`alter table case_access drop constraint case_access_pk`.execute(db);
  await db.schema.createIndex('case_access_unit_role').unique().on('case_access').columns(['case_no', 'unit_id', 'role'])
    .where(sql.ref('user_id'), 'is', null).execute();
  await db.schema.createIndex('case_access_person').unique().on('case_access').columns(['case_no', 'user_id'])
    .where(sql.ref('user_id'), 'is not', null).execute();
  await db.schema.createIndex('case_access_by_user').on('case_access').column('user_id').where(sql.ref('user_id'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  // A person's grant has no place in the older table: it goes, and with it that person's sight of the case.
  await sql`delete from case_access where user_id is not null`.execute(db);
  await db.schema.dropIndex('case_access_by_user').execute();
  await db.schema.dropIndex('case_access_person').execute();
  await db.schema.dropIndex('case_access_unit_role').execute();
  await sql`alter table case_access add constraint case_access_pk primary key (case_no, unit_id, role)`.execute(db);
  await db.schema.alterTable('case_access').dropColumn('user_id').execute();
}
