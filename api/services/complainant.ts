import type { Kysely } from 'kysely';
import { findCase } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import { HttpError } from '../errors';

/**
 * A worker proves a case is theirs with its tracking number and the phone it was filed with. Both wrong and unknown
 * answer alike, so the number alone reveals nothing.
 */
export async function proveComplainant(db: Kysely<Database>, caseNo: string, phone: string) {
  const row = await findCase(db, caseNo);
  if (!row || row.complainant_phone !== phone) throw new HttpError(404, '查询编号或手机号不正确', 'NOT_FOUND');
  return row;
}
