/* Scratch review of the mediation → arbitration kind (issue 16). Logs observations to /tmp/review/out.log. */
import { appendFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startFakeSmtpServer, type FakeSmtpServer } from '../../scripts/fake-smtp-server';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { apiClient, validIntake } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

const OUT = '/tmp/review/out.log';
writeFileSync(OUT, '');
const log = (...a: unknown[]) => appendFileSync(OUT, a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ') + '\n');

let sys: System;
let smtp: FakeSmtpServer;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  sys = await startSystem('review');
  smtp = await startFakeSmtpServer();
  process.env.GONGQING_SMTP_URL = smtp.url;
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
}, 180_000);
afterAll(async () => {
  delete process.env.GONGQING_SMTP_URL;
  await sys?.stop();
  await smtp?.close();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const day = (n: number) => shanghaiDate(Date.now() + n * 86_400_000);
const EMP_PHONE = '13905927777';
const W = [
  { name: '陈建国', phone: '13805927001', idNumber: '350203198001011234', claimedFen: 8_000_000 },
  { name: '林海燕', phone: '13805927002', idNumber: '35020319850202123X', claimedFen: 4_200_050 },
  { name: '黄志强', phone: '13805927003', idNumber: '350203199003033456', claimedFen: 1_000_000 },
];
const TOTAL = W.reduce((t, w) => t + w.claimedFen, 0);
const SECRETS = [EMP_PHONE, ...W.map((w) => w.phone), ...W.map((w) => w.idNumber)];
const NAMES = W.map((w) => w.name);
const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));
const namesIn = (text: string) => NAMES.filter((s) => text.includes(s));

async function page(path: string, token: string) {
  const r = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await r.arrayBuffer());
  return { status: r.status, text: body.toString('utf8'), bytes: body, headers: r.headers };
}
async function counts(caseNo: string) {
  const c = async (t: 'case_events' | 'case_parties' | 'agreement_codes') => Number((await sys.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).where('case_no', '=', caseNo).executeTakeFirstOrThrow()).n);
  return { events: await c('case_events'), parties: await c('case_parties'), codes: await c('agreement_codes') };
}
const codeOf = async (phone: string, version: number) => {
  const m = await sys.sms.waitFor((x) => x.phone === phone && x.text.includes(`第${version}稿`) && /确认码\d{6}/.test(x.text), 30_000);
  return /确认码(\d{6})/.exec(m.text)![1];
};
const confirm = (caseNo: string, phone: string, code: string, ip?: string) => api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone, code }, undefined, ip ? { 'x-forwarded-for': ip } : {});

async function sweep(label: string, caseNo: string, users: Record<string, string>, docIds: number[]) {
  for (const [u, tok] of Object.entries(users)) {
    const paths = [`/api/v1/cases/${caseNo}`, `/staff/cases/${caseNo}`, `/api/v1/cases/${caseNo}/history`, `/staff/cases/${caseNo}/history`,
      '/api/v1/sms', '/staff/sms', '/staff/email', '/api/v1/tasks', '/staff', '/api/v1/documents', '/staff/documents',
      ...docIds.flatMap((id) => [`/api/v1/documents/${id}`, `/staff/documents/${id}`])];
    for (const p of paths) {
      const r = await page(p, tok);
      const isPdf = (r.headers.get('content-type') ?? '').includes('pdf');
      const l = isPdf ? [] : leaks(r.text);
      const n = isPdf ? [] : namesIn(r.text);
      const mentions = r.text.includes(caseNo);
      if (r.status >= 500 || l.length || (r.status === 200 && (mentions || n.length || isPdf))) log(`[${label}] ${u} GET ${p} -> ${r.status}${isPdf ? ' PDF' : ''} mentionsCase=${mentions} names=${n.join(',')} LEAKS=${l.join(',')}`);
    }
  }
}

describe('review', () => {
  it('walk-in case: visibility, bad input, codes, idempotency, review race, documents', async () => {
    const users = ['xihu.tj', 'xihu.zc', 'sc.zc', 'xihu.fy', 'beishan.sg', 'xihu.qb', 'jingmi.zx', 'xihu.ls', 'xihu.rs', 'xihu.jc', 'xihu.ds'];
    const tok: Record<string, string> = {};
    for (const u of users) tok[u] = await api.login(u);
    const mediator = tok['xihu.tj'];
    const opened = await api.call('POST', '/api/v1/mediations', {
      employer: { name: '西湖精密机械有限公司', enterpriseId: 'e-jingmi', address: '杭州市西湖区文三路1号', representative: '王建设', phone: EMP_PHONE },
      workers: W, dispute: '拖欠工资', streetId: 's-beishan',
    }, mediator);
    log('open walk-in', opened.status, opened.body);
    const caseNo: string = opened.body.caseNo;
    const act = (action: string, body: unknown, token = mediator, headers: Record<string, string> = {}) => api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token, headers);
    const outsiders = Object.fromEntries(users.filter((u) => u !== 'xihu.tj').map((u) => [u, tok[u]]));
    await sweep('mediating', caseNo, outsiders, []);

    // --- wrong people
    const good = { terms: W.map((w, i) => ({ partyNo: i + 2, amountFen: w.claimedFen })), totalFen: TOTAL, paymentMethod: '银行转账', payment: { kind: 'lump-sum', dueDate: day(20) } };
    let before = await counts(caseNo);
    for (const u of ['beishan.sg', 'xihu.qb', 'xihu.zc', 'sc.zc', 'xihu.fy', 'jingmi.zx', 'xihu.ls', 'xihu.rs']) {
      for (const [a, b] of [['draftAgreement', good], ['refuse', { side: 'worker', reason: 'x' }], ['scheduleSession', { at: new Date(Date.now() + 86400000).toISOString(), mode: 'online' }], ['setWorkers', { workers: W }]] as const) {
        const r = await act(a, b, tok[u]);
        if (r.status >= 500 || r.status < 400 || !/[\u4e00-\u9fff]/.test(String(r.body?.message))) log('WRONG PERSON', u, a, r.status, r.body);
        else log('wrong person ok', u, a, r.status, r.body.message);
      }
    }
    log('counts unchanged after wrong persons', JSON.stringify(before) === JSON.stringify(await counts(caseNo)), before, await counts(caseNo));

    // --- bad payloads
    const bad: [string, string, unknown][] = [
      ['total +1 fen', 'draftAgreement', { ...good, totalFen: TOTAL + 1 }],
      ['a term -1 fen', 'draftAgreement', { ...good, terms: good.terms.map((t, i) => (i ? t : { ...t, amountFen: t.amountFen - 1 })) }],
      ['dup partyNo', 'draftAgreement', { ...good, terms: [good.terms[0], good.terms[1], { ...good.terms[1], amountFen: good.terms[2].amountFen }] }],
      ['dup partyNo extra', 'draftAgreement', { ...good, terms: [...good.terms, { partyNo: 3, amountFen: 0 }] }],
      ['missing worker', 'draftAgreement', { ...good, terms: good.terms.slice(0, 2), totalFen: good.terms[0].amountFen + good.terms[1].amountFen }],
      ['employer in terms', 'draftAgreement', { ...good, terms: [...good.terms, { partyNo: 1, amountFen: 0 }] }],
      ['due today', 'draftAgreement', { ...good, payment: { kind: 'lump-sum', dueDate: day(0) } }],
      ['due yesterday', 'draftAgreement', { ...good, payment: { kind: 'lump-sum', dueDate: day(-1) } }],
      ['due 2099', 'draftAgreement', { ...good, payment: { kind: 'lump-sum', dueDate: '2099-01-01' } }],
      ['due 2026-02-30', 'draftAgreement', { ...good, payment: { kind: 'lump-sum', dueDate: '2026-02-30' } }],
      ['due 9999-99-99', 'draftAgreement', { ...good, payment: { kind: 'lump-sum', dueDate: '9999-99-99' } }],
      ['installments out of order', 'draftAgreement', { ...good, payment: { kind: 'installments', installments: [{ dueDate: day(40), amountFen: TOTAL - 100 }, { dueDate: day(10), amountFen: 100 }] } }],
      ['installments same day', 'draftAgreement', { ...good, payment: { kind: 'installments', installments: [{ dueDate: day(10), amountFen: TOTAL - 100 }, { dueDate: day(10), amountFen: 100 }] } }],
      ['installments sum -1', 'draftAgreement', { ...good, payment: { kind: 'installments', installments: [{ dueDate: day(10), amountFen: TOTAL - 101 }, { dueDate: day(40), amountFen: 100 }] } }],
      ['installment 0', 'draftAgreement', { ...good, payment: { kind: 'installments', installments: [{ dueDate: day(10), amountFen: TOTAL }, { dueDate: day(40), amountFen: 0 }] } }],
      ['1 installment', 'draftAgreement', { ...good, payment: { kind: 'installments', installments: [{ dueDate: day(10), amountFen: TOTAL }] } }],
      ['25 installments', 'draftAgreement', { ...good, payment: { kind: 'installments', installments: Array.from({ length: 25 }, (_, i) => ({ dueDate: day(10 + i), amountFen: i === 24 ? TOTAL - 24 * 1000 : 1000 })) } }],
      ['negative term', 'draftAgreement', { ...good, terms: [{ partyNo: 2, amountFen: -1 }, ...good.terms.slice(1)] }],
      ['float term', 'draftAgreement', { ...good, terms: [{ partyNo: 2, amountFen: 1.5 }, ...good.terms.slice(1)] }],
      ['string term', 'draftAgreement', { ...good, terms: [{ partyNo: 2, amountFen: '8000000' }, ...good.terms.slice(1)] }],
      ['huge total', 'draftAgreement', { ...good, totalFen: 1e16 }],
      ['huge terms sum > max total', 'draftAgreement', { ...good, terms: good.terms.map((t) => ({ ...t, amountFen: 10_000_000_000 })), totalFen: 10_000_000_000 }],
      ['total 0', 'draftAgreement', { ...good, terms: good.terms.map((t) => ({ ...t, amountFen: 0 })), totalFen: 0 }],
      ['paymentMethod NUL', 'draftAgreement', { ...good, paymentMethod: '银行\u0000转账' }],
      ['paymentMethod lone surrogate', 'draftAgreement', { ...good, paymentMethod: '银行\ud800转账' }],
      ['paymentMethod private use', 'draftAgreement', { ...good, paymentMethod: '银行\ue000转账' }],
      ['paymentMethod RLO', 'draftAgreement', { ...good, paymentMethod: '银行\u202e转账' }],
      ['paymentMethod ZWSP only', 'draftAgreement', { ...good, paymentMethod: '\u200b' }],
      ['paymentMethod spaces', 'draftAgreement', { ...good, paymentMethod: '   ' }],
      ['unknown payment kind', 'draftAgreement', { ...good, payment: { kind: 'barter' } }],
      ['extra prop', 'draftAgreement', { ...good, evil: 1 }],
      ['partyNo 0', 'draftAgreement', { ...good, terms: [{ partyNo: 0, amountFen: 8_000_000 }, ...good.terms.slice(1)] }],
      ['301 workers', 'setWorkers', { workers: Array.from({ length: 301 }, (_, i) => ({ name: `工人${i}`, phone: `139${String(20_000_000 + i)}`, idNumber: `350203199001${String(100000 + i)}`, claimedFen: 100 })) }],
      ['dup ID lower x', 'setWorkers', { workers: [W[0], { ...W[1], idNumber: W[1].idNumber.replace('X', 'x') }, { ...W[2], idNumber: W[1].idNumber }] }],
      ['dup phone', 'setWorkers', { workers: [W[0], { ...W[1], phone: W[0].phone }, W[2]] }],
      ['worker name NUL', 'setWorkers', { workers: [{ ...W[0], name: '陈\u0000建国' }, W[1], W[2]] }],
      ['worker name lone surrogate', 'setWorkers', { workers: [{ ...W[0], name: '陈\udc00' }, W[1], W[2]] }],
      ['worker id bad date', 'setWorkers', { workers: [{ ...W[0], idNumber: '350203199099991234' }, W[1], W[2]] }],
      ['session in the past', 'scheduleSession', { at: new Date(Date.now() - 60000).toISOString(), mode: 'online' }],
      ['session year 275760', 'scheduleSession', { at: '+275760-09-13T00:00:00.000Z', mode: 'online' }],
      ['session in person no place', 'scheduleSession', { at: new Date(Date.now() + 86400000).toISOString(), mode: 'in_person' }],
      ['recordSession none', 'recordSession', { sessionNo: 1, attendees: [1], notes: 'x' }],
      ['refuse bad side', 'refuse', { side: 'union', reason: 'x' }],
      ['recordPayment now', 'recordPayment', { installmentNo: 1, paidFen: 1 }],
      ['submitForReview now', 'submitForReview', {}],
      ['confirmReview by mediator', 'confirmReview', { decisionNo: 'x', effectiveOn: day(0) }],
      ['not json', 'draftAgreement', '{"terms": ['],
    ];
    before = await counts(caseNo);
    for (const [label, action, body] of bad) {
      const r = await act(action, body);
      const msg = String(r.body?.message ?? JSON.stringify(r.body).slice(0, 200));
      const flag = r.status >= 500 || r.status < 400 || !/[\u4e00-\u9fff]/.test(msg) ? 'BAD ' : '';
      log(`${flag}payload [${label}] ${action} -> ${r.status} ${msg}`);
    }
    const afterBad = await counts(caseNo);
    log('counts unchanged after bad payloads', JSON.stringify(before) === JSON.stringify(afterBad), before, afterBad);
    const v0 = (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view;
    log('after bad payloads: workers', v0.workers.length, 'agreement', v0.agreement, 'sessions', v0.sessions.length);

    // --- idempotent drafts
    const k = { 'idempotency-key': 'draft-one-key-123' };
    const [d1, d2] = await Promise.all([act('draftAgreement', good, mediator, k), act('draftAgreement', good, mediator, k)]);
    log('draft same key x2 concurrently', d1.status, d1.body.view?.agreement?.version, d2.status, d2.body.view?.agreement?.version ?? d2.body);
    const d3 = await act('draftAgreement', good, mediator, k);
    log('draft same key third time', d3.status, d3.body.view?.agreement?.version ?? d3.body);
    const [e1, e2] = await Promise.all([act('draftAgreement', good), act('draftAgreement', good)]);
    log('draft no key x2 concurrently', e1.status, e1.body.view?.agreement?.version ?? e1.body, e2.status, e2.body.view?.agreement?.version ?? e2.body);
    let v = (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view;
    const ver: number = v.agreement.version;
    log('now version', ver, 'codes rows', (await counts(caseNo)).codes);
    await new Promise((r) => setTimeout(r, 3000));
    log('SMS with 确认码 to worker1 so far', sys.sms.inbox(W[0].phone).filter((m) => /确认码/.test(m.text)).map((m) => m.text.slice(0, 60)));

    // --- confirmation codes
    const c = {} as Record<string, string>;
    for (const p of [EMP_PHONE, ...W.map((w) => w.phone)]) c[p] = await codeOf(p, ver);
    const wrongFor = (code: string) => (code === '000000' ? '000001' : '000000');
    // anonymous probing of stage: not-existing case, case in confirming
    log('anon confirm on unknown MA', (await confirm('MAZZZZZZZZZZ', W[0].phone, '123456')).status);
    // code of worker1 with worker2's phone
    const cross = await confirm(caseNo, W[1].phone, c[W[0].phone]);
    log('worker1 code with worker2 phone', cross.status, cross.body);
    // phone not in the case vs phone in the case, 8 wrong tries each, distinct client addresses
    const seqIn: string[] = []; const seqOut: string[] = []; const tIn: number[] = []; const tOut: number[] = [];
    for (let i = 0; i < 8; i++) {
      let t = performance.now(); const a = await confirm(caseNo, W[2].phone, wrongFor(c[W[2].phone]), '10.0.0.1'); tIn.push(performance.now() - t);
      t = performance.now(); const b = await confirm(caseNo, '13700009999', '000000', '10.0.0.2'); tOut.push(performance.now() - t);
      seqIn.push(`${a.status}:${a.body.message}`); seqOut.push(`${b.status}:${b.body.message}`);
    }
    log('wrong codes, phone IN case  ', seqIn);
    log('wrong codes, phone NOT in case', seqOut);
    log('ms in/out', tIn.map(Math.round), tOut.map(Math.round));
    // right code after lockout
    const afterLock = await confirm(caseNo, W[2].phone, c[W[2].phone], '10.0.0.3');
    log('right code after 5 wrong (worker3)', afterLock.status, afterLock.body.message ?? afterLock.body);
    // per-IP rotation: more than 10 tries from different IPs for employer phone
    const rot: string[] = [];
    for (let i = 0; i < 4; i++) { const r = await confirm(caseNo, EMP_PHONE, wrongFor(c[EMP_PHONE]), `10.1.0.${i}`); rot.push(String(r.status)); }
    log('employer wrong 4x from rotating IPs', rot, 'failures', (await sys.db.selectFrom('agreement_codes').select(['party_no', 'failures']).where('case_no', '=', caseNo).where('version', '=', ver).execute()));
    // worker2 confirms, twice
    const ok1 = await confirm(caseNo, W[1].phone, c[W[1].phone]);
    const ok2 = await confirm(caseNo, W[1].phone, c[W[1].phone]);
    log('worker2 confirm x2', ok1.status, ok1.body, ok2.status, ok2.body);
    log('leaks in confirm answer', leaks(JSON.stringify(ok1.body)), namesIn(JSON.stringify(ok1.body)));
    // concurrent double confirm of worker1
    const [p1, p2] = await Promise.all([confirm(caseNo, W[0].phone, c[W[0].phone]), confirm(caseNo, W[0].phone, c[W[0].phone])]);
    log('worker1 concurrent confirm x2', p1.status, p1.body.already ?? p1.body, p2.status, p2.body.already ?? p2.body);
    // new draft: old codes
    const amended = { ...good, paymentMethod: '银行转账（第二稿）' };
    const nd = await act('draftAgreement', amended);
    const ver2 = nd.body.view?.agreement?.version;
    log('redraft', nd.status, ver2, 'confirmedBy', nd.body.view?.agreement?.confirmedBy);
    const oldCode = await confirm(caseNo, W[0].phone, c[W[0].phone]);
    log('old-version code after redraft', oldCode.status, oldCode.body);
    for (const p of [EMP_PHONE, ...W.map((w) => w.phone)]) c[p] = await codeOf(p, ver2);
    for (const p of [EMP_PHONE, ...W.map((w) => w.phone)]) { const r = await confirm(caseNo, p, c[p]); if (r.status !== 200) log('confirm v2 failed', p, r.status, r.body); }
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view.stage === 'submitting', 20_000);
    const late = await confirm(caseNo, W[0].phone, c[W[0].phone]);
    log('confirm after moved on (submitting)', late.status, late.body);
    const lateOut = await confirm(caseNo, '13700008888', '123456');
    log('phone not in case after moved on', lateOut.status, lateOut.body);
    await sweep('submitting', caseNo, outsiders, []);

    // --- double submit
    const [s1, s2] = await Promise.all([act('submitForReview', {}), act('submitForReview', {})]);
    log('submitForReview x2 concurrently no key', s1.status, s1.body.view?.stage ?? s1.body, s2.status, s2.body.view?.stage ?? s2.body);
    const s3 = await act('submitForReview', {}, mediator, { 'idempotency-key': 'sub-1' });
    log('submitForReview again with key', s3.status, s3.body.view?.stage ?? s3.body);
    await smtp.waitFor((m) => m.subject.includes(caseNo), 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    const docs = await sys.db.selectFrom('documents').select(['id', 'kind', 'sha256', 'version']).where('case_no', '=', caseNo).orderBy('id').execute();
    log('documents', docs.map((d) => `${d.id}:${d.kind}:v${d.version}`), 'emails', (await sys.db.selectFrom('email_outbox').select('id').where('case_no', '=', caseNo).execute()).length, 'mails received', smtp.received.filter((m) => m.subject.includes(caseNo)).length);

    // --- documents: download, hash, text
    const clerk = tok['xihu.zc'];
    const mail = smtp.received.find((m) => m.subject.includes(caseNo))!;
    for (const d of docs) {
      const r = await page(`/api/v1/documents/${d.id}`, clerk);
      const h = sha256(r.bytes);
      const att = mail.attachments.map((a) => a.sha256);
      const parser = new PDFParse({ data: new Uint8Array(r.bytes) });
      const text = (await parser.getText()).pages.map((p) => p.text).join('\n');
      await parser.destroy();
      const flat = text.replace(/\s+/g, '');
      log(`doc ${d.id} ${d.kind}: status ${r.status} sha ok=${h === d.sha256} header ok=${r.headers.get('x-content-sha256') === h} in mail=${att.includes(h)} ids=${JSON.stringify(flat.match(/\d{6}[\d*]{8,11}[\dX]/g))} phones=${JSON.stringify(flat.match(/1[3-9]\d{9}/g))} leaks=${leaks(flat)}`);
      writeFileSync(`/tmp/review/doc-${d.id}.txt`, text);
    }
    log('mail text leaks', leaks(mail.text + mail.subject), mail.to, mail.subject);
    await sweep('review', caseNo, outsiders, docs.map((d) => Number(d.id)));

    // --- two clerks decide at once
    const z = await sys.db.selectFrom('staff_users').selectAll().where('username', '=', 'xihu.zc').executeTakeFirstOrThrow();
    const { id: _id, ...rest } = z as any;
    await sys.db.insertInto('staff_users').values({ ...rest, username: 'xihu.zc2', display_name: '仲裁院书记员二号', phone: '13600000099' }).execute();
    const clerk2 = await api.login('xihu.zc2');
    const [r1, r2] = await Promise.all([
      act('confirmReview', { decisionNo: '杭西劳人仲调字〔2026〕第1号', effectiveOn: day(0) }, clerk),
      act('rejectReview', { reason: '协议内容不明确', next: 'mediation' }, clerk2),
    ]);
    log('confirmReview vs rejectReview', r1.status, r1.body.view?.stage ?? r1.body, r2.status, r2.body.view?.stage ?? r2.body);
    log('leaks in clerk command answer', leaks(JSON.stringify(r1.body) + JSON.stringify(r2.body)));
    const evs = (await sys.db.selectFrom('case_events').select('type').where('case_no', '=', caseNo).execute()).map((e) => e.type);
    log('review events', evs.filter((t) => /review/.test(t)));
    const [r3, r4] = await Promise.all([
      act('confirmReview', { decisionNo: 'x1', effectiveOn: day(0) }, clerk, { 'idempotency-key': 'k1' }),
      act('confirmReview', { decisionNo: 'x1', effectiveOn: day(0) }, clerk, { 'idempotency-key': 'k1' }),
    ]);
    log('confirmReview again x2 same key (after decision)', r3.status, r3.body.message ?? r3.body.view?.stage, r4.status, r4.body.message ?? r4.body.view?.stage);
    const afterReview = await confirm(caseNo, W[0].phone, c[W[0].phone]);
    log('confirm after review', afterReview.status, afterReview.body);
    await new Promise((r) => setTimeout(r, 3000));
    await sweep('after-review', caseNo, outsiders, docs.map((d) => Number(d.id)));
    const supervisor = tok['xihu.qb'];
    const hist = await api.call('GET', `/api/v1/cases/${caseNo}/history`, undefined, supervisor);
    log('history for district staff', hist.status);
    const stage = (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view.stage;
    log('final stage', stage);
  }, 600_000);

  it('grievance handed to the station by the street caseworker', async () => {
    const sg = await api.login('beishan.sg');
    const mediator = await api.login('xihu.tj');
    const chair = await api.login('jingmi.zx');
    const qb = await api.login('xihu.qb');
    const filed = await api.call('POST', '/api/v1/grievances', validIntake({ complainantName: '赵小工', complainantPhone: '13912340001' }), sg);
    const g: string = filed.body.caseNo;
    log('grievance', filed.status, g);
    for (const [a, b] of [['contactComplainant', { note: '已联系' }], ['notifyEnterpriseNow', { reason: '职工同意' }], ['verifyWithEnterprise', { note: '已核实' }], ['urgeMediation', { note: '已督促' }]] as const) {
      const r = await api.call('POST', `/api/v1/cases/${g}/actions/${a}`, b, sg);
      if (r.status !== 200) log('grievance step failed', a, r.status, r.body);
    }
    const ro = await api.call('POST', `/api/v1/cases/${g}/actions/recordOutcome`, { outcome: 'station', employerRepresentative: '周建设', employerPhone: '13905928888', employerAddress: '杭州市西湖区文二路88号' }, sg);
    log('recordOutcome station', ro.status, ro.body.view?.stage ?? ro.body);
    const ma = `MA${g.slice(2)}`;
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${ma}`, undefined, mediator)).status === 200, 30_000);
    const mv = await api.call('GET', `/api/v1/cases/${ma}`, undefined, mediator);
    log('MA view for mediator', mv.body.view.stage, mv.body.view.workers, mv.body.view.employer, mv.body.actions);
    const gs = await api.call('GET', `/api/v1/cases/${g}`, undefined, sg);
    log('grievance stage', gs.body.view.stage, gs.body.case?.stage, gs.body.actions);
    const sgv = await api.call('GET', `/api/v1/cases/${ma}`, undefined, sg);
    log('MA for street caseworker', sgv.status, sgv.body.actions, 'leaksPresent', leaks(JSON.stringify(sgv.body)));
    const cv = await api.call('GET', `/api/v1/cases/${ma}`, undefined, chair);
    log('MA for enterprise chair', cv.status, cv.body.message ?? JSON.stringify(cv.body).slice(0, 300));
    const cg = await api.call('GET', `/api/v1/cases/${g}`, undefined, chair);
    log('grievance for enterprise chair', cg.status, JSON.stringify(cg.body).match(/MA[0-9A-Z]{10}/g), JSON.stringify(cg.body).includes('13905928888'));
    for (const u of ['sc.zc', 'xihu.zc', 'xihu.ls', 'xihu.rs', 'xihu.fy']) {
      const t = await api.login(u);
      const r = await api.call('GET', `/api/v1/cases/${ma}`, undefined, t);
      log('MA for', u, r.status);
    }
    // worker's own token on staff routes
    const link = sys.sms.inbox('13912340001').map((m) => /\/t\/([A-Za-z0-9_-]+)/.exec(m.text)?.[1]).find(Boolean);
    const ws = await api.call('POST', '/api/v1/worker-sessions', { link });
    log('worker session', ws.status);
    const wt = ws.body.accessToken;
    for (const [m, p, b] of [['GET', `/api/v1/cases/${ma}`, undefined], ['POST', `/api/v1/cases/${ma}/actions/draftAgreement`, { terms: [{ partyNo: 2, amountFen: 1 }], totalFen: 1, paymentMethod: 'x', payment: { kind: 'lump-sum', dueDate: day(10) } }], ['GET', `/api/v1/grievances/${ma}/progress`, undefined], ['GET', `/api/v1/grievances/${g}/progress`, undefined]] as const) {
      const r = await api.call(m, p, b, wt);
      log('worker token', m, p, r.status, JSON.stringify(r.body).slice(0, 300));
    }
    // the street caseworker and district staff try station commands
    for (const [u, t] of [['beishan.sg', sg], ['xihu.qb', qb]] as const) {
      const r = await api.call('POST', `/api/v1/cases/${ma}/actions/refuse`, { side: 'employer', reason: '企业拒绝' }, t);
      log('station command by', u, r.status, r.body.message);
      const r2 = await api.call('POST', `/api/v1/cases/${ma}/actions/takeOver`, { reason: '接手' }, t);
      log('takeOver on MA by', u, r2.status, r2.body.message);
    }
    // grievance commands on the waiting grievance
    const w1 = await api.call('POST', `/api/v1/cases/${g}/actions/recordFollowUp`, { note: '回访' }, sg);
    log('recordFollowUp while waiting', w1.status, w1.body.message ?? w1.body.view?.stage);
    const w2 = await api.call('POST', `/api/v1/cases/${g}/actions/withdraw`, { reason: '职工撤回' }, sg);
    log('withdraw grievance while waiting', w2.status, w2.body.message ?? w2.body.view?.stage);

    // station without employer phone
    const f2 = await api.call('POST', '/api/v1/grievances', validIntake({ complainantName: '钱小工', complainantPhone: '13912340002' }), sg);
    const g2: string = f2.body.caseNo;
    for (const [a, b] of [['contactComplainant', { note: '已联系' }], ['notifyEnterpriseNow', { reason: '职工同意' }], ['verifyWithEnterprise', { note: '已核实' }], ['urgeMediation', { note: '已督促' }], ['recordOutcome', { outcome: 'station' }]] as const) {
      const r = await api.call('POST', `/api/v1/cases/${g2}/actions/${a}`, b, sg);
      if (a === 'recordOutcome' || r.status !== 200) log('g2', a, r.status, r.body.message ?? r.body.view?.stage);
    }
    const ma2 = `MA${g2.slice(2)}`;
    const ok = await eventually(async () => (await api.call('GET', `/api/v1/cases/${ma2}`, undefined, mediator)).status === 200, 30_000).catch(() => false);
    if (ok) {
      const v2 = (await api.call('GET', `/api/v1/cases/${ma2}`, undefined, mediator)).body;
      log('MA2 employer', v2.view.employer, 'actions', v2.actions);
      const sw = await api.call('POST', `/api/v1/cases/${ma2}/actions/setWorkers`, { workers: [{ name: '钱小工', phone: '13912340002', idNumber: '350203199001011111', claimedFen: 860_000 }] }, mediator);
      log('MA2 setWorkers', sw.status, sw.body.message ?? 'ok');
      const dr = await api.call('POST', `/api/v1/cases/${ma2}/actions/draftAgreement`, { terms: [{ partyNo: 2, amountFen: 860_000 }], totalFen: 860_000, paymentMethod: '银行转账', payment: { kind: 'lump-sum', dueDate: day(10) } }, mediator);
      log('MA2 draft without employer phone', dr.status, dr.body.message ?? dr.body.view?.stage);
    }
  }, 300_000);
});
