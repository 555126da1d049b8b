/**
 * The negotiation index's own rows (migration 017): the tree's versions and the values staff entered; and which
 * enterprises of an area are in a year's index.
 */
import { sql, type Kysely } from 'kysely';
import { SHIPPED_TREE, type IndexTree, type RawValues } from '../../workflows/shared/negotiation-index';
import type { Database } from '../schema';

export interface TreeVersion { version: number; tree: IndexTree; savedAt: Date; savedBy: string | null }

async function latest(db: Kysely<Database>): Promise<TreeVersion | undefined> {
  const row = await db.selectFrom('negotiation_index_trees as t').leftJoin('staff_users as u', 'u.id', 't.saved_by')
    .select(['t.version', 't.tree', 't.saved_at', 'u.display_name']).orderBy('t.version', 'desc').limit(1).executeTakeFirst();
  return row && { version: row.version, tree: row.tree as IndexTree, savedAt: row.saved_at as Date, savedBy: row.display_name ?? null };
}

/** Saves the shipped tree as version 1 unless there is one (the seed calls it; two calls at once save it once). */
export async function ensureShippedTree(db: Kysely<Database>): Promise<void> {
  await db.insertInto('negotiation_index_trees').values({ version: 1, tree: JSON.stringify(SHIPPED_TREE), saved_by: null, note: '随系统发布的指标体系' })
    .onConflict((oc) => oc.column('version').doNothing()).execute();
}

/** The tree in force; on first use of a database the seed did not fill, the shipped one is saved as version 1 first. */
export async function currentTree(db: Kysely<Database>): Promise<TreeVersion> {
  const found = await latest(db);
  if (found) return found;
  await ensureShippedTree(db);
  return (await latest(db))!;
}

/**
 * Saves an edit as the version after `basedOn`; undefined when someone saved another version meanwhile (the primary
 * key refuses a second version of the same number), so an edit never silently undoes another.
 */
export async function saveTreeVersion(db: Kysely<Database>, basedOn: number, tree: IndexTree, userId: number, note = ''): Promise<number | undefined> {
  const res = await db.insertInto('negotiation_index_trees').values({ version: basedOn + 1, tree: JSON.stringify(tree), saved_by: userId, note })
    .onConflict((oc) => oc.column('version').doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0 ? basedOn + 1 : undefined;
}

export interface EnteredValue { code: string; value: number; enteredAt: Date; enteredBy: string }

/** One enterprise's entered values of a year, with who entered each and when. */
export async function enteredValuesOf(db: Kysely<Database>, enterpriseId: string, year: number): Promise<EnteredValue[]> {
  const rows = await db.selectFrom('negotiation_index_values as v').innerJoin('staff_users as u', 'u.id', 'v.entered_by')
    .select(['v.code', 'v.value', 'v.entered_at', 'u.display_name'])
    .where('v.enterprise_id', '=', enterpriseId).where('v.year', '=', year).execute();
  return rows.map((r) => ({ code: r.code, value: r.value, enteredAt: r.entered_at as Date, enteredBy: r.display_name }));
}

/** Every entered value of a year in the given streets, by enterprise. */
export async function enteredValuesOfYear(db: Kysely<Database>, year: number, streetIds: string[]): Promise<Map<string, RawValues>> {
  const out = new Map<string, RawValues>();
  if (streetIds.length === 0) return out;
  const rows = await db.selectFrom('negotiation_index_values as v').innerJoin('enterprises as e', 'e.id', 'v.enterprise_id')
    .select(['v.enterprise_id', 'v.code', 'v.value']).where('v.year', '=', year).where('e.street_id', 'in', streetIds).execute();
  for (const r of rows) {
    const m = out.get(r.enterprise_id) ?? {};
    m[r.code] = r.value;
    out.set(r.enterprise_id, m);
  }
  return out;
}

/**
 * Saves what was entered for one enterprise and year in one transaction: a number is set (who, when), null clears it.
 * Answers how many rows changed.
 */
export async function saveEnteredValues(db: Kysely<Database>, enterpriseId: string, year: number, values: { code: string; value: number | null }[], userId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    const now = new Date();
    for (const { code, value } of values) {
      if (value === null) {
        const res = await trx.deleteFrom('negotiation_index_values').where('enterprise_id', '=', enterpriseId).where('year', '=', year).where('code', '=', code).executeTakeFirst();
        changed += Number(res.numDeletedRows);
        continue;
      }
      const res = await trx.insertInto('negotiation_index_values').values({ enterprise_id: enterpriseId, year, code, value, entered_by: userId, entered_at: now })
        .onConflict((oc) => oc.columns(['enterprise_id', 'year', 'code']).doUpdateSet({ value, entered_by: userId, entered_at: now })
          .where('negotiation_index_values.value', '<>', value))
        .executeTakeFirst();
      changed += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    return changed;
  });
}

export interface AreaEnterprise { id: string; name: string; streetId: string }

/**
 * The enterprises of the given streets in a year's index: those on the year's negotiation plan, with a round that
 * year, or with a value entered for it. Others (not due to negotiate, nothing known) are left out of the means.
 */
export async function enterprisesInIndex(db: Kysely<Database>, year: number, streetIds: string[]): Promise<AreaEnterprise[]> {
  if (streetIds.length === 0) return [];
  const rows = await db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.street_id'])
    .where('e.street_id', 'in', streetIds)
    .where((eb) => eb.or([
      eb.exists(eb.selectFrom('wage_plans as p').select(sql`1`.as('x')).whereRef('p.enterprise_id', '=', 'e.id').where('p.year', '=', year)),
      eb.exists(eb.selectFrom('wage_rounds as r').select(sql`1`.as('x')).whereRef('r.enterprise_id', '=', 'e.id').where('r.year', '=', year)),
      eb.exists(eb.selectFrom('negotiation_index_values as v').select(sql`1`.as('x')).whereRef('v.enterprise_id', '=', 'e.id').where('v.year', '=', year)),
    ]))
    .orderBy('e.street_id').orderBy('e.id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, streetId: r.street_id }));
}

/** The streets of a district (or the one street), with names, in id order. */
export async function streetsOf(db: Kysely<Database>, districtId: string, streetId?: string): Promise<{ id: string; name: string }[]> {
  let q = db.selectFrom('org_units').select(['id', 'name']).where('level', '=', 'street').where('parent_id', '=', districtId);
  if (streetId) q = q.where('id', '=', streetId);
  return q.orderBy('id').execute();
}
