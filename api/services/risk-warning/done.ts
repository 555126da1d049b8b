/**
 * Recording a follow-up as done: the API checks it is the caller's to close, then signals its workflow, which closes
 * the row (the API never writes it). District staff close any of their district; a street chair the routine visits of
 * their own street (talks and inspections are the district's).
 */
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { followUpById } from '../../../db/queries/risk-warning';
import type { SignedInStaff } from '../../../db/queries/staff';
import type { Database } from '../../../db/schema';
import { followUpDoneSignal } from '../../../workflows/risk-warning/definitions';
import { forbidden, HttpError, notFound } from '../../errors';

export async function markFollowUpDone(db: Kysely<Database>, temporal: Client, staff: SignedInStaff, followupId: string, note: string): Promise<void> {
  const f = await followUpById(db, followupId);
  if (!f) throw notFound('处置任务');
  const street = await db.selectFrom('org_units').select('parent_id').where('id', '=', f.street_id).executeTakeFirst();
  const ours = staff.role === 'street_chair' ? f.street_id === staff.org_unit_id : street?.parent_id === staff.org_unit_id;
  if (!ours) throw forbidden('该处置任务不在您的辖区');
  if (staff.role === 'street_chair' && f.action !== 'visit') throw forbidden('约谈和联合检查由区总工会登记结果');
  if (f.status !== 'open') throw new HttpError(409, '该处置任务已办结', 'CONFLICT');
  await temporal.workflow.getHandle(followupId).signal(followUpDoneSignal, { by: staff.display_name, note: note.trim() });
}
