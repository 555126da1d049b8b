import type { Client } from '@temporalio/client';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { findCase } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import type { GrievanceView } from '../../workflows/kinds/grievance/model';
import { HttpError } from '../errors';
import { actOnCase, addCaseNote } from './cases';

/**
 * The worker's own case, if this request carries their proof for it (a session opened by their personal link or a
 * code sent to their phone). Unknown and not-theirs answer alike, so a case number alone reveals nothing.
 */
export async function ownCase(db: Kysely<Database>, req: FastifyRequest, caseNo: string) {
  const row = req.workerCases.includes(caseNo) ? await findCase(db, caseNo) : undefined;
  if (!row) throw new HttpError(404, '请通过短信中的专属链接，或用手机验证码打开您的诉求', 'NOT_FOUND');
  return row;
}

type CaseRow = Awaited<ReturnType<typeof ownCase>>;
interface Deps { db: Kysely<Database>; temporal: Client }

/**
 * The worker's own commands on their case. The JSON API and the phone pages both call these, so the two cannot drift
 * apart in what they accept or how they record it.
 */
export async function rateAsComplainant(
  { db, temporal }: Deps, req: FastifyRequest, caseNo: string, body: { score: number; comment?: string }, key?: string,
): Promise<{ row: CaseRow; view: GrievanceView }> {
  const row = await ownCase(db, req, caseNo);
  const comment = body.comment?.trim();
  const payload = { score: body.score, ...(comment ? { comment } : {}) };
  const view = await actOnCase<GrievanceView>(temporal, row.case_no, { action: 'rate', actor: { role: 'worker', name: row.complainant_name }, payload }, key);
  return { row, view };
}

export async function withdrawAsComplainant(
  { db, temporal }: Deps, req: FastifyRequest, caseNo: string, body: { reason: string }, key?: string,
): Promise<{ row: CaseRow; view: GrievanceView }> {
  const row = await ownCase(db, req, caseNo);
  const view = await actOnCase<GrievanceView>(temporal, row.case_no, {
    action: 'withdraw', actor: { role: 'worker', name: row.complainant_name }, payload: { reason: body.reason.trim() },
  }, key);
  return { row, view };
}

export async function addNoteAsComplainant({ db, temporal }: Deps, req: FastifyRequest, caseNo: string, body: { text: string }): Promise<CaseRow> {
  const row = await ownCase(db, req, caseNo);
  await addCaseNote(temporal, row.case_no, body.text.trim(), { role: 'worker', name: row.complainant_name });
  return row;
}
