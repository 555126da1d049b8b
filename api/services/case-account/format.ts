/** How times and spans read in the account: Asia/Shanghai wall-clock minutes, spans in days, hours and minutes. */
import { when } from '../../../workflows/kinds/account-spec';
import { ROLE_LABELS } from '../../../workflows/shared/roles';

// when and span are the kinds' words too (their account.ts), so they live with them, pure.
export { span, when } from '../../../workflows/kinds/account-spec';

export const toMs = (t: Date | string | number): number => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t));

/** "09:30" when on the same Shanghai day as `ref`, else the full minute: a detail line next to its entry's date. */
export function clock(t: Date | string | number, ref: Date | string | number): string {
  const a = when(t);
  return a.slice(0, 10) === when(ref).slice(0, 10) ? a.slice(11) : a;
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** "北山街道社工（社会化工会工作者）": a person with the role they acted in. */
export function person(name: string, role: string): string {
  return role === 'system' ? '系统' : `${name}（${roleLabel(role)}）`;
}
