/**
 * How close a due time is, as a caseworker reads it at a glance (issue 15): overdue first and in red, due today in
 * orange, due within three days in blue, later plain; with a countdown in words. Pure; "now" is passed in.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;

export type DueState = 'overdue' | 'today' | 'soon' | 'later';

function span(ms: number): string {
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  if (d > 0) return h > 0 ? `${d}天${h}小时` : `${d}天`;
  if (h > 0) return m > 0 ? `${h}小时${m}分` : `${h}小时`;
  return `${Math.max(m, 1)}分钟`;
}

const shanghaiDay = (ms: number) => Math.floor((ms + SHANGHAI) / DAY);

export function dueStatus(due: Date | string, now: number): { state: DueState; label: string } {
  const at = new Date(due).getTime();
  const left = at - now;
  if (left < 0) return { state: 'overdue', label: `已超时 ${span(-left)}` };
  if (shanghaiDay(at) === shanghaiDay(now)) return { state: 'today', label: `今天到期，还剩 ${span(left)}` };
  if (left <= 3 * DAY) return { state: 'soon', label: `还剩 ${span(left)}` };
  return { state: 'later', label: `还剩 ${span(left)}` };
}
