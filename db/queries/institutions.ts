import type { Kysely } from 'kysely';
import type { Database, InstitutionKind } from '../schema';

export async function findInstitution(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('institutions').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
}

/**
 * A district's mediation station, arbitration institute and court (each the first by unit id, should it have several):
 * where its mediation cases are mediated, reviewed and enforced. A kind the district has none of is undefined.
 */
export async function districtInstitutions(db: Kysely<Database>, districtId: string) {
  const rows = await db.selectFrom('institutions').selectAll().where('district_id', '=', districtId).orderBy('unit_id').execute();
  const of = (kind: InstitutionKind) => rows.find((r) => r.kind === kind);
  return { station: of('mediation_station'), arbitration: of('arbitration'), court: of('court') };
}

/** Every court the system knows, by name: where a mediator may apply for enforcement (the court where the property is). */
export async function courts(db: Kysely<Database>): Promise<{ unitId: string; name: string }[]> {
  const rows = await db.selectFrom('institutions').select(['unit_id', 'name']).where('kind', '=', 'court').orderBy('name').execute();
  return rows.map((r) => ({ unitId: r.unit_id, name: r.name }));
}
