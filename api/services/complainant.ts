import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { findCase } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import type { GrievanceView } from '../../workflows/shared/grievance-model';
import { HttpError } from '../errors';
import { actOnGrievance, addComplainantNote } from './grievance-commands';

/**
 * A worker proves a case is theirs with its tracking number and the phone it was filed with. Both wrong and unknown
 * answer alike, so the number alone reveals nothing.
 */
export async function proveComplainant(db: Kysely<Database>, caseNo: string, phone: string) {
  const row = await findCase(db, caseNo);
  if (!row || row.complainant_phone !== phone) throw new HttpError(404, '查询编号或手机号不正确', 'NOT_FOUND');
  return row;
}

type CaseRow = Awaited<ReturnType<typeof proveComplainant>>;
interface Deps { db: Kysely<Database>; temporal: Client }

/**
 * The worker's own commands on their case, each proved by phone first. The JSON API and the phone pages both call
 * these, so the two cannot drift apart in what they accept or how they record it.
 */
export async function rateAsComplainant(
  { db, temporal }: Deps, caseNo: string, body: { phone: string; score: number; comment?: string },
): Promise<{ row: CaseRow; view: GrievanceView }> {
  const row = await proveComplainant(db, caseNo, body.phone);
  const comment = body.comment?.trim();
  const payload = { score: body.score, ...(comment ? { comment } : {}) };
  const view = await actOnGrievance(temporal, row.case_no, { action: 'rate', actor: { role: 'worker', name: row.complainant_name }, payload });
  return { row, view };
}

export async function withdrawAsComplainant(
  { db, temporal }: Deps, caseNo: string, body: { phone: string; reason: string },
): Promise<{ row: CaseRow; view: GrievanceView }> {
  const row = await proveComplainant(db, caseNo, body.phone);
  const view = await actOnGrievance(temporal, row.case_no, {
    action: 'withdraw', actor: { role: 'worker', name: row.complainant_name }, payload: { reason: body.reason.trim() },
  });
  return { row, view };
}

export async function addNoteAsComplainant({ db, temporal }: Deps, caseNo: string, body: { phone: string; text: string }): Promise<CaseRow> {
  const row = await proveComplainant(db, caseNo, body.phone);
  await addComplainantNote(temporal, row.case_no, body.text.trim());
  return row;
}
