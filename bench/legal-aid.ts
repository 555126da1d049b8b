/**
 * The legal-aid kind's two numbers, through the JSON API of the running API and worker, as the district union's centre
 * (xihu.qb) and its lawyer 吴律师 (xihu.ls) use it:
 *
 * 1. Applications per second: the centre registers applications (POST /api/v1/legal-aid/applications; each its own
 *    idempotency key, phones and valid ID numbers) from 1, then more, callers at once, each sending the next as soon as
 *    the last was answered, for a few seconds per step. The API answers once the workflow wrote the case row, so this is
 *    the pace of the whole start. After each step the bench waits for the cases' "received" texts (legal-aid-notice),
 *    so that no step inherits the previous one's backlog.
 * 2. Application → 指派函 in the lawyer's inbox, with both sides acting at once: N cases started together; for each the
 *    centre registers, records the means test (the migrant-worker-pay exemption), grants and assigns 吴律师, while the
 *    lawyer polls their own inbox (GET /api/v1/documents, one poller for all cases) until the case's
 *    legal-aid-assignment document shows.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { caseNumberFor } from '../api/services/case-number';
import type { Database } from '../db/schema';
import { withCheckCharacter } from '../workflows/kinds/mediation/id-number';
import { json, postJson, staffAuth } from './lib/auth';
import { cpuMeter, type ProcSet } from './lib/proc';
import { sleep, summarize, type Summary } from './lib/stats';

export interface LegalAidIntakeStep {
  /** callers at once, each sending its next application when the last was answered */
  concurrency: number;
  /** from the first request sent to the last answer */
  seconds: number;
  sent: number;
  accepted: number;
  /** e.g. "201×40 503×1": every answer by status */
  statusCodes: string;
  /** answers other than 201 */
  non201: number;
  /** no answer (network error or the 10 s timeout) */
  errors: number;
  acceptedPerSec: number;
  latency: Summary;
  /** of the cases answered 201 or unanswered: how many had their "received" text to every worker written */
  notified: { cases: number; done: number; fromSent: Summary };
  cpu: Record<string, number>;
}

export interface LegalAidHandoff {
  cases: number;
  /** application sent → 指派函 seen in the lawyer's inbox, ms */
  total: Summary;
  /** application sent → 201 (the case row written), ms */
  application: Summary;
  /** 201 → recordMeansTest and grantAid answered, ms */
  decision: Summary;
  /** grantAid answered → assignLawyer answered (conflict check, the lawyer granted the case, the letter, the acceptance task), ms */
  assignment: Summary;
  /**
   * grantAid answered → the 指派函 seen in the lawyer's own inbox, ms. Beside `assignment`, not after it: the workflow
   * stores and addresses the letter before it opens the lawyer's acceptance task, and assignLawyer is answered only then.
   */
  letter: Summary;
  /** letter seen minus assignLawyer answered, ms (negative: seen first) */
  seenAfterAnswer: Summary;
  /** inbox requests the lawyer made while waiting */
  polls: number;
}

export interface LegalAidResult { workersPerApplication: number; steps: LegalAidIntakeStep[]; handoff?: LegalAidHandoff; handoffError?: string }

const CENTRE = { username: 'xihu.qb', password: 'gongqing2026' };
const LAWYER = { username: 'xihu.ls', password: 'gongqing2026' };
const WORKERS_PER_APPLICATION = 2;
const TIMEOUT_MS = 10_000;
const run = randomBytes(3).toString('hex');
let seq = 0;

/** An application of two migrant workers of one site; phones, ID numbers and the key differ for every one. */
function application(label: string) {
  const n = seq++;
  const key = `bench-${run}-la-${label}-${n}`;
  // 2 workers each: birth dates over 1970–1997, a sequence in the last three digits (valid check character)
  const workers = Array.from({ length: WORKERS_PER_APPLICATION }, (_, k) => {
    const m = n * WORKERS_PER_APPLICATION + k;
    const birth = `${1970 + (m % 28)}${String(1 + (m % 12)).padStart(2, '0')}${String(1 + (m % 28)).padStart(2, '0')}`;
    return {
      name: `压测申请人${k + 1}`, phone: `135${String(10_000_000 + ((m * 7919) % 90_000_000)).padStart(8, '0')}`,
      idNumber: withCheckCharacter(`330106${birth}${String(m % 1000).padStart(3, '0')}`), claimedFen: 1_800_000,
    };
  });
  return {
    key,
    body: {
      workers, dispute: '拖欠工资', streetId: 's-beishan', idempotencyKey: key,
      debtors: [{ name: '杭州某压测劳务有限公司', address: '杭州市西湖区北山街道某路1号', representative: '钱经理' }],
      facts: '两名申请人在被申请人承建的工地务工，完工后被拖欠工资3.6万元，多次催要未果（压测）。',
    },
  };
}

/** Cases whose "received" text was written to every worker, and the time of the last one. */
async function received(db: Kysely<Database>, caseNos: string[]) {
  if (caseNos.length === 0) return [];
  const r = await sql<{ case_no: string; n: number; last: Date }>`
    select case_no, count(*)::int as n, max(created_at) as last from sms_outbox
    where template = 'legal-aid-notice' and case_no = any(${caseNos}) group by case_no`.execute(db);
  return r.rows.filter((x) => x.n >= WORKERS_PER_APPLICATION);
}

async function intakeStep(baseUrl: string, db: Kysely<Database>, headers: Record<string, string>, opts: { concurrency: number; seconds: number; procs: ProcSet }): Promise<LegalAidIntakeStep> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  const followed: { caseNo: string; sentAt: number }[] = [];
  let errors = 0;
  const meter = cpuMeter(opts.procs);
  meter.start();
  const t0 = performance.now();
  const end = t0 + opts.seconds * 1000;
  await Promise.all(Array.from({ length: opts.concurrency }, async () => {
    while (performance.now() < end) {
      const { key, body } = application(`c${opts.concurrency}`);
      const sentAt = Date.now();
      const t = performance.now();
      try {
        const res = await fetch(`${baseUrl}/api/v1/legal-aid/applications`, {
          method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await res.text();
        latencies.push(performance.now() - t);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) followed.push({ caseNo: caseNumberFor(key, 'LA'), sentAt });
      } catch {
        errors += 1;
        // the API may have started it: its number is derived from the key as the API does, and it is waited for
        followed.push({ caseNo: caseNumberFor(key, 'LA'), sentAt });
      }
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = meter.stop();

  // The step's "received" texts, so that the next step does not start behind this one's backlog.
  const caseNos = followed.map((f) => f.caseNo);
  let rows: Awaited<ReturnType<typeof received>> = [];
  for (let w0 = Date.now(), last = -1, changed = Date.now(); ; await sleep(500)) {
    rows = await received(db, caseNos);
    if (rows.length !== last) [last, changed] = [rows.length, Date.now()];
    if (rows.length >= caseNos.length || Date.now() - w0 > 60_000 || Date.now() - changed > 20_000) break;
  }
  const sentAt = new Map(followed.map((f) => [f.caseNo, f.sentAt]));
  const accepted = statuses.get(201) ?? 0;
  const answered = [...statuses.values()].reduce((a, n) => a + n, 0);
  return {
    concurrency: opts.concurrency, seconds, sent: answered + errors, accepted, non201: answered - accepted, errors,
    statusCodes: [...statuses].sort(([a], [b]) => a - b).map(([c, n]) => `${c}×${n}`).join(' '),
    acceptedPerSec: accepted / seconds, latency: summarize(latencies),
    notified: { cases: caseNos.length, done: rows.length, fromSent: summarize(rows.map((r) => new Date(r.last).getTime() - (sentAt.get(r.case_no) ?? NaN))) },
    cpu,
  };
}

/** The lawyer's inbox, polled every 50 ms by one caller: when each case's 指派函 was first seen. */
function inboxWatcher(baseUrl: string, lawyer: Record<string, string>) {
  const seen = new Map<string, number>();
  let polls = 0;
  let stopped = false;
  let failure: Error | undefined;
  const done = (async () => {
    while (!stopped) {
      try {
        const { documents } = await fetch(`${baseUrl}/api/v1/documents`, { headers: lawyer, signal: AbortSignal.timeout(TIMEOUT_MS) })
          .then((r) => json<{ documents: { case_no: string; kind: string }[] }>(r, 200));
        polls += 1;
        const at = Date.now();
        for (const d of documents) if (d.kind === 'legal-aid-assignment' && !seen.has(d.case_no)) seen.set(d.case_no, at);
      } catch (err) {
        failure = err as Error;
        return;
      }
      await sleep(50);
    }
  })();
  return {
    async seenAt(caseNo: string, timeoutMs = 120_000): Promise<number> {
      for (const t0 = Date.now(); ; await sleep(10)) {
        const at = seen.get(caseNo);
        if (at !== undefined) return at;
        if (failure) throw new Error(`legal-aid bench: the lawyer's inbox failed: ${failure.message}`);
        if (Date.now() - t0 > timeoutMs) throw new Error(`legal-aid bench: 指派函 of ${caseNo} not in the lawyer's inbox within ${timeoutMs / 1000} s`);
      }
    },
    async stop() { stopped = true; await done; return polls; },
  };
}

async function oneCase(baseUrl: string, centre: Record<string, string>, lawyerUserId: number, inbox: ReturnType<typeof inboxWatcher>) {
  const { body } = application('handoff');
  const sent = Date.now();
  const { caseNo } = await json<{ caseNo: string }>(await postJson(`${baseUrl}/api/v1/legal-aid/applications`, body, centre), 201);
  const applied = Date.now();
  const act = async (action: string, payload: unknown) => (await json<{ view: { stage: string; assignments?: unknown[] } }>(
    await postJson(`${baseUrl}/api/v1/cases/${caseNo}/actions/${action}`, payload, centre), 200)).view;
  await act('recordMeansTest', { ground: 'migrant_worker_pay' });
  await act('grantAid', {});
  const decided = Date.now();
  const view = await act('assignLawyer', { lawyerUserId });
  // A conflict would hold the assignment back and no letter would come: say so rather than time out.
  if (view.stage !== 'accepting') throw new Error(`legal-aid bench: ${caseNo} stayed in ${view.stage} after assignLawyer: ${JSON.stringify(view.assignments).slice(0, 300)}`);
  const assigned = Date.now();
  const seen = await inbox.seenAt(caseNo);
  return { caseNo, total: seen - sent, application: applied - sent, decision: decided - applied, assignment: assigned - decided, letter: seen - decided, seenAfterAnswer: seen - assigned };
}

export async function measureLegalAid(baseUrl: string, opts: {
  db: Kysely<Database>; procs: ProcSet; concurrency: number[]; seconds: number; cases: number; log: (s: string) => void;
}): Promise<LegalAidResult> {
  const [centre, lawyer] = await Promise.all([staffAuth(baseUrl, CENTRE), staffAuth(baseUrl, LAWYER)]);
  const { id: lawyerUserId } = await opts.db.selectFrom('staff_users').select('id').where('username', '=', LAWYER.username).executeTakeFirstOrThrow();

  const steps: LegalAidIntakeStep[] = [];
  for (const concurrency of opts.concurrency) {
    const s = await intakeStep(baseUrl, opts.db, centre, { concurrency, seconds: opts.seconds, procs: opts.procs });
    opts.log(`legal aid: ${concurrency} at once → ${s.acceptedPerSec.toFixed(1)} applications/s, p50 ${s.latency.p50.toFixed(0)} ms, `
      + `p95 ${s.latency.p95.toFixed(0)} ms; answers ${s.statusCodes || 'none'}${s.errors ? `, ${s.errors} unanswered` : ''}; received texts ${s.notified.done}/${s.notified.cases}`);
    steps.push(s);
  }

  const inbox = inboxWatcher(baseUrl, lawyer);
  let handoff: LegalAidHandoff | undefined;
  let handoffError: string | undefined;
  try {
    // allSettled: no case is left running behind the next phase when another failed
    const settled = await Promise.allSettled(Array.from({ length: opts.cases }, () => oneCase(baseUrl, centre, lawyerUserId, inbox)));
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const runs = settled.map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof oneCase>>>).value);
    for (const r of runs) {
      opts.log(`legal aid: ${r.caseNo}: application → 指派函 seen ${r.total} ms (application ${r.application}, decision ${r.decision}, assignment answered ${r.assignment}, letter seen ${r.letter} after the decision)`);
    }
    const of = (k: Exclude<keyof (typeof runs)[number], 'caseNo'>) => summarize(runs.map((r) => r[k]));
    handoff = {
      cases: runs.length, total: of('total'), application: of('application'), decision: of('decision'), assignment: of('assignment'),
      letter: of('letter'), seenAfterAnswer: of('seenAfterAnswer'), polls: 0,
    };
  } catch (err) {
    // The throughput steps are measured: keep them and say why the handoff is missing.
    handoffError = String((err as Error).message ?? err).split('\n')[0].slice(0, 300);
    opts.log(`legal aid: handoff failed: ${(err as Error).stack ?? err}`);
  } finally {
    const polls = await inbox.stop();
    if (handoff) handoff.polls = polls;
  }
  return { workersPerApplication: WORKERS_PER_APPLICATION, steps, handoff, handoffError };
}
