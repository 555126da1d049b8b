import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export async function listStreets(db: Kysely<Database>) {
  return db.selectFrom('org_units').select(['id', 'name', 'parent_id']).where('level', '=', 'street').orderBy('id').execute();
}

export async function listEnterprises(db: Kysely<Database>) {
  return db.selectFrom('enterprises').innerJoin('org_units as s', 's.id', 'enterprises.street_id')
    .select(['enterprises.id', 'enterprises.name', 'enterprises.street_id', 's.name as street_name'])
    .orderBy('enterprises.street_id').orderBy('enterprises.name').execute();
}

export async function findEnterprise(db: Kysely<Database>, id: string) {
  return db.selectFrom('enterprises').select(['id', 'name', 'street_id', 'union_unit_id']).where('id', '=', id).executeTakeFirst();
}

/** An enterprise with the street it is in and that street's district (null when the street is not registered). */
export async function findEnterpriseWithStreet(db: Kysely<Database>, id: string) {
  return db.selectFrom('enterprises')
    .leftJoin('org_units as street', (j) => j.onRef('street.id', '=', 'enterprises.street_id').on('street.level', '=', 'street'))
    .select(['enterprises.id', 'enterprises.name', 'street.id as street_id', 'street.parent_id as district_id'])
    .where('enterprises.id', '=', id).executeTakeFirst();
}

export async function findStreet(db: Kysely<Database>, id: string) {
  return db.selectFrom('org_units').select(['id', 'name', 'parent_id']).where('id', '=', id).where('level', '=', 'street').executeTakeFirst();
}

export async function unitName(db: Kysely<Database>, id: string): Promise<string | undefined> {
  return (await db.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** The names of several units at once (the institutions a case's documents went to). */
export async function unitNamesOf(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
