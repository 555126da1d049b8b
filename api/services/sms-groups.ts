/**
 * The SMS page as staff read it (issue 15): one row per send (the intake's five staff notices are one message to five
 * people, not five rows), each recipient with their own delivery state; filtered by case, state and kind.
 */
import { maskPhone } from '../../workflows/shared/present/format';
import { SMS_KINDS } from '../../templates/sms-labels';

interface SmsRow {
  case_no: string | null; template: string; recipient_name: string; recipient_role: string; recipient_phone: string;
  body: string; status: string; attempts: number; last_error: string | null; created_at: Date;
}

export interface SmsFilter { caseNo?: string; state?: string; kind?: string }

export function groupSms(rows: SmsRow[], filter: SmsFilter = {}) {
  const groups = new Map<string, { caseNo: string | null; kind: string; body: string; at: Date; recipients: { name: string; role: string; phone: string; state: string; attempts: number; error: string | null }[] }>();
  for (const r of rows) {
    if (filter.caseNo && r.case_no !== filter.caseNo) continue;
    if (filter.kind && r.template !== filter.kind) continue;
    if (filter.state && r.status !== filter.state) continue;
    // One send: the same case, kind and text within the same minute (a batch is written in one statement).
    const key = `${r.case_no}|${r.template}|${r.body}|${Math.floor(r.created_at.getTime() / 60_000)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { caseNo: r.case_no, kind: SMS_KINDS[r.template] ?? r.template, body: r.body, at: r.created_at, recipients: [] }));
    g.recipients.push({ name: r.recipient_name, role: r.recipient_role, phone: maskPhone(r.recipient_phone), state: r.status, attempts: r.attempts, error: r.last_error });
  }
  return [...groups.values()];
}
