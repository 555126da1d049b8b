/** Section 7 of the report: legal-aid applications per second, and application → 指派函 in the lawyer's inbox. */
import type { LegalAidHandoff, LegalAidIntakeStep, LegalAidResult } from '../legal-aid';
import { ms, pct, rate, sec, type Summary } from './stats';

const triple = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`;
const best = (r: LegalAidResult) => [...r.steps].sort((a, b) => b.acceptedPerSec - a.acceptedPerSec)[0] as LegalAidIntakeStep | undefined;

/** Two rows of the summary table. */
export function legalAidSummary(r: LegalAidResult | undefined, missing: string): string[][] {
  const b = r && best(r);
  return [
    ['legal-aid applications/s, most of any step (callers at once; p50 / p95 ms)', b
      ? `${rate(b.acceptedPerSec)} (${b.concurrency} at once; ${ms(b.latency.p50)} / ${ms(b.latency.p95)})${b.non201 + b.errors ? `, ${b.non201 + b.errors} not 201` : ''}` : missing],
    ['legal-aid application → 指派函 in the lawyer\'s inbox', r?.handoff
      ? `${triple(r.handoff.total)} ms (p50 / p95 / max, ${r.handoff.cases} cases at once)` : r?.handoffError ? `failed: ${r.handoffError}` : missing],
  ];
}

function handoffTable(h: LegalAidHandoff): string[] {
  const row = (label: string, s: Summary) => `| ${label} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`;
  const seen = h.seenAfterAnswer;
  return ['| interval | n | p50 ms | p95 ms | max ms |', '|---|---|---|---|---|',
    row('**application sent → 指派函 seen in the lawyer\'s inbox**', h.total),
    row('… application: sent → answered 201 (the workflow wrote the case row)', h.application),
    row('… decision: 201 → recordMeansTest and grantAid answered', h.decision),
    row('… assignment: decision → assignLawyer answered (conflict check, the lawyer granted the case, the letter stored, the acceptance task opened)', h.assignment),
    row('… letter: decision → 指派函 seen in the lawyer\'s inbox (rendered, stored, addressed; polled every 50 ms)', h.letter), '',
    'The last two run side by side from the decision: the workflow stores and addresses the letter before it opens the lawyer\'s '
    + `acceptance task, and the command is answered only then. Letter seen minus assignLawyer answered: p50 ${ms(seen.p50)} ms, `
    + `max ${ms(seen.max)} ms (negative: the letter was in the inbox first). The lawyer made ${h.polls} inbox requests meanwhile.`];
}

export function legalAidSection(r: LegalAidResult | undefined, missing: string): string {
  const head = '## 7. Legal aid: applications, and application → 指派函';
  if (!r) return [head, '', missing, ''].join('\n');
  return [head, '',
    'Through the JSON API of the defaults\' worker and API, as the district union\'s legal-aid centre (xihu.qb) and its lawyer '
    + `吴律师 (xihu.ls). **Applications**: POST /api/v1/legal-aid/applications, each of ${r.workersPerApplication} migrant workers (valid ID `
    + 'numbers, phones of their own, its own idempotency key) against one employer; each caller sends its next application as soon as '
    + 'the last was answered, for the step\'s time. The API answers once the workflow wrote the case row. "received texts": of the cases '
    + 'answered 201 (and any unanswered), those whose "received" text (legal-aid-notice) was written for every worker, from the '
    + 'request sent; the bench waits for them (at most 60 s) before the next step.', '',
    '| at once | s | sent | accepted/s | answers | unanswered | p50 ms | p95 ms | p99 ms | max ms | received texts | their p95 s | CPU temporal | CPU worker | CPU API | CPU postgres | CPU bench | CPU other |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.steps.map((s) => `| ${s.concurrency} | ${s.seconds.toFixed(1)} | ${s.sent} | ${rate(s.acceptedPerSec)} | ${s.statusCodes || '–'} | ${s.errors} | `
      + `${ms(s.latency.p50)} | ${ms(s.latency.p95)} | ${ms(s.latency.p99)} | ${ms(s.latency.max)} | ${s.notified.done}/${s.notified.cases} | ${sec(s.notified.fromSent.p95)} | `
      + `${pct(s.cpu.temporal)} | ${pct(s.cpu.worker)} | ${pct(s.cpu.api)} | ${pct(s.cpu.postgres)} | ${pct(s.cpu.loadgen)} | ${pct(s.cpu.other)} |`), '',
    '**Application → 指派函, both sides acting at once**: the cases start together; for each the centre registers the application, '
    + 'records the means test (ground migrant_worker_pay: a migrant worker claiming pay is exempt), grants aid and assigns 吴律师, each '
    + 'as soon as the last was answered, while the lawyer polls their own inbox (GET /api/v1/documents, one caller for all cases) until '
    + 'the case\'s legal-aid-assignment document shows.', '',
    ...(r.handoff ? handoffTable(r.handoff) : [`Not measured: ${r.handoffError ?? 'see the notes'}`]), ''].join('\n');
}
