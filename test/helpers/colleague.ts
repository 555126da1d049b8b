/** A second holder of a post the demo organisation has one of (a caseworker's colleague in the same street). */
import type { Kysely } from 'kysely';
import { hashPassword } from '../../db/passwords';
import type { Database } from '../../db/schema';
import { DEMO_PASSWORD } from '../../db/seed/demo-organisation';

export async function addColleague(db: Kysely<Database>, s: { username: string; name: string; role: string; unitId: string; phone: string }): Promise<number> {
  const row = await db.insertInto('staff_users').values({
    username: s.username, display_name: s.name, role: s.role, org_unit_id: s.unitId, phone: s.phone, department: null,
    password_hash: await hashPassword(DEMO_PASSWORD), email: null,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function staffId(db: Kysely<Database>, username: string): Promise<number> {
  return (await db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}
