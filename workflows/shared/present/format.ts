/**
 * How money, time and personal data read, in one pure place shared by the pages, the SMS texts, the documents and the
 * JSON API (DESIGN: templates and activities never import api/). Not for workflow code: it uses Intl.
 */
const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});

export function shanghaiTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(d.getTime()) ? '' : SHANGHAI.format(d);
}

export function yuan(fen: unknown): string {
  const n = Number(fen);
  return Number.isFinite(n) ? (n / 100).toFixed(2) : '';
}

/** 138****5678: personal data stays masked in lists and logs (DESIGN, conventions). */
export function maskPhone(phone: unknown): string {
  const s = String(phone ?? '');
  return s.length >= 7 ? `${s.slice(0, 3)}****${s.slice(-4)}` : '****';
}

export function maskName(name: unknown): string {
  const s = String(name ?? '');
  return s.length <= 1 ? s : `${s[0]}${'*'.repeat(Math.min(s.length - 1, 2))}`;
}
