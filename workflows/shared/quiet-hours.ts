/**
 * Night-time quiet for reminders (issue 14): a due time at 23:59:59 must not text people at midnight and at 04:00.
 * Hours are Asia/Shanghai wall-clock times ("22:00" to "08:00"); mainland China keeps UTC+8 all year.
 */
export interface QuietHours {
  from: string;
  to: string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SHANGHAI_OFFSET = 8 * 60 * MINUTE;

function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`quiet hours must be HH:MM, got ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** How long a message due at `ms` must wait for the quiet hours to end: 0 outside them (or with none configured). */
export function quietDelay(ms: number, quiet: QuietHours | null | undefined): number {
  if (!quiet) return 0;
  const from = minutesOf(quiet.from) * MINUTE;
  const to = minutesOf(quiet.to) * MINUTE;
  if (from === to) return 0;
  const local = ms + SHANGHAI_OFFSET;
  const dayStart = Math.floor(local / DAY) * DAY;
  const t = local - dayStart;
  const wraps = from > to;
  const inQuiet = wraps ? t >= from || t < to : t >= from && t < to;
  if (!inQuiet) return 0;
  const end = dayStart + to + (wraps && t >= from ? DAY : 0);
  return end - local;
}

/** "22:00-08:00" (or empty for none), as GONGQING_QUIET_HOURS gives it. */
export function parseQuietHours(spec: string): QuietHours | null {
  if (spec.trim() === '') return null;
  const [from, to] = spec.split('-').map((x) => x.trim());
  minutesOf(from ?? '');
  minutesOf(to ?? '');
  return { from, to };
}
