/** Where an enterprise's grievance belongs, in one query (db/queries/organisation.ts findEnterpriseWithStreet). */
import { beforeAll, describe, expect, it } from 'vitest';
import { findEnterpriseWithStreet } from '../../db/queries/organisation';
import { seedDemo } from '../../db/seed/seed-demo';
import { useMigratedDatabase } from '../helpers/migrated-database';

const held = useMigratedDatabase('enterprise_with_street');

beforeAll(async () => {
  await seedDemo(held.db);
});

describe('an enterprise with its street and district', () => {
  it('names the street the enterprise is in and that street’s district', async () => {
    expect(await findEnterpriseWithStreet(held.db, 'e-jingmi'))
      .toEqual({ id: 'e-jingmi', name: '西湖精密机械有限公司', street_id: 's-beishan', district_id: 'd-xihu' });
  });

  it('finds no enterprise for an unknown id', async () => {
    expect(await findEnterpriseWithStreet(held.db, 'e-nowhere')).toBeUndefined();
  });

  it('names no street when the enterprise is registered under a unit that is not a street', async () => {
    await held.db.insertInto('enterprises').values({ id: 'e-odd', name: '挂在区里的企业', street_id: 'd-xihu', union_unit_id: null }).execute();
    expect(await findEnterpriseWithStreet(held.db, 'e-odd')).toEqual({ id: 'e-odd', name: '挂在区里的企业', street_id: null, district_id: null });
  });
});
