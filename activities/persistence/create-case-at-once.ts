/**
 * A new case's first transition as one statement (issue 24): the case row, its kind's row, its events, its first task
 * and its parties, each part inserted only when the case row was. Written as a transaction, the same creation took
 * seven round trips (BEGIN, five inserts, COMMIT); bench/: each costs the worker's main thread and Postgres a
 * statement's overhead, for every case filed.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { kindFactsRow } from '../../db/queries/case-facts';
import { GENESIS_HASH } from '../../db/event-chain';
import { PREPARED } from '../../db/prepared-statements';
import type { Database } from '../../db/schema';
import type { NewCaseFacts, Transition } from '../types';
import { parentOf } from './create-case';
import { chainedEvents, newCaseRow, openedTaskRow, partyRows, patchColumns } from './transition-rows';

/** The parts of a transition this statement writes; a transition with any other part takes the transaction. */
const PARTS_WRITTEN_AT_ONCE = new Set<string>(['caseNo', 'at', 'createCase', 'casePatch', 'events', 'openTask', 'parties']);

/** Whether `t` creates a case and does nothing this statement cannot (a handed-over case also links to its parent). */
export function createsOnly(t: Transition): t is Transition & { createCase: NewCaseFacts } {
  return t.createCase !== undefined && parentOf(t.createCase, t.events ?? []) === null
    && Object.entries(t).every(([part, value]) => value === undefined || PARTS_WRITTEN_AT_ONCE.has(part));
}

/**
 * `rows` into `table`, as a part of the statement below: from JSON (one parameter, however many rows) and joined to
 * `new_case`, so nothing is inserted unless the case row was. Foreign keys are checked at the statement's end, when
 * the case row is there.
 */
export function insertWithTheCase(table: string, rows: object[], onConflict: RawBuilder<unknown> = sql``) {
  const columns = Object.keys(rows[0]);
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select ${sql.join(columns.map((c) => sql.ref(`r.${c}`)))}
    from new_case, jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb) r ${onConflict}`;
}

/** A part of the statement, named so that a later part can read it (a part's rows join `new_case` to be written). */
export interface StatementPart {
  name: string;
  query: RawBuilder<unknown>;
}

/**
 * Writes `t` (a creation only: createsOnly) in one statement and says whether it did. False: the case row was there
 * already (a retried creation, or one running at the same moment), and nothing was written; the caller then applies the
 * transition as any other, which changes only what a retry may.
 */
export async function createCaseAtOnce(db: Kysely<Database>, t: Transition & { createCase: NewCaseFacts }): Promise<boolean> {
  return (await createCaseReturning(db, t, [])) !== null;
}

/**
 * As createCaseAtOnce, with `alongside`: parts of the same statement that write what belongs with the new case (its
 * intake texts: activities/sms/texts-with-the-case.ts), only when it is written. Gives the rows that the part named
 * `returnedBy` returned (its `returning` clause; none without one), or null when nothing was written.
 */
export async function createCaseReturning(
  db: Kysely<Database>, t: Transition & { createCase: NewCaseFacts }, alongside: StatementPart[], returnedBy?: string,
): Promise<unknown[] | null> {
  const c = t.createCase;
  const row = newCaseRow(t.caseNo, t.at, c, t.casePatch ? patchColumns(t.casePatch) : {});
  const columns = Object.keys(row);
  const kindRow = kindFactsRow(c.kind, t.caseNo, { category: c.category, description: c.description });
  const events = t.events ?? [];
  const parties = partyRows(t);
  const own = [
    ...(kindRow ? [insertWithTheCase(kindRow.table, [kindRow.row])] : []),
    // Nothing of the case is stored yet: its chain starts at the genesis hash, known whole here.
    ...(events.length > 0 ? [insertWithTheCase('case_events', chainedEvents(t.caseNo, events, GENESIS_HASH))] : []),
    ...(t.openTask ? [insertWithTheCase('tasks', [openedTaskRow(t.caseNo, t.at, t.openTask)])] : []),
    ...(parties.length > 0 ? [insertWithTheCase('case_parties', parties)] : []),
  ];
  const parts: StatementPart[] = [...own.map((query, i) => ({ name: `part_${i}`, query })), ...alongside];
  // Its text is the same for every case of a kind (the rows are JSON parameters): prepared once per connection.
  const { rows } = await sql<{ case_no: string; returned?: unknown[] }>`${sql.raw(PREPARED)} with new_case as (
      insert into cases (${sql.join(columns.map((col) => sql.ref(col)))})
      select ${sql.join(columns.map((col) => sql.ref(`r.${col}`)))} from jsonb_populate_record(null::cases, ${JSON.stringify(row)}::jsonb) r
      on conflict (case_no) do nothing returning case_no
    )${sql.join(parts.map((part) => sql`, ${sql.ref(part.name)} as (${part.query})`), sql``)}
    select case_no${returnedBy ? sql`, (select coalesce(jsonb_agg(x), '[]'::jsonb) from ${sql.ref(returnedBy)} x) as returned` : sql``}
    from new_case`.execute(db);
  return rows.length > 0 ? (rows[0].returned ?? []) : null;
}
