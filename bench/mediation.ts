/**
 * Issue 16's number: from the last party's confirmation of a mediation agreement to the 调解书 recorded, with the
 * station's mediator submitting and the arbitration institute's clerk confirming as soon as each can (Xiamen's best
 * by hand: 30 minutes). Each case is the Xiamen group dispute (43 workers, 3.62 million yuan, 3 installments), opened
 * and driven through the JSON API of the running API and worker. The parties' codes are derived from the link secret
 * of the keys file scripts/bench.sh made, as the SMS activity derives them (an operator's tool; the tests read them
 * from the loopback SMS gateway instead).
 */
import { sql, type Kysely } from 'kysely';
import { workerLinksFromEnv } from '../activities/secrets/worker-link';
import type { Database } from '../db/schema';
import { xiamenGroup, XIAMEN_TOTAL_FEN } from '../db/seed/demo-mediation';
import { shanghaiDate } from '../workflows/shared/deadlines';
import { json, postJson } from './lib/auth';
import { sleep, summarize, type Summary } from './lib/stats';

export interface HandoffResult {
  cases: number;
  workers: number;
  /** last confirmation answered → the 调解书 recorded (the clerk's confirmation answered), ms */
  total: Summary;
  /** last confirmation → the mediator's submission answered: the workflow renders, stores and addresses both PDFs first, ms */
  toSubmitted: Summary;
  /** submission answered → both PDFs seen in the clerk's inbox, ms */
  toInbox: Summary;
  /** documents seen → receipt and review confirmed, ms */
  toDecision: Summary;
  /** every party's confirmation request, ms */
  confirmation: Summary;
}

const STAFF_PASSWORD = 'gongqing2026';
const dayAfter = (n: number) => shanghaiDate(Date.now() + n * 86_400_000);

/** Each case its own phones: a party's phone identifies its code within a case. */
const workers = (caseIndex: number) => xiamenGroup(`1390${String(caseIndex % 1000).padStart(3, '0')}`);

async function signIn(baseUrl: string, username: string): Promise<Record<string, string>> {
  const { token } = await json<{ token: string }>(await postJson(`${baseUrl}/api/v1/sessions`, { username, password: STAFF_PASSWORD }), 201);
  return { authorization: `Bearer ${token}` };
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 120_000): Promise<T> {
  for (const t0 = Date.now(); ; await sleep(50)) {
    const v = await check();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`mediation bench: ${what} not seen within ${timeoutMs / 1000} s`);
  }
}

async function oneCase(baseUrl: string, db: Kysely<Database>, i: number, mediator: Record<string, string>, clerk: Record<string, string>) {
  const ws = workers(i);
  const employerPhone = `1370${String(i % 1000).padStart(3, '0')}0000`;
  const { caseNo } = await json<{ caseNo: string }>(await postJson(`${baseUrl}/api/v1/mediations`, {
    employer: { name: `厦门某建筑劳务有限公司${i}`, address: '厦门市湖里区兴湖路1号', representative: '王建设', phone: employerPhone },
    workers: ws, dispute: '拖欠工资', streetId: 's-beishan',
  }, mediator), 201);
  const act = (action: string, body: unknown, who: Record<string, string>) => postJson(`${baseUrl}/api/v1/cases/${caseNo}/actions/${action}`, body, who).then((r) => json<{ view: { stage: string } }>(r, 200));
  const installments = [120_000_000, 120_000_000, 122_000_000].map((amountFen, k) => ({ dueDate: dayAfter(10 + 30 * k), amountFen }));
  // the 43 workers' representatives, elected before the agreement (the documents name them)
  await act('electRepresentatives', { partyNos: [2, 3, 4] }, mediator);
  await act('draftAgreement', {
    terms: ws.map((w, k) => ({ partyNo: k + 2, amountFen: w.claimedFen })), totalFen: XIAMEN_TOTAL_FEN, paymentMethod: '银行转账',
    payment: { kind: 'installments', installments },
  }, mediator);

  // The codes count as sent once the SMS activity stored their hashes: trying earlier would spend guesses.
  await until('the agreement codes sent', async () => {
    const r = await sql<{ n: number }>`select count(*)::int as n from agreement_codes where case_no = ${caseNo} and version = 1`.execute(db);
    return (r.rows[0]?.n ?? 0) >= 44;
  });
  const links = workerLinksFromEnv();
  const parties = [{ partyNo: 1, phone: employerPhone }, ...ws.map((w, k) => ({ partyNo: k + 2, phone: w.phone }))];
  const confirmation: number[] = [];
  let lastAnswered = 0;
  // Eight at a time, as parties at the station would.
  for (let k = 0; k < parties.length; k += 8) {
    await Promise.all(parties.slice(k, k + 8).map(async (p) => {
      const code = links.agreementCode(caseNo, p.partyNo, 1);
      const sent = Date.now();
      await json(await postJson(`${baseUrl}/api/v1/mediations/${caseNo}/confirmations`, { phone: p.phone, code }), 200);
      lastAnswered = Math.max(lastAnswered, Date.now());
      confirmation.push(Date.now() - sent);
    }));
  }
  const t0 = lastAnswered;
  const view = () => fetch(`${baseUrl}/api/v1/cases/${caseNo}`, { headers: mediator }).then((r) => json<{ view: { stage: string } }>(r, 200));
  await until('stage submitting', async () => (await view()).view.stage === 'submitting');
  // The paper copies signed and sealed, their scan recorded (issue 21): the review application then says so.
  const form = new FormData();
  form.append('signedOn', dayAfter(0));
  form.append('signers', '全体申请人、被申请人法定代表人王建设（加盖公章）、调解员');
  form.append('scan', new Blob([Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(`bench scan ${i}`)])], { type: 'application/pdf' }), 'scan.pdf');
  await json(await fetch(`${baseUrl}/api/v1/mediations/${caseNo}/signature`, { method: 'POST', headers: mediator, body: form }), 200);
  await act('submitForReview', {}, mediator);
  const submitted = Date.now();
  const docs = await until('both documents in the inbox', async () => {
    const { documents } = await fetch(`${baseUrl}/api/v1/documents`, { headers: clerk }).then((r) => json<{ documents: { id: number; case_no: string; kind: string }[] }>(r, 200));
    const mine = documents.filter((d) => d.case_no === caseNo);
    return mine.length >= 2 && mine;
  });
  const inInbox = Date.now();
  const application = docs.find((d) => d.kind === 'review-application')!;
  await json(await postJson(`${baseUrl}/api/v1/documents/${application.id}/receipt`, {}, clerk), 200);
  await act('acceptReview', {}, clerk);
  await act('confirmReview', { decisionNo: `厦劳人仲调字〔2026〕第${1000 + i}号`, effectiveOn: dayAfter(0) }, clerk);
  const decided = Date.now();
  return { total: decided - t0, toSubmitted: submitted - t0, toInbox: inInbox - submitted, toDecision: decided - inInbox, confirmation };
}

export async function measureMediationHandoff(baseUrl: string, opts: { db: Kysely<Database>; cases: number; log: (s: string) => void }): Promise<HandoffResult> {
  const [mediator, clerk] = await Promise.all([signIn(baseUrl, 'xihu.tj'), signIn(baseUrl, 'xihu.zc')]);
  const runs = [];
  for (let i = 0; i < opts.cases; i++) {
    const r = await oneCase(baseUrl, opts.db, i, mediator, clerk);
    opts.log(`mediation: case ${i + 1}/${opts.cases}: last confirmation → 调解书 ${r.total} ms (submit ${r.toSubmitted}, PDFs to inbox ${r.toInbox}, clerk ${r.toDecision})`);
    runs.push(r);
  }
  return {
    cases: runs.length, workers: 43,
    total: summarize(runs.map((r) => r.total)), toSubmitted: summarize(runs.map((r) => r.toSubmitted)),
    toInbox: summarize(runs.map((r) => r.toInbox)), toDecision: summarize(runs.map((r) => r.toDecision)),
    confirmation: summarize(runs.flatMap((r) => r.confirmation)),
  };
}
