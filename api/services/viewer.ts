/** A signed-in staff member as the case queries and the workflow's rules see them. */
import type { Viewer } from '../../db/queries/cases';
import type { SignedInStaff } from '../../db/queries/staff';
import type { Actor } from '../../workflows/shared/roles';
import { isOutsiderRole, policyOf } from '../security/access-policy';

export function viewerOf(staff: SignedInStaff): Viewer {
  return {
    scope: policyOf(staff.role)?.scope ?? 'none', role: staff.role, userId: staff.id, unitId: staff.org_unit_id,
    department: staff.role === 'partner_department' ? staff.department ?? '' : null,
  };
}

export function actorOf(staff: SignedInStaff): Actor {
  return { role: staff.role as Actor['role'], name: staff.display_name, userId: staff.id, unitId: staff.org_unit_id, department: staff.department };
}

export function isOutsider(staff: SignedInStaff): boolean {
  return isOutsiderRole(staff.role);
}

/** Outsiders' SMS page lists only what was sent to them. */
export function outboxFilter(staff: SignedInStaff) {
  return isOutsider(staff) ? { role: staff.role, phone: staff.phone } : undefined;
}

/** A to-do of this person: taken over by them, or open for their role in their unit. */
export function isMyTask(t: { assignee_role: string; org_unit_id: string; assignee_user_id: number | null }, staff: SignedInStaff): boolean {
  return t.assignee_user_id ? t.assignee_user_id === staff.id : t.assignee_role === staff.role && t.org_unit_id === staff.org_unit_id;
}
