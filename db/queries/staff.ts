import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../prepared-statements';
import type { Database } from '../schema';

export async function findStaffByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('staff_users').selectAll().where('username', '=', username).where('active', '=', true).executeTakeFirst();
}

export async function insertSession(db: Kysely<Database>, tokenHash: string, userId: number, expiresAt: Date): Promise<void> {
  await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** The signed-in staff member with their unit's level, or undefined for an unknown or expired session. */
export async function staffBySessionHash(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('sessions')
    .innerJoin('staff_users as u', 'u.id', 'sessions.user_id')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_unit_id', 'u.department', 'u.phone', 'o.level as unit_level', 'o.name as unit_name', 'o.parent_id as unit_parent_id'])
    .where('sessions.token_hash', '=', tokenHash).where('sessions.expires_at', '>', new Date()).where('u.active', '=', true)
    .modifyFront(sql.raw(PREPARED)) // every staff request asks it: prepared once per connection
    .executeTakeFirst();
}

export type SignedInStaff = NonNullable<Awaited<ReturnType<typeof staffBySessionHash>>>;
