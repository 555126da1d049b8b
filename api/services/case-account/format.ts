/** How times and spans read in the account: Asia/Shanghai wall-clock minutes, spans in days, hours and minutes. */
import { shanghaiMinute } from '../../../workflows/shared/deadlines';
import { ROLE_LABELS } from '../../../workflows/shared/roles';

export const toMs = (t: Date | string | number): number => (t instanceof Date ? t.getTime() : typeof t === 'number' ? t : Date.parse(t));

/** "2026-11-26 09:30" (the same form the workflow writes into its event summaries). */
export function when(t: Date | string | number): string {
  return shanghaiMinute(toMs(t));
}

/** "09:30" when on the same Shanghai day as `ref`, else the full minute: a detail line next to its entry's date. */
export function clock(t: Date | string | number, ref: Date | string | number): string {
  const a = when(t);
  return a.slice(0, 10) === when(ref).slice(0, 10) ? a.slice(11) : a;
}

/** "2天3小时", "4小时15分", "12分", "40秒". */
export function span(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}天${h ? `${h}小时` : ''}`;
  if (h > 0) return `${h}小时${m ? `${m}分` : ''}`;
  if (m > 0) return `${m}分`;
  return s > 0 ? `${s}秒` : '不到1秒';
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** "北山街道社工（社会化工会工作者）": a person with the role they acted in. */
export function person(name: string, role: string): string {
  return role === 'system' ? '系统' : `${name}（${roleLabel(role)}）`;
}
