import type { Kysely } from 'kysely';
import { findLawyer, lawyersOfDistrict } from '../../db/queries/lawyers';
import type { Database } from '../../db/schema';
import type { LawyerContact } from '../types';

type Row = NonNullable<Awaited<ReturnType<typeof findLawyer>>>;

const contact = (r: Row): LawyerContact => ({
  userId: r.id, name: r.display_name, phone: r.phone, unitId: r.org_unit_id, role: 'legal_aid_lawyer',
  firm: r.firm, email: r.email, acceptsCases: r.accepts_cases,
});

/** Read when a lawyer is assigned or written to, so a changed firm or address applies from then on. */
export function createLawyerLookup(db: Kysely<Database>) {
  return {
    async findLawyer(q: { userId: number }): Promise<LawyerContact | null> {
      const r = await findLawyer(db, q.userId);
      return r ? contact(r) : null;
    },

    async listLawyers(q: { districtId: string }): Promise<LawyerContact[]> {
      return (await lawyersOfDistrict(db, q.districtId)).map(contact);
    },
  };
}
