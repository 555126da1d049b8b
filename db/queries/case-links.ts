/** Cases that belong together (migration 013): a parent and the child it handed over, or cases merely related. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema';

/**
 * Records `childCaseNo` as handed over by `parentCaseNo`, once. A parent number that names no case (an institute's own
 * number, a case of another system) links nothing: the link is a fact about two cases here, not a reference out.
 */
export async function linkChild(trx: Transaction<Database>, parentCaseNo: string, childCaseNo: string, at: string): Promise<void> {
  if (parentCaseNo === childCaseNo) return;
  await trx.insertInto('case_links')
    .columns(['case_no', 'linked_case_no', 'relation', 'created_at'])
    .expression((eb) => eb.selectFrom('cases')
      .select([sql<string>`${parentCaseNo}::text`.as('case_no'), sql<string>`${childCaseNo}::text`.as('linked_case_no'),
        sql<'child'>`'child'::text`.as('relation'), sql<Date>`${at}::timestamptz`.as('created_at')])
      .where('case_no', '=', parentCaseNo))
    .onConflict((oc) => oc.columns(['case_no', 'linked_case_no']).doNothing()).execute();
}

export interface LinkedCase {
  caseNo: string;
  kind: string;
  status: string;
  stage: string;
  /** seen from the case asked about: its parent, its child, or a related case */
  relation: 'parent' | 'child' | 'related';
  linkedAt: Date;
}

/** Every case linked to `caseNo`, either way round, oldest link first. */
export async function linkedCases(db: Kysely<Database>, caseNo: string): Promise<LinkedCase[]> {
  const cols = ['cases.case_no', 'cases.kind', 'cases.status', 'cases.stage', 'case_links.relation', 'case_links.created_at'] as const;
  const [down, up] = await Promise.all([
    db.selectFrom('case_links').innerJoin('cases', 'cases.case_no', 'case_links.linked_case_no').select(cols)
      .where('case_links.case_no', '=', caseNo).execute(),
    // The other way round (by the index on linked_case_no): a child link names this case's parent.
    db.selectFrom('case_links').innerJoin('cases', 'cases.case_no', 'case_links.case_no').select(cols)
      .where('case_links.linked_case_no', '=', caseNo).execute(),
  ]);
  const seen = (r: (typeof down)[number], relation: LinkedCase['relation']): LinkedCase =>
    ({ caseNo: r.case_no, kind: r.kind, status: r.status, stage: r.stage, relation, linkedAt: r.created_at });
  return [
    ...down.map((r) => seen(r, r.relation)),
    ...up.map((r) => seen(r, r.relation === 'child' ? 'parent' : 'related')),
  ].sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime() || a.caseNo.localeCompare(b.caseNo));
}
