/**
 * What a legal-aid case needs when another kind's workflow hands one over (a grievance's outcome, a mediation's
 * transfer): the district's arbitration institute, court and procuratorate, and the policy in force, which the worker
 * process reads from its config (a workflow may not read the environment).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { defaultLegalAidPolicy } from '../../temporal.config';
import type { LegalAidSetup } from '../types';

export function createLegalAidSetup(db: Kysely<Database>) {
  return {
    async legalAidSetup({ districtId }: { districtId: string }): Promise<LegalAidSetup | null> {
      const district = await db.selectFrom('org_units').select('id').where('id', '=', districtId).where('level', '=', 'district').executeTakeFirst();
      if (!district) return null;
      const rows = await db.selectFrom('institutions').select(['unit_id', 'kind']).where('district_id', '=', districtId).orderBy('unit_id').execute();
      const of = (kind: string) => rows.find((r) => r.kind === kind)?.unit_id ?? null;
      return { places: { arbitrationUnitId: of('arbitration'), courtUnitId: of('court'), procuratorateUnitId: of('procuratorate') }, policy: defaultLegalAidPolicy };
    },
  };
}
