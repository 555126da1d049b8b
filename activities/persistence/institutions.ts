import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Institution } from '../types';

/** An institution's name and the address its documents go to: read when a document is sent, so a change applies. */
export function createInstitutionLookup(db: Kysely<Database>) {
  return {
    async findInstitution(q: { unitId: string }): Promise<Institution | null> {
      const r = await db.selectFrom('institutions').select(['unit_id', 'kind', 'name', 'email']).where('unit_id', '=', q.unitId).executeTakeFirst();
      return r ? { unitId: r.unit_id, kind: r.kind, name: r.name, email: r.email } : null;
    },
  };
}
