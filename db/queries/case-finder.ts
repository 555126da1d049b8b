/**
 * Finding cases of every kind (issue 23): a supervisor's filtered list, newest first, in pages by keyset on
 * (created_at, case_no) so page 500 costs what page 1 does (migration 023's indexes hold that order per district and
 * street). Visibility is the one function every list uses (visibleTo); the finder's routes admit only the union's line.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';
import { visibleTo, type Viewer } from './cases';

export interface CaseFilter {
  street?: string;
  enterprise?: string;
  kind?: string;
  /** a category of the kinds that keep one per case (grievance_cases.category) ... */
  category?: string;
  /** ... or, for a category that is a kind's only one, the kinds whose every case is of it */
  categoryKinds?: string[];
  stage?: string;
  overdue?: boolean;
  /** created at or after / before (UTC instants: the caller turns Shanghai days into them) */
  createdFrom?: Date;
  createdBefore?: Date;
  rating?: number;
}

/** the last row of a page: where the next one starts; created_at kept to the microsecond, as Postgres holds it */
export interface Cursor { createdAt: string; caseNo: string }

const OVERDUE = sql<boolean>`exists (select 1 from tasks t where t.case_no = cases.case_no and t.status = 'open' and t.due_at < now())`;
/**
 * The same test as a column of the page's rows: a scalar subquery with a limit is looked up per row (51 index probes),
 * where an EXISTS in the select list may be planned as a hash of every overdue task of the database, built per page.
 */
const OVERDUE_FLAG = sql<boolean>`coalesce((select true from tasks t where t.case_no = cases.case_no and t.status = 'open' and t.due_at < now() limit 1), false)`;

export function findCasesQuery(db: Kysely<Database>, v: Viewer, f: CaseFilter, after?: Cursor) {
  return db.selectFrom('cases')
    .leftJoin('grievance_cases', 'grievance_cases.case_no', 'cases.case_no')
    .innerJoin('org_units as street', 'street.id', 'cases.street_id')
    .select([
      'cases.case_no', 'cases.kind', 'cases.enterprise_name', 'cases.street_id', 'street.name as street_name', 'cases.stage',
      'cases.status', 'cases.rating', 'cases.created_at', 'grievance_cases.category', OVERDUE_FLAG.as('overdue'),
      sql<string>`to_char(cases.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('cursor_at'),
    ])
    .where(visibleTo(v))
    .$if(f.street !== undefined, (q) => q.where('cases.street_id', '=', f.street!))
    .$if(f.enterprise !== undefined, (q) => q.where('cases.enterprise_id', '=', f.enterprise!))
    .$if(f.kind !== undefined, (q) => q.where('cases.kind', '=', f.kind!))
    .$if(f.category !== undefined, (q) => q.where((eb) => eb.or([
      eb('grievance_cases.category', '=', f.category!),
      ...(f.categoryKinds?.length ? [eb('cases.kind', 'in', f.categoryKinds)] : []),
    ])))
    .$if(f.stage !== undefined, (q) => q.where('cases.stage', '=', f.stage!))
    .$if(f.overdue === true, (q) => q.where(OVERDUE))
    .$if(f.overdue === false, (q) => q.where(sql<boolean>`not ${OVERDUE}`))
    .$if(f.createdFrom !== undefined, (q) => q.where('cases.created_at', '>=', f.createdFrom!))
    .$if(f.createdBefore !== undefined, (q) => q.where('cases.created_at', '<', f.createdBefore!))
    .$if(f.rating !== undefined, (q) => q.where('cases.rating', '=', f.rating!))
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(cases.created_at, cases.case_no) < (${after!.createdAt}::timestamptz, ${after!.caseNo})`))
    .orderBy('cases.created_at', 'desc').orderBy('cases.case_no', 'desc');
}

/** One page, and the cursor of the next (none when this page is the last). */
export async function findCases(db: Kysely<Database>, v: Viewer, f: CaseFilter, limit: number, after?: Cursor) {
  const rows = await findCasesQuery(db, v, f, after).limit(limit + 1).execute();
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, next: more && last ? `${last.cursor_at}~${last.case_no}` : null };
}

/** The streets a viewer of the union's line may filter by, and their enterprises. */
export async function finderArea(db: Kysely<Database>, v: Viewer) {
  const streets = await db.selectFrom('org_units').select(['id', 'name']).where('level', '=', 'street')
    .where(v.scope === 'district' ? 'parent_id' : 'id', '=', v.unitId).orderBy('id').execute();
  const enterprises = streets.length === 0 ? [] : await db.selectFrom('enterprises').select(['id', 'name', 'street_id'])
    .where('street_id', 'in', streets.map((s) => s.id)).orderBy('street_id').orderBy('name').execute();
  return { streets, enterprises };
}

export async function savedFiltersOf(db: Kysely<Database>, userId: number) {
  return db.selectFrom('saved_case_filters').select(['id', 'name', 'query', 'created_at']).where('user_id', '=', userId).orderBy('name').execute();
}

/** Saved under its name; the same name again replaces that filter (a person's names are theirs alone). */
export async function saveFilter(db: Kysely<Database>, userId: number, name: string, query: string) {
  return db.insertInto('saved_case_filters').values({ user_id: userId, name, query })
    .onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet({ query, created_at: new Date() }))
    .returning(['id', 'name', 'query']).executeTakeFirstOrThrow();
}

/** Deletes one's own filter only: someone else's id deletes nothing (false). */
export async function deleteFilter(db: Kysely<Database>, userId: number, id: number): Promise<boolean> {
  const r = await db.deleteFrom('saved_case_filters').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
