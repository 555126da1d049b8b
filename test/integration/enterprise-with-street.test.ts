/**
 * Where an enterprise's grievance belongs, in one query (db/queries/organisation.ts findEnterpriseWithStreet), and
 * remembered by the API for a minute (api/services/enterprise-routing.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findEnterpriseWithStreet } from '../../db/queries/organisation';
import { seedDemo } from '../../db/seed/seed-demo';
import { enterpriseRouting, ROUTING_TTL_MS } from '../../api/services/enterprise-routing';
import { countingStatements } from '../helpers/counting-db';
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

describe('an enterprise’s routing, remembered for a minute', () => {
  it('asks Postgres once within the minute, and again after it', async () => {
    const { db, sent } = countingStatements(held.db);
    const t = Date.UTC(2026, 11, 7, 8);
    const routing = { id: 'e-jingmi', name: '西湖精密机械有限公司', street_id: 's-beishan', district_id: 'd-xihu' };
    expect(await enterpriseRouting(db, 'e-jingmi', t)).toEqual(routing);
    expect(await enterpriseRouting(db, 'e-jingmi', t + ROUTING_TTL_MS - 1)).toEqual(routing);
    expect(sent).toHaveLength(1);
    expect(await enterpriseRouting(db, 'e-jingmi', t + ROUTING_TTL_MS)).toEqual(routing);
    expect(sent).toHaveLength(2);
  });

  it('does not remember an enterprise it did not find: one registered after is routed at once', async () => {
    const { db, sent } = countingStatements(held.db);
    const t = Date.UTC(2026, 11, 7, 9);
    expect(await enterpriseRouting(db, 'e-later', t)).toBeUndefined();
    await held.db.insertInto('enterprises').values({ id: 'e-later', name: '后来登记的企业', street_id: 's-beishan', union_unit_id: null }).execute();
    expect(await enterpriseRouting(db, 'e-later', t + 1)).toEqual({ id: 'e-later', name: '后来登记的企业', street_id: 's-beishan', district_id: 'd-xihu' });
    expect(sent).toHaveLength(2);
  });

  it('keeps each database’s enterprises apart', async () => {
    const t = Date.UTC(2026, 11, 7, 10);
    const other = countingStatements(held.db);
    await enterpriseRouting(held.db, 'e-jingmi', t);
    expect(await enterpriseRouting(other.db, 'e-jingmi', t + 1)).toMatchObject({ street_id: 's-beishan' });
    expect(other.sent).toHaveLength(1);
  });
});
