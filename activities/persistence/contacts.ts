import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Role } from '../../workflows/shared/roles';
import type { Contact } from '../types';

const contactOf = (role: Role, r: { display_name: string; phone: string; email: string | null }): Contact =>
  ({ role, name: r.display_name, phone: r.phone, ...(r.email ? { email: r.email } : {}) });

/** The unit's primary holder of each role (lowest id among active staff), so "the street chair" is one person. */
export function createContactLookup(db: Kysely<Database>) {
  return {
    /** A unit's holders of these roles, or one named person (`userId`, in the role they were assigned in). */
    async findContacts(q: { unitId?: string; userId?: number; roles: Role[]; department?: string | null }): Promise<Contact[]> {
      if (q.roles.length === 0 || (q.unitId === undefined && q.userId === undefined)) return [];
      let query = db.selectFrom('staff_users')
        .select(['role', 'display_name', 'phone', 'email'])
        .distinctOn('role')
        .where('role', 'in', q.roles).where('active', '=', true);
      if (q.unitId !== undefined) query = query.where('org_unit_id', '=', q.unitId);
      if (q.userId !== undefined) query = query.where('id', '=', q.userId);
      if (q.department) query = query.where('department', '=', q.department);
      const rows = await query.orderBy('role').orderBy('id').execute();
      return q.roles.flatMap((role) => {
        const r = rows.find((x) => x.role === role);
        return r ? [contactOf(role, r)] : [];
      });
    },

    /**
     * Each post's holders as findContacts finds them (a unit's primary holder of each role), for several posts in one
     * query (the intake's fan-out names the street's and the district's: bench/, round trips cost the worker), in the
     * order of the posts and their roles.
     */
    async findPostHolders(posts: { unitId: string; roles: Role[] }[]): Promise<Contact[]> {
      const asked = posts.filter((p) => p.roles.length > 0);
      if (asked.length === 0) return [];
      const rows = await db.selectFrom('staff_users')
        .select(['org_unit_id', 'role', 'display_name', 'phone', 'email'])
        .distinctOn(['org_unit_id', 'role'])
        .where('active', '=', true)
        .where((eb) => eb.or(asked.map((p) => eb.and([eb('org_unit_id', '=', p.unitId), eb('role', 'in', p.roles)]))))
        .orderBy('org_unit_id').orderBy('role').orderBy('id').execute();
      return asked.flatMap((p) => p.roles.flatMap((role) => {
        const r = rows.find((x) => x.org_unit_id === p.unitId && x.role === role);
        return r ? [contactOf(role, r)] : [];
      }));
    },

    async findEnterpriseChair(q: { enterpriseId: string }): Promise<Contact | null> {
      const r = await db.selectFrom('enterprises')
        .innerJoin('staff_users', 'staff_users.org_unit_id', 'enterprises.union_unit_id')
        .select(['staff_users.display_name', 'staff_users.phone'])
        .where('enterprises.id', '=', q.enterpriseId).where('staff_users.role', '=', 'enterprise_chair')
        .where('staff_users.active', '=', true).orderBy('staff_users.id').limit(1).executeTakeFirst();
      return r ? { role: 'enterprise_chair', name: r.display_name, phone: r.phone } : null;
    },
  };
}
