/**
 * The access policy is pure data shared with the pages' menus: it lives with the registry that adds kinds' permissions.
 * The app's own pages that belong to no case kind add theirs here (the library, issue 23), so that the workflows'
 * registry stays about cases; the API, its menus (api/plugins/external/views.ts) and the tests read this module.
 */
import {
  isKnownPermission as kindKnown, may as kindMay, permissionLabel as kindLabel, type Permission,
} from '../../workflows/kinds/access-policy';

export * from '../../workflows/kinds/access-policy';

export const APP_PERMISSIONS: Record<string, { label: string; roles: readonly string[] }> = {
  /** add, edit and unpublish the workers' law & case library; every change is recorded with who made it */
  'library.edit': { label: '编辑法律政策与案例库', roles: ['district_staff'] },
  /** find, page and export the cases of one's district (a street chair: street), and keep one's own saved filters */
  'cases.find': { label: '查找和导出案件', roles: ['street_chair', 'district_staff', 'supervising_leader', 'district_chair', 'auditor'] },
  /** move open tasks to a colleague of the same role and unit, one command per case, for a recorded reason (a street chair: their street's caseworkers) */
  'tasks.reassign': { label: '批量转派待办', roles: ['street_chair', 'district_staff'] },
  /** the red / yellow / blue early warning: colours, trend, open follow-ups (a street chair: their own street) */
  'risk.read': { label: '查看风险隐患预警', roles: ['street_chair', 'district_staff', 'supervising_leader', 'district_chair'] },
  /** record a follow-up as done: district staff any in their district, a street chair the routine visits of their street */
  'risk.act': { label: '登记风险预警处置结果', roles: ['street_chair', 'district_staff'] },
  /** the "four haves" figures, chart images and CSV over the cases of one's district (a street chair: street) */
  'figures.read': { label: '查看“四有”工作数据', roles: ['street_chair', 'district_staff', 'supervising_leader', 'district_chair', 'auditor'] },
  /** the mediation station's figures by month and mediator: a mediator their station's, supervisors their district's */
  'stationFigures.read': { label: '查看调解工作室工作数据', roles: ['union_mediator', 'district_staff', 'supervising_leader', 'district_chair', 'auditor'] },
};

export function may(role: string, permission: Permission): boolean {
  return kindMay(role, permission) || (Object.hasOwn(APP_PERMISSIONS, permission) && APP_PERMISSIONS[permission].roles.includes(role));
}

export function isKnownPermission(permission: string): boolean {
  return kindKnown(permission) || Object.hasOwn(APP_PERMISSIONS, permission);
}

export function permissionLabel(permission: string): string {
  return Object.hasOwn(APP_PERMISSIONS, permission) ? APP_PERMISSIONS[permission].label : kindLabel(permission);
}
