/**
 * A case's creation, inside persistTransition's transaction: the row every kind has, its kind's own facts, and the link
 * to the case that handed it over. All three are keyed, so a retried creation writes nothing twice.
 */
import type { Insertable, Transaction } from 'kysely';
import { insertKindFacts } from '../../db/queries/case-facts';
import { linkChild } from '../../db/queries/case-links';
import type { CaseTable, Database } from '../../db/schema';
import type { CaseEvent, NewCaseFacts } from '../types';
import { newCaseRow } from './transition-rows';

/**
 * The parent a creating transition names: its own field, or (a mediation started before that field existed, whose
 * history must keep working) the `parentCaseNo` in the data of one of its events.
 */
export function parentOf(c: NewCaseFacts, events: CaseEvent[]): string | null {
  if (c.parentCaseNo) return c.parentCaseNo;
  const named = events.map((e) => e.data?.parentCaseNo).find((p) => typeof p === 'string' && p !== '');
  return typeof named === 'string' ? named : null;
}

/**
 * Whether the row was written now (false: a retry found it written, with everything that went with it). `patched`
 * are the transition's own changes to the row, written with it rather than by an update after it (bench/: one
 * statement fewer for every new case, whose first transition also opens its first step).
 */
export async function createCase(
  trx: Transaction<Database>, caseNo: string, at: string, c: NewCaseFacts, events: CaseEvent[], patched: Partial<Insertable<CaseTable>> = {},
): Promise<boolean> {
  const inserted = await trx.insertInto('cases').values(newCaseRow(caseNo, at, c, patched))
    .onConflict((oc) => oc.column('case_no').doNothing()).returning('case_no').executeTakeFirst();
  // A retry after the row was written: the facts and the link went with it in the same transaction.
  if (!inserted) return false;
  await insertKindFacts(trx, c.kind, caseNo, { category: c.category, description: c.description });
  const parent = parentOf(c, events);
  if (parent) await linkChild(trx, parent, caseNo, c.createdAt);
  return true;
}
