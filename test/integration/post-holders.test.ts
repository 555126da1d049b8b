/**
 * The intake fan-out looks up the holders of several posts in one query (activities/persistence/contacts.ts,
 * findPostHolders): it must name the same people, in the same order, as asking each post by itself (findContacts), also
 * when a post has a second holder of a role, an inactive one, or none at all.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { createContactLookup } from '../../activities/persistence/contacts';
import { seedDemo } from '../../db/seed/seed-demo';
import type { Role } from '../../workflows/shared/roles';
import { useMigratedDatabase } from '../helpers/migrated-database';

const held = useMigratedDatabase('post_holders');

beforeAll(async () => {
  await seedDemo(held.db);
  // A second caseworker of 北山 (a later id: not the primary holder), and 西溪's chair gone from the directory.
  await held.db.insertInto('staff_users').values({
    username: 'beishan.sg2', password_hash: 'x', display_name: '北山街道社工乙', role: 'street_caseworker', org_unit_id: 's-beishan',
    phone: '13700009001', department: null, email: null, active: true,
  }).execute();
  await held.db.updateTable('staff_users').set({ active: false }).where('username', '=', 'xixi.zx').execute();
});

describe('the holders of several posts at once', () => {
  it('are the holders each post names by itself, post by post and role by role', async () => {
    const { findContacts, findPostHolders } = createContactLookup(held.db);
    const posts: { unitId: string; roles: Role[] }[] = [
      { unitId: 's-xixi', roles: ['street_chair', 'street_caseworker'] },
      { unitId: 's-beishan', roles: ['street_caseworker', 'street_chair'] },
      { unitId: 'd-xihu', roles: ['district_staff', 'supervising_leader', 'district_chair'] },
      { unitId: 'd-nowhere', roles: ['district_staff'] },
      { unitId: 'd-xihu', roles: [] },
    ];
    const oneByOne = (await Promise.all(posts.map((p) => findContacts(p)))).flat();
    const together = await findPostHolders(posts);
    expect(together).toEqual(oneByOne);
    expect(together.map((c) => `${c.role} ${c.name}`)).toEqual([
      'street_caseworker 西溪街道社工',
      'street_caseworker 北山街道社工', 'street_chair 北山街道工会主席',
      'district_staff 区权保部王干事', 'supervising_leader 分管领导陈副主席', 'district_chair 区总工会刘主席',
    ]);
    expect(await findPostHolders([])).toEqual([]);
  });
});
