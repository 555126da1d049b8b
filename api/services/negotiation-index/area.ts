/**
 * Whose index a person sees: the district's staff and leaders their district (the "city" of the index: the union
 * above the streets), a street chair their own street only. The access layer lets no other role this far.
 */
import type { Kysely } from 'kysely';
import { streetsOf } from '../../../db/queries/negotiation-index';
import type { SignedInStaff } from '../../../db/queries/staff';
import type { Database } from '../../../db/schema';
import { forbidden } from '../../errors';

export interface IndexArea {
  district: { id: string; name: string };
  /** a street chair's own street: the report then has no city row */
  streetOnly: boolean;
  streets: { id: string; name: string }[];
}

export async function indexAreaOf(db: Kysely<Database>, staff: SignedInStaff): Promise<IndexArea> {
  if (staff.unit_level === 'district') {
    return { district: { id: staff.org_unit_id, name: staff.unit_name }, streetOnly: false, streets: await streetsOf(db, staff.org_unit_id) };
  }
  if (staff.unit_level === 'street' && staff.unit_parent_id) {
    const district = await db.selectFrom('org_units').select(['id', 'name']).where('id', '=', staff.unit_parent_id).executeTakeFirstOrThrow();
    return { district, streetOnly: true, streets: await streetsOf(db, district.id, staff.org_unit_id) };
  }
  throw forbidden('协商指数只对区（市）总工会和街道工会开放');
}
