import type { Kysely } from 'kysely';
import { districtInstitutions, findInstitution } from '../../db/queries/institutions';
import type { Database } from '../../db/schema';
import type { DistrictInstitutions, Institution } from '../types';

/** An institution's name and the address its documents go to: read when a document is sent, so a change applies. */
export function createInstitutionLookup(db: Kysely<Database>) {
  return {
    async findInstitution(q: { unitId: string }): Promise<Institution | null> {
      const r = await findInstitution(db, q.unitId);
      return r ? { unitId: r.unit_id, kind: r.kind, name: r.name, email: r.email } : null;
    },

    /** Where a district's cases are mediated and reviewed: its station, arbitration institute and court, if all are known. */
    async findDistrictInstitutions(q: { districtId: string }): Promise<DistrictInstitutions | null> {
      const { station, arbitration, court } = await districtInstitutions(db, q.districtId);
      return station && arbitration && court ? { stationUnitId: station.unit_id, arbitrationUnitId: arbitration.unit_id, courtUnitId: court.unit_id } : null;
    },
  };
}
