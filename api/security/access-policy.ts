/**
 * Deny by default (issue 14): what each role may do at all, and which cases it may see. A role or a permission missing
 * here is refused; a route that declares no access is refused too (api/plugins/app/access.ts).
 */
import type { StaffRole } from '../../workflows/shared/roles';

export type Permission =
  /** the to-do list: tasks assigned to the role (and, for the union's line, its jurisdiction's tasks) */
  | 'inbox'
  /** open a visible case: its facts, live stage and events */
  | 'case.read'
  /** send commands on a visible case; the case's rules then decide which, and only the assignee acts on a step */
  | 'case.act'
  /** the engine's full history of a visible case, and the check of its event chain */
  | 'case.history'
  /** the SMS page: the jurisdiction's messages for the union's line, only the messages sent to them for outsiders */
  | 'sms.read'
  /** file a grievance on a worker's behalf (no phone code; recorded as filed by this staff member) */
  | 'grievance.file'
  /** decode payloads for the Temporal Web UI: everything in the engine, so only the district's own leadership */
  | 'codec'
  /** set or clear a day of the holiday calendar: every open case's statutory deadlines follow it */
  | 'calendar.edit'
  /** open a mediation case: the station's mediators (a walk-in), the arbitration institute's clerks (a referral) */
  | 'mediation.open'
  /** the documents addressed to one's institution: list them, confirm receipt (clerks of institutes and courts) */
  | 'documents';

/**
 * Whose cases a role sees: its street, its district, the enterprise's cases once the workflow told its chair
 * (addressed), or only the cases with a task assigned to it (departments, mediators, lawyers, clerks, procurators,
 * mentors). Outsiders (every scope but street and district) see names and phones masked.
 */
export type Scope = 'street' | 'district' | 'enterprise' | 'department' | 'assigned';

interface RolePolicy { scope: Scope; can: Permission[] }

const OUTSIDER: RolePolicy = { scope: 'assigned', can: ['inbox', 'case.read', 'case.act', 'sms.read'] };

export const ACCESS_POLICY: Record<StaffRole, RolePolicy> = {
  street_caseworker: { scope: 'street', can: ['inbox', 'case.read', 'case.act', 'sms.read', 'grievance.file'] },
  street_chair: { scope: 'street', can: ['inbox', 'case.read', 'case.act', 'case.history', 'sms.read', 'grievance.file'] },
  district_staff: { scope: 'district', can: ['inbox', 'case.read', 'case.act', 'case.history', 'sms.read', 'grievance.file', 'codec', 'calendar.edit'] },
  supervising_leader: { scope: 'district', can: ['inbox', 'case.read', 'case.history', 'sms.read', 'codec'] },
  district_chair: { scope: 'district', can: ['inbox', 'case.read', 'case.history', 'sms.read', 'codec'] },
  enterprise_chair: { scope: 'enterprise', can: ['inbox', 'case.read', 'sms.read'] },
  partner_department: { scope: 'department', can: ['inbox', 'case.read', 'case.act', 'sms.read'] },
  union_mediator: { scope: 'assigned', can: [...OUTSIDER.can, 'mediation.open'] },
  legal_aid_lawyer: OUTSIDER,
  arbitration_clerk: { scope: 'assigned', can: [...OUTSIDER.can, 'documents', 'mediation.open'] },
  court_clerk: { scope: 'assigned', can: [...OUTSIDER.can, 'documents'] },
  procurator: { scope: 'assigned', can: [...OUTSIDER.can, 'documents'] },
  negotiation_mentor: OUTSIDER,
};

export function policyOf(role: string): RolePolicy | undefined {
  return Object.hasOwn(ACCESS_POLICY, role) ? ACCESS_POLICY[role as StaffRole] : undefined;
}

export function may(role: string, permission: Permission): boolean {
  return policyOf(role)?.can.includes(permission) ?? false;
}

/** Roles outside the union's own line: they never see a worker's name or phone in clear. */
export function isOutsiderRole(role: string): boolean {
  const scope = policyOf(role)?.scope;
  return scope !== 'street' && scope !== 'district';
}
