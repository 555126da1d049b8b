/**
 * The one place that knows which table holds each kind's own facts (migration 012): `cases` has what every kind has,
 * `grievance_cases` and `mediation_cases` the rest. Readers get a case row with the two facts the pages and lists
 * show, `category` (a grievance's; null for other kinds) and `description` (what the case is about, in its kind's
 * words), so no reader joins kind tables itself.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

/** Case rows with `category` and `description` from their kind's table: add `where`s on `cases.*` as usual. */
export function caseRows(db: Kysely<Database>) {
  return db.selectFrom('cases')
    .leftJoin('grievance_cases', 'grievance_cases.case_no', 'cases.case_no')
    .leftJoin('mediation_cases', 'mediation_cases.case_no', 'cases.case_no')
    .selectAll('cases')
    .select((eb) => ['grievance_cases.category', eb.fn.coalesce('grievance_cases.description', 'mediation_cases.dispute').as('description')]);
}

/** What a case's own table is given when it is created (today's NewCaseFacts: a grievance's and a mediation's). */
export interface KindFacts {
  category?: string;
  description?: string;
}

/** A kind's own row as created: its table and the row's values. */
export interface KindFactsRow {
  table: 'grievance_cases' | 'mediation_cases';
  row: Record<string, string>;
}

/** Keyed by `cases.kind`; a kind without an entry keeps no facts outside `cases` (its workflow holds them). */
const ROWS: Record<string, (caseNo: string, f: KindFacts) => KindFactsRow> = {
  grievance: (caseNo, f) => ({ table: 'grievance_cases', row: { case_no: caseNo, category: f.category ?? 'other', description: f.description ?? '' } }),
  mediation: (caseNo, f) => ({ table: 'mediation_cases', row: { case_no: caseNo, dispute: f.description ?? '' } }),
};

/** The row a new case of `kind` has in its kind's table, or none. */
export function kindFactsRow(kind: string, caseNo: string, facts: KindFacts): KindFactsRow | undefined {
  return Object.hasOwn(ROWS, kind) ? ROWS[kind](caseNo, facts) : undefined;
}

/** Written once, with the case row: a retried creation changes nothing. */
export async function insertKindFacts(trx: Transaction<Database>, kind: string, caseNo: string, facts: KindFacts): Promise<void> {
  const k = kindFactsRow(kind, caseNo, facts);
  if (k) await trx.insertInto(k.table).values(k.row as never).onConflict((oc) => oc.column('case_no').doNothing()).execute();
}
