import type { Kysely, Transaction } from 'kysely';
import { hashPassword } from '../passwords';
import type { Database } from '../schema';
import { ensureShippedTree } from '../queries/negotiation-index';
import { seedDemoLawyers } from './demo-lawyers';
import { seedDemoWage } from './demo-wage';
import { seedLibrary } from './library';
import { DEMO_ENTERPRISES, DEMO_INSTITUTIONS, DEMO_PASSWORD, DEMO_STAFF, DEMO_UNITS } from './demo-organisation';

/** Idempotent: re-running keeps existing rows (and their passwords), adds what is missing and moves demo staff to their units. */
export async function seedDemo(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await seedOrganisation(trx);
    await seedDemoLawyers(trx);
    // next year's plan: the demo shows rounds about to open (the Shanghai calendar year, as the plan page counts it)
    await seedDemoWage(trx, new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() + 1);
    // The negotiation index's shipped tree as version 1, so that reading the index never writes.
    await ensureShippedTree(trx);
    await seedLibrary(trx);
  });
}

/** The units, enterprises, institutions and staff alone: what a database from before migration 015 can hold. */
export async function seedDemoOrganisation(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(seedOrganisation);
}

async function seedOrganisation(trx: Transaction<Database>): Promise<void> {
  for (const u of DEMO_UNITS) await trx.insertInto('org_units').values(u).onConflict((oc) => oc.column('id').doNothing()).execute();
  await trx.insertInto('enterprises').values(DEMO_ENTERPRISES).onConflict((oc) => oc.column('id').doNothing()).execute();
  await trx.insertInto('institutions').values([...DEMO_INSTITUTIONS]).onConflict((oc) => oc.column('unit_id').doNothing()).execute();
  const existing = new Set((await trx.selectFrom('staff_users').select('username').execute()).map((r) => r.username));
  const hash = await hashPassword(DEMO_PASSWORD);
  const missing = DEMO_STAFF.filter((s) => !existing.has(s.username))
    .map((s) => ({ ...s, department: s.department ?? null, password_hash: hash }));
  if (missing.length) await trx.insertInto('staff_users').values(missing).execute();
  // Demo clerks and mediators moved from the district to their institutions (issue 16); their passwords stay.
  for (const s of DEMO_STAFF.filter((s) => existing.has(s.username))) {
    await trx.updateTable('staff_users').set({ org_unit_id: s.org_unit_id }).where('username', '=', s.username).execute();
  }
}
