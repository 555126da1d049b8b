import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { caseEvents, findCase, findCaseInJurisdiction } from '../../db/queries/cases';
import type { SignedInStaff } from '../../db/queries/staff';
import type { Database } from '../../db/schema';
import { allowedActions } from '../../workflows/shared/grievance-rules';
import type { Actor } from '../../workflows/shared/roles';
import { forbidden, notFound } from '../errors';
import { maskName, maskPhone } from '../../templates/helpers';
import { grievanceView } from './grievance-commands';

export function jurisdictionOf(staff: SignedInStaff) {
  return { unitId: staff.org_unit_id, level: staff.unit_level, department: staff.role === 'partner_department' ? staff.department ?? '-' : null };
}

/** Roles outside the union's own line: they see what concerns them, never the worker's contact details. */
export function isOutsider(staff: SignedInStaff): boolean {
  return staff.role === 'enterprise_chair' || staff.role === 'partner_department';
}

export function outboxFilter(staff: SignedInStaff) {
  return isOutsider(staff) ? { role: staff.role, phone: staff.phone } : undefined;
}

export function actorOf(staff: SignedInStaff): Actor {
  return { role: staff.role as Actor['role'], name: staff.display_name, userId: staff.id, department: staff.department };
}

/** A case as a staff member may see it: 404 if unknown, 403 outside their jurisdiction. */
export async function caseForStaff(db: Kysely<Database>, staff: SignedInStaff, caseNo: string) {
  const row = await findCaseInJurisdiction(db, caseNo, jurisdictionOf(staff));
  if (row) return row;
  if (await findCase(db, caseNo)) throw forbidden('该案件不在您的辖区，无权查看或办理');
  throw notFound();
}

export async function caseDetail(db: Kysely<Database>, temporal: Client, staff: SignedInStaff, caseNo: string) {
  const row = await caseForStaff(db, staff, caseNo);
  const [view, events] = await Promise.all([grievanceView(temporal, caseNo), caseEvents(db, caseNo)]);
  const actions = allowedActions(view, staff.role as Actor['role']).filter((a) => a !== 'rate');
  const coordination = view.openCoordination.filter((c) => staff.role !== 'partner_department' || c.department === staff.department);
  const visible = isOutsider(staff) ? { ...row, complainant_phone: maskPhone(row.complainant_phone), complainant_name: maskName(row.complainant_name) } : row;
  return { case: visible, view, events, actions, coordination, showContact: !isOutsider(staff) };
}
