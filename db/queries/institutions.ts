import type { Kysely } from 'kysely';
import type { Database, InstitutionKind } from '../schema';

export async function findInstitution(db: Kysely<Database>, unitId: string) {
  return db.selectFrom('institutions').selectAll().where('unit_id', '=', unitId).executeTakeFirst();
}

/** The district's institution of a kind (its arbitration institute, its court, its union mediation station). */
export async function institutionOfDistrict(db: Kysely<Database>, districtId: string, kind: InstitutionKind) {
  return db.selectFrom('institutions').selectAll().where('district_id', '=', districtId).where('kind', '=', kind)
    .orderBy('unit_id').limit(1).executeTakeFirst();
}
