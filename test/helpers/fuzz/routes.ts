/**
 * The routes as the app registered them (System.routes), and what follows from a route alone: its key, the recipe it
 * follows, whether it answers JSON or pages, and which demo staff member may (or may not) use it.
 */
import { may, type Permission } from '../../../api/security/access-policy';

export interface Route { method: string; url: string; access?: string }

export const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isApi = (url: string) => url.startsWith('/api/') || url.startsWith('/codec/');
export const keyOf = (r: Route) => `${r.method} ${r.url}`;
/** HEAD routes follow their GET's recipe; "/staff/" is the prefix's own root, like "/staff" */
export const recipeKeyOf = (r: Route) => `${r.method === 'HEAD' ? 'GET' : r.method} ${r.url === '/staff/' ? '/staff' : r.url}`;

/** who holds the permissions outside the union's line: the station's mediator opens cases, the institute's clerk reads documents */
const OUTSIDE_LINE: Partial<Record<string, string>> = { 'mediation.open': 'xihu.tj', documents: 'xihu.zc' };

/** the staff member who may use a route (the street caseworker where allowed, else the district's staff) */
export function staffFor(access: string | undefined): string {
  if (access && OUTSIDE_LINE[access]) return OUTSIDE_LINE[access]!;
  if (access && access !== 'public' && access !== 'worker' && !may('street_caseworker', access as Permission)) return 'xihu.qb';
  return 'beishan.sg';
}
/** someone signed in whose role lacks the route's permission, if there is one */
export function forbiddenFor(access: string | undefined): string | undefined {
  if (!access || access === 'public' || access === 'worker') return undefined;
  return may('enterprise_chair', access as Permission) ? undefined : 'jingmi.zx';
}

/** The staff page's actions last: one wrongly accepted there moves its case (B) on, and can leave it stuck. */
export const staffActionsLast = (routes: readonly Route[]) =>
  [...routes].sort((x, y) => Number(x.url.includes('/staff/cases/:caseNo/actions')) - Number(y.url.includes('/staff/cases/:caseNo/actions')));
