/**
 * Deny by default (issue 14): what each role may do at all, and which cases it may see. A role or a permission missing
 * here is refused; a route that declares no access is refused too, and so is one naming a permission nobody defines
 * (api/plugins/app/access.ts). The core's permissions are below; each kind adds its own with the roles that hold them
 * (its registry entry's `permissions`).
 */
import type { StaffRole } from '../shared/roles';
import { CASE_KINDS } from './index';

export type CorePermission =
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
  /** decode payloads for the Temporal Web UI: everything in the engine, so only the district's own leadership */
  | 'codec'
  /** set or clear a day of the holiday calendar: every open case's statutory deadlines follow it */
  | 'calendar.edit'
  /**
   * the documents addressed to one's institution: list them, confirm receipt (clerks of institutes and courts); a
   * lawyer's are those addressed to them by name (the 指派函), never their colleagues'
   */
  | 'documents'
  /** the negotiation index's scores, table, chart and CSV: the district's, or a street chair's own street's */
  | 'negotiationIndex.read'
  /** the negotiation index's tree (names, weights) and the values entered per enterprise and year: the city union's staff */
  | 'negotiationIndex.edit';

/** A core permission, or one a kind adds ('grievance.file', 'mediation.open'): checked against the registry at start. */
export type Permission = CorePermission | (string & {});

export const CORE_PERMISSION_LABELS: Record<CorePermission, string> = {
  inbox: '查看待办', 'case.read': '查看案件', 'case.act': '办理案件', 'case.history': '查看完整流程记录',
  'sms.read': '查看短信', codec: '解密引擎数据', 'calendar.edit': '设置节假日安排', documents: '查看送达本单位或本人的文书',
  'negotiationIndex.read': '查看协商指数', 'negotiationIndex.edit': '维护协商指数的指标体系和数据',
};

/**
 * Whose cases a role sees: its street, its district, the enterprise's cases once the workflow told its chair
 * (addressed), or only the cases with a task assigned to it (departments, mediators, lawyers, clerks, procurators,
 * mentors). Outsiders (every scope but street and district) see names and phones masked.
 */
export type Scope = 'street' | 'district' | 'enterprise' | 'department' | 'assigned';

interface RolePolicy { scope: Scope; can: CorePermission[] }

const OUTSIDER: RolePolicy = { scope: 'assigned', can: ['inbox', 'case.read', 'case.act', 'sms.read'] };

export const ACCESS_POLICY: Record<StaffRole, RolePolicy> = {
  street_caseworker: { scope: 'street', can: ['inbox', 'case.read', 'case.act', 'sms.read'] },
  street_chair: { scope: 'street', can: ['inbox', 'case.read', 'case.act', 'case.history', 'sms.read', 'negotiationIndex.read'] },
  district_staff: { scope: 'district', can: ['inbox', 'case.read', 'case.act', 'case.history', 'sms.read', 'codec', 'calendar.edit', 'negotiationIndex.read', 'negotiationIndex.edit'] },
  supervising_leader: { scope: 'district', can: ['inbox', 'case.read', 'case.history', 'sms.read', 'codec', 'negotiationIndex.read'] },
  district_chair: { scope: 'district', can: ['inbox', 'case.read', 'case.history', 'sms.read', 'codec', 'negotiationIndex.read'] },
  // case.act: the chair runs the enterprise's wage round; every other kind's rules refuse a chair's commands.
  enterprise_chair: { scope: 'enterprise', can: ['inbox', 'case.read', 'case.act', 'sms.read'] },
  // documents: HR & social security receives the wage contracts filed with it (addressed to its unit only)
  partner_department: { scope: 'department', can: ['inbox', 'case.read', 'case.act', 'sms.read', 'documents'] },
  union_mediator: OUTSIDER,
  legal_aid_lawyer: { scope: 'assigned', can: [...OUTSIDER.can, 'documents'] },
  arbitration_clerk: { scope: 'assigned', can: [...OUTSIDER.can, 'documents'] },
  court_clerk: { scope: 'assigned', can: [...OUTSIDER.can, 'documents'] },
  procurator: { scope: 'assigned', can: [...OUTSIDER.can, 'documents'] },
  negotiation_mentor: OUTSIDER,
  // Read-only (issue 23): the district's cases, their pages, history and the lists; no command, no edit, no codec.
  auditor: { scope: 'district', can: ['inbox', 'case.read', 'case.history', 'sms.read', 'negotiationIndex.read'] },
};

/** The permissions the kinds add, each with its label and the roles that hold it. */
function kindPermissions() {
  return Object.assign({}, ...CASE_KINDS.map((k) => k.permissions)) as Record<string, { label: string; roles: readonly string[] }>;
}

export function isKnownPermission(permission: string): boolean {
  return Object.hasOwn(CORE_PERMISSION_LABELS, permission) || Object.hasOwn(kindPermissions(), permission);
}

export function permissionLabel(permission: string): string {
  return (CORE_PERMISSION_LABELS as Record<string, string>)[permission] ?? kindPermissions()[permission]?.label ?? permission;
}

export function policyOf(role: string): RolePolicy | undefined {
  return Object.hasOwn(ACCESS_POLICY, role) ? ACCESS_POLICY[role as StaffRole] : undefined;
}

export function may(role: string, permission: Permission): boolean {
  const policy = policyOf(role);
  if (!policy) return false;
  if ((policy.can as string[]).includes(permission)) return true;
  const kinds = kindPermissions();
  return Object.hasOwn(kinds, permission) && kinds[permission].roles.includes(role);
}

/** Roles outside the union's line: they never see a worker's name or phone in clear. */
export function isOutsiderRole(role: string): boolean {
  const scope = policyOf(role)?.scope;
  return scope !== 'street' && scope !== 'district';
}
