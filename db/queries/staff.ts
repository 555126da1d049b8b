import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

const SESSION_HOURS = 12;

export async function findStaffByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('staff_users').selectAll().where('username', '=', username).where('active', '=', true).executeTakeFirst();
}

export async function createSession(db: Kysely<Database>, userId: number): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.insertInto('sessions').values({ token, user_id: userId, expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000) }).execute();
  return token;
}

export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token', '=', token).execute();
}

/** The signed-in staff member with their unit's level, or undefined for an unknown or expired token. */
export async function staffBySession(db: Kysely<Database>, token: string) {
  return db.selectFrom('sessions')
    .innerJoin('staff_users as u', 'u.id', 'sessions.user_id')
    .innerJoin('org_units as o', 'o.id', 'u.org_unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_unit_id', 'u.department', 'u.phone', 'o.level as unit_level', 'o.name as unit_name'])
    .where('sessions.token', '=', token).where('sessions.expires_at', '>', new Date()).where('u.active', '=', true)
    .executeTakeFirst();
}

export type SignedInStaff = NonNullable<Awaited<ReturnType<typeof staffBySession>>>;
