import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DistrictInstitutions, Institution } from '../types';

/** An institution's name and the address its documents go to: read when a document is sent, so a change applies. */
export function createInstitutionLookup(db: Kysely<Database>) {
  return {
    async findInstitution(q: { unitId: string }): Promise<Institution | null> {
      const r = await db.selectFrom('institutions').select(['unit_id', 'kind', 'name', 'email']).where('unit_id', '=', q.unitId).executeTakeFirst();
      return r ? { unitId: r.unit_id, kind: r.kind, name: r.name, email: r.email } : null;
    },

    /** Where a district's cases are mediated and reviewed: its station, arbitration institute and court, if all are known. */
    async findDistrictInstitutions(q: { districtId: string }): Promise<DistrictInstitutions | null> {
      const rows = await db.selectFrom('institutions').select(['unit_id', 'kind']).where('district_id', '=', q.districtId).orderBy('unit_id').execute();
      const of = (kind: string) => rows.find((r) => r.kind === kind)?.unit_id;
      const [stationUnitId, arbitrationUnitId, courtUnitId] = [of('mediation_station'), of('arbitration'), of('court')];
      return stationUnitId && arbitrationUnitId && courtUnitId ? { stationUnitId, arbitrationUnitId, courtUnitId } : null;
    },
  };
}
