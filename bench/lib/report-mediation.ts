/** Section 6 of the report: the last party's confirmation of a mediation agreement → the 调解书 recorded. */
import type { HandoffResult } from '../mediation';
import type { Summary } from './stats';

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '–');
const triple = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`;

export function handoffSummary(h: HandoffResult | undefined, missing: string): string {
  return h ? `${triple(h.total)} ms (p50 / p95 / max, ${h.cases} cases of ${h.workers} workers)` : missing;
}

export function handoffSection(h: HandoffResult | undefined, missing: string): string {
  if (!h) return ['## 6. Agreement confirmed → 调解书', '', missing, ''].join('\n');
  const row = (label: string, s: Summary) => `| ${label} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`;
  return ['## 6. Agreement confirmed → 调解书', '',
    `${h.cases} Xiamen cases one after another (${h.workers} workers, 3,620,000 yuan in 3 installments), through the JSON API of the `
    + 'defaults\' worker and API: every party confirms with its code (eight at a time), then the station\'s mediator records the scan of the signed and sealed '
    + 'paper copies and submits for review as soon as the case reaches "submitting", the workflow renders and stores the 调解协议书 and the 仲裁审查确认申请书, addresses them '
    + 'to the district\'s arbitration institute (and e-mails them to the loopback SMTP server), and its clerk, polling the inbox, confirms '
    + 'receipt, accepts the application and confirms the review at once. Xiamen\'s best by hand: 30 minutes.', '',
    '| interval | n | p50 ms | p95 ms | max ms |', '|---|---|---|---|---|',
    row('last confirmation answered → 调解书 recorded (confirmReview answered)', h.total),
    row('… last confirmation → submission answered (the workflow renders, stores and addresses both PDFs before it answers)', h.toSubmitted),
    row('… submission answered → both PDFs seen in the clerk\'s inbox (polling every 50 ms)', h.toInbox),
    row('… inbox → receipt and review confirmed', h.toDecision),
    row('one party\'s confirmation (code checked, command applied)', h.confirmation), ''].join('\n');
}
