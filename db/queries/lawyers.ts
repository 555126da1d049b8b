import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Legal-aid lawyers as the union assigns them: active staff with the role and a profile (their firm goes on the
 * assignment letter, so a lawyer without one is not on the roster).
 */
function lawyers(db: Kysely<Database>) {
  return db.selectFrom('staff_users as s')
    .innerJoin('lawyer_profiles as p', 'p.user_id', 's.id')
    .select(['s.id', 's.display_name', 's.phone', 's.org_unit_id', 'p.firm', 'p.email', 'p.accepts_cases'])
    .where('s.role', '=', 'legal_aid_lawyer').where('s.active', '=', true);
}

export async function findLawyer(db: Kysely<Database>, userId: number) {
  return lawyers(db).where('s.id', '=', userId).executeTakeFirst();
}

/** The lawyers whose unit is the district or under it (a street, a centre below it), by name. */
export async function lawyersOfDistrict(db: Kysely<Database>, districtId: string) {
  return lawyers(db)
    .where('s.org_unit_id', 'in', sql<string>`(
      with recursive under(id) as (
        select id from org_units where id = ${districtId}
        union select u.id from org_units u join under on u.parent_id = under.id
      ) select id from under)`)
    .orderBy('s.display_name').orderBy('s.id').execute();
}
