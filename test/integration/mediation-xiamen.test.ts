/**
 * The Xiamen case (DOMAIN §3) through the JSON API on the real system (Temporal dev server, Postgres, the worker, SMS
 * and SMTP on loopback): 43 workers and 3.62 million yuan, mediated at the station, confirmed by every party with the
 * code texted to them, reviewed by the district's arbitration institute through its clerks' inbox, paid in three
 * installments. Bad input on the way is refused in zh-CN and changes nothing.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../activities/documents/read-document';
import { startFakeSmtpServer, type FakeSmtpServer } from '../../scripts/fake-smtp-server';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { withCreditCheck } from '../../workflows/kinds/mediation/credit-code';
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';
import { apiClient } from '../helpers/http';
import { pdfText } from '../helpers/pdf-text';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { xiamenWorkers, XIAMEN_TOTAL_FEN } from '../helpers/xiamen-case';

let sys: System;
let smtp: FakeSmtpServer;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  sys = await startSystem('mediation');
  smtp = await startFakeSmtpServer();
  process.env.GONGQING_SMTP_URL = smtp.url;
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
}, 120_000);
afterAll(async () => {
  delete process.env.GONGQING_SMTP_URL;
  await sys?.stop();
  await smtp?.close();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const dayAfter = (n: number) => shanghaiDate(Date.now() + n * 86_400_000);
const EMPLOYER_PHONE = '13905920000';

describe('the Xiamen group dispute through the API', () => {
  it('goes from a walk-in through agreement, codes, review and three installments to closure', async () => {
    const mediator = await api.login('xihu.tj');
    const workers = xiamenWorkers();
    const employer = { name: '厦门某建筑劳务有限公司', creditCode: '91350206MA2Y3K4L5M', address: '厦门市湖里区兴湖路1号', representative: '王建设', phone: EMPLOYER_PHONE };
    // A credit code with a wrong check character (GB 32100) is refused at intake, naming the field.
    const mistyped = await api.call('POST', '/api/v1/mediations', { employer: { ...employer, creditCode: '91350206MA2Y3K4L5P' }, workers, dispute: '拖欠工资', streetId: 's-beishan' }, mediator);
    expect([mistyped.status, mistyped.body.message]).toEqual([422, expect.stringContaining('统一社会信用代码（91350206MA2Y3K4L5P）不正确')]);
    const opened = await api.call('POST', '/api/v1/mediations', { employer, workers, dispute: '拖欠工资', streetId: 's-beishan' }, mediator);
    expect(opened.status).toBe(201);
    const caseNo: string = opened.body.caseNo;
    expect(caseNo).toMatch(/^MA[0-9A-Z]{10}$/);
    const act = (action: string, body: unknown, token = mediator) => api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token);

    const seen = await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator);
    expect(seen.status).toBe(200);
    expect(seen.body.view).toMatchObject({ stage: 'mediating', kind: 'mediation' });
    expect(seen.body.view.workers).toHaveLength(43);
    expect(seen.body.actions).toContain('draftAgreement');
    const otherClerk = await api.login('sc.zc');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, otherClerk)).status).toBe(403);

    const terms = workers.map((w, i) => ({ partyNo: i + 2, amountFen: w.claimedFen }));
    const plan = [120_000_000, 120_000_000, 122_000_000].map((amountFen, i) => ({ dueDate: dayAfter(10 + 30 * i), amountFen }));
    const draft = { terms, totalFen: XIAMEN_TOTAL_FEN, paymentMethod: '以银行转账方式支付至各申请人本人银行账户', payment: { kind: 'installments', installments: plan } };

    // Bad input: refused in zh-CN, the case unchanged.
    const short = await act('draftAgreement', { ...draft, totalFen: XIAMEN_TOTAL_FEN + 100 });
    expect(short.status).toBe(422);
    expect(short.body.message).toContain('不符');
    const past = await act('draftAgreement', { ...draft, payment: { kind: 'installments', installments: [{ ...plan[0], dueDate: dayAfter(-1) }, ...plan.slice(1)] } });
    expect(past.status).toBe(422);
    expect(past.body.message).toContain('须晚于今天');
    const stranger = await act('draftAgreement', { ...draft, terms: [...terms.slice(1), { partyNo: 99, amountFen: terms[0].amountFen }] });
    expect(stranger.status).toBe(422);
    expect(stranger.body.message).toContain('不是本案的职工');
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view.agreement).toBeNull();

    // Before a draft, and for a number that does not exist, the answers are a wrong code's, the 6th refused as with a
    // draft: nobody learns which cases exist or wait for a confirmation.
    for (const no of [caseNo, 'MA9999999999']) {
      for (let i = 1; i <= 6; i++) {
        const r = await api.call('POST', `/api/v1/mediations/${no}/confirmations`, { phone: '13700008888', code: '123456' });
        expect([r.status, r.body.message]).toEqual(i <= 5 ? [422, '手机号码或确认码不正确'] : [429, '确认码错误次数过多，请联系调解员重新发送确认码']);
      }
    }

    const drafted = await act('draftAgreement', draft);
    expect(drafted.status).toBe(200);
    expect(drafted.body.view.stage).toBe('confirming');
    // The same draft sent again (a JSON client's retry without a key) starts nothing over: no second round of codes.
    const twice = await act('draftAgreement', draft);
    expect([twice.status, twice.body.message]).toEqual([409, expect.stringContaining('无需重新拟定')]);
    const reordered = await act('draftAgreement', { ...draft, payment: { installments: plan.map((i) => ({ amountFen: i.amountFen, dueDate: i.dueDate })), kind: 'installments' } });
    expect(reordered.status).toBe(409);

    // A second draft (another way to pay): every party gets the code of 第2稿; a code of 第1稿 is told apart, not counted.
    const phones = [EMPLOYER_PHONE, ...workers.map((w) => w.phone)];
    const codeOf = async (phone: string, version = 2) => {
      const m = await sys.sms.waitFor((x) => x.phone === phone && x.text.includes(`第${version}稿`) && /确认码\d{6}/.test(x.text), 30_000);
      return /确认码(\d{6})/.exec(m.text)![1];
    };
    const v1 = await codeOf(phones[2], 1);
    expect((await act('draftAgreement', { ...draft, paymentMethod: '以银行转账方式分期支付至各申请人本人银行账户' })).status).toBe(200);
    const stale = await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: phones[2], code: v1 });
    expect([stale.status, stale.body.message]).toEqual([409, '调解协议已修改（现为第2稿），请使用最新短信中的确认码']);
    // Ten wrong guesses at once from one phone: five are compared, the rest refused.
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: '13700007777', code: String(100000 + i) })));
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(5).fill(422), ...Array(5).fill(429)]);

    // Every party confirms with the code texted to their own phone; a wrong code first changes nothing.
    const first = await codeOf(phones[1]);
    const wrongCode = first === '000000' ? '000001' : '000000';
    const refused = await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: phones[1], code: wrongCode });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('手机号码或确认码不正确');
    // A stranger's phone is answered as a party's is: wrong, then after 5 tries refused (the form tells nobody who is a party).
    for (let i = 1; i <= 6; i++) {
      const r = await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: '13700009999', code: wrongCode });
      expect(r.status).toBe(i <= 5 ? 422 : 429);
    }
    // Someone who knows a worker's phone spends its tries: then even the right code is refused, until the mediator texts
    // the code again, which starts that phone's count afresh (and tells nobody else anything).
    for (let i = 2; i <= 5; i++) expect((await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: phones[1], code: wrongCode })).status).toBe(422);
    const locked = await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: phones[1], code: first });
    expect([locked.status, locked.body.message]).toEqual([429, '确认码错误次数过多，请联系调解员重新发送确认码']);
    const textedBefore = sys.sms.received.length;
    expect((await act('resendCode', { partyNo: 2 }, otherClerk)).status).toBe(403);
    expect((await act('resendCode', { partyNo: 99 })).body.message).toBe('该当事人不在本案中');
    const resent = await act('resendCode', { partyNo: 2 });
    expect(resent.status).toBe(200);
    const again = await sys.sms.waitFor((x, i = sys.sms.received.indexOf(x)) => i >= textedBefore && /确认码\d{6}/.test(x.text), 30_000);
    expect(again.phone).toBe(phones[1]);
    expect(/确认码(\d{6})/.exec(again.text)![1]).toBe(first);
    expect(sys.sms.received.slice(textedBefore).filter((x) => /确认码/.test(x.text))).toHaveLength(1);
    const resentEvents = await sys.db.selectFrom('case_events').select(['summary', 'actor']).where('case_no', '=', caseNo).where('type', '=', 'agreement_code_resent').execute();
    expect(resentEvents).toEqual([{ actor: expect.any(String), summary: expect.stringContaining(`重新发送调解协议（第2稿）确认码`) }]);
    expect(resentEvents[0].summary).toContain(workers[0].name);
    for (const phone of phones) {
      const r = await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone, code: await codeOf(phone) });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const late = await act('resendCode', { partyNo: 2 });
    expect(late.status).toBe(409);
    // 44 confirmations in the history: the case page shows the latest twelve and folds the rest, numbered on.
    const casePage = await (await fetch(`${sys.baseUrl}/staff/cases/${caseNo}`, { headers: { authorization: `Bearer ${mediator}` } })).text();
    const folded = /较早的记录（(\d+)条）/.exec(casePage);
    expect(Number(folded?.[1])).toBeGreaterThan(30);
    expect(casePage).toContain(`<ol class="timeline" start="${Number(folded![1]) + 1}">`);
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view.stage === 'submitting', 20_000);

    // Submitted for review: two PDFs e-mailed to the district's arbitration institute, byte for byte as stored.
    // The 43 elect representatives (they may: Art. 7), and the documents name them.
    expect((await act('electRepresentatives', { partyNos: [5, 9, 2, 9] })).body.message).toBe('同一名职工不能重复登记为代表');
    expect((await act('electRepresentatives', { partyNos: [5, 9, 20] })).status).toBe(200);
    expect((await act('submitForReview', {})).status).toBe(200);
    // A party who opens the SMS again later is told they confirmed; a wrong code still says only that.
    const afterReview = await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: phones[2], code: await codeOf(phones[2]) });
    expect([afterReview.status, afterReview.body.already]).toEqual([200, true]);
    expect((await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: phones[3], code: (await codeOf(phones[3])) === '000000' ? '000001' : '000000' })).status).toBe(422);
    const mail = await smtp.waitFor((m) => m.to.includes('zhongcai@xihu-arbitration.example'), 60_000);
    expect(mail.subject).toContain(caseNo);
    expect(mail.attachments).toHaveLength(2);
    const stored = await sys.db.selectFrom('documents').select(['id', 'kind', 'sha256', 'sent_at']).where('case_no', '=', caseNo).orderBy('id').execute();
    expect(stored.map((d) => d.kind)).toEqual(['mediation-agreement', 'review-application']);
    expect(mail.attachments.map((a) => a.sha256)).toEqual(stored.map((d) => d.sha256));
    // Both documents name the three elected, not whoever was listed first.
    for (const d of stored) {
      const text = await pdfText((await readDocument(sys.db, d.id))!.bytes);
      for (const no of [5, 9, 20]) expect(text).toMatch(new RegExp(`代表：${workers[no - 2].name}，`));
      expect(text).not.toMatch(new RegExp(`代表：${workers[0].name}，`));
    }

    // The institute's clerk sees them in the inbox; another institute's clerk sees nothing and may not act.
    const clerk = await api.login('xihu.zc');
    const inbox = await api.call('GET', '/api/v1/documents', undefined, clerk);
    expect(inbox.body.documents.filter((d: { case_no: string }) => d.case_no === caseNo)).toHaveLength(2);
    expect((await api.call('GET', '/api/v1/documents', undefined, otherClerk)).body.documents).toHaveLength(0);
    expect((await api.call('GET', `/api/v1/documents/${stored[0].id}`, undefined, otherClerk)).status).toBe(404);
    const pdf = await fetch(`${sys.baseUrl}/api/v1/documents/${stored[0].id}`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(pdf.status).toBe(200);
    expect(sha256(Buffer.from(await pdf.arrayBuffer()))).toBe(stored[0].sha256);
    expect((await api.call('POST', `/api/v1/documents/${stored[1].id}/receipt`, undefined, clerk)).status).toBe(200);
    const foreign = await act('acceptReview', {}, otherClerk);
    expect(foreign.status).toBe(403);
    // Acceptance first (Art. 75), then the decision within five working days of it (Art. 76).
    const early = await act('confirmReview', { decisionNo: '厦劳人仲调字〔2026〕第118号', effectiveOn: dayAfter(0) }, clerk);
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('请先决定是否受理仲裁审查申请');
    const accepted = await act('acceptReview', { noticeNo: '厦劳人仲审受字〔2026〕第7号' }, clerk);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.view.reviewAcceptance).toMatchObject({ noticeNo: '厦劳人仲审受字〔2026〕第7号', extension: null });
    expect(Date.parse(accepted.body.view.reviewDue) - Date.now()).toBeGreaterThan(5 * 86_400_000);
    const confirmed = await act('confirmReview', { decisionNo: '厦劳人仲调字〔2026〕第118号', effectiveOn: dayAfter(0) }, clerk);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view.stage === 'performing', 20_000);

    // Paid in three installments: the case closes as performed, the parties' agreed amounts on record.
    for (const [i, inst] of plan.entries()) expect((await act('recordPayment', { installmentNo: i + 1, paidFen: inst.amountFen })).status).toBe(200);
    const closed = await eventually(async () => {
      const row = await sys.db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
      return row?.status === 'closed' && row;
    }, 30_000);
    expect(closed).toMatchObject({ outcome: 'performed', kind: 'mediation', recovered_fen: XIAMEN_TOTAL_FEN, worker_count: 43 });
    const parties = await sys.db.selectFrom('case_parties').select(['side', 'agreed_fen']).where('case_no', '=', caseNo).execute();
    expect(parties).toHaveLength(44);
    expect(parties.filter((p) => p.side === 'worker').reduce((t, p) => t + Number(p.agreed_fen), 0)).toBe(XIAMEN_TOTAL_FEN);
    const events = (await sys.db.selectFrom('case_events').select('type').where('case_no', '=', caseNo).execute()).map((e) => e.type);
    expect(events.filter((t) => t === 'agreement_confirmed')).toHaveLength(44);
    expect(events).toEqual(expect.arrayContaining(['email_sent', 'document_received', 'review_confirmed', 'closed']));

    // The supervisors' account works for this kind too: who did what, the documents, the e-mail.
    const supervisor = await api.login('xihu.qb');
    const history = await api.call('GET', `/api/v1/cases/${caseNo}/history`, undefined, supervisor);
    expect(history.status).toBe(200);
    const told = JSON.stringify(history.body.account);
    expect(told).toContain('仲裁审查确认申请');
    expect(told).toContain('调解书');
    const page = await fetch(`${sys.baseUrl}/staff/cases/${caseNo}/history`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(page.status).toBe(200);
  }, 300_000);

  it('takes a referral from the arbitration institute (with its number) to the district station', async () => {
    const clerk = await api.login('xihu.zc');
    const body = {
      employer: { name: '杭州某物流有限公司', address: '杭州市西湖区1号', representative: '李总', phone: '13905921111' },
      workers: xiamenWorkers().slice(0, 2), dispute: '拖欠加班费', streetId: 's-xixi',
    };
    const missing = await api.call('POST', '/api/v1/mediations', body, clerk);
    expect(missing.status).toBe(422);
    expect(missing.body.message).toContain('委托调解编号');
    const referred = await api.call('POST', '/api/v1/mediations', { ...body, referralNo: '西劳人仲委调〔2026〕12号' }, clerk);
    expect(referred.status).toBe(201);
    const mediator = await api.login('xihu.tj');
    const seen = await api.call('GET', `/api/v1/cases/${referred.body.caseNo}`, undefined, mediator);
    expect(seen.body.view).toMatchObject({ source: 'referral', places: { stationUnitId: 'i-xihu-station', arbitrationUnitId: 'i-xihu-arbitration' } });
    // An institute of no registered district, or someone outside the institutions, cannot open one.
    expect((await api.call('POST', '/api/v1/mediations', { ...body, referralNo: 'x' }, await api.login('sc.zc'))).status).toBe(403);
    expect((await api.call('POST', '/api/v1/mediations', body, await api.login('beishan.sg'))).status).toBe(403);

    // One session, then the employer refuses: the transfer letter and the case file go to the institute, which
    // receives both before the station closes the case.
    const caseNo = referred.body.caseNo as string;
    const act = (action: string, payload: unknown, token = mediator) => api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, payload, token);
    expect((await act('scheduleSession', { at: new Date(Date.now() + 3_600_000).toISOString(), mode: 'in_person', place: '西湖调解室' })).status).toBe(200);
    expect((await act('recordSession', { sessionNo: 1, attendees: [1, 2, 3], notes: '用人单位称加班未经审批，不同意支付加班费' })).status).toBe(200);
    expect((await act('refuse', { side: 'employer', reason: '用人单位不同意调解' })).status).toBe(200);
    const sent = await eventually(async () => {
      const docs = await sys.db.selectFrom('documents').select(['id', 'kind']).where('case_no', '=', caseNo).orderBy('id').execute();
      return docs.length === 3 && docs;
    }, 60_000);
    // with the letter and the file, the workers' own application for arbitration, for them to sign (Art. 28)
    expect(sent.map((d) => d.kind)).toEqual(['transfer-letter', 'case-file', 'workers-arbitration-application']);
    const file = await pdfText((await readDocument(sys.db, sent[1].id))!.bytes);
    for (const said of ['劳动争议调解案卷材料', '经仲裁院委托调解（委托编号西劳人仲委调〔2026〕12号）', '现场调解（西湖调解室）', '用人单位称加班未经审批，不同意支付加班费', '用人单位不同意调解']) {
      expect(file).toContain(said.replace(/\s+/g, ''));
    }
    const letter = await pdfText((await readDocument(sys.db, sent[0].id))!.bytes);
    expect(letter).toContain('调解案卷材料（调解申请、当事人、调解记录1次、调解不成的原因）');
    // a refusal is not the 15 days of Art. 14 running out
    expect(letter).not.toContain('第十四条');
    expect(await pdfText((await readDocument(sys.db, sent[2].id))!.bytes)).toContain('劳动人事争议仲裁申请书');
    const mail = await smtp.waitFor((m) => m.subject.includes(caseNo), 60_000);
    expect(mail.attachments).toHaveLength(3);
    for (const doc of sent) expect((await api.call('POST', `/api/v1/documents/${doc.id}/receipt`, undefined, clerk)).status).toBe(200);
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view?.stage === 'closed', 20_000);
  }, 120_000);
  it('closes the courier 李某’s case as settled and withdrawn (撤回) once the company paid him in full, his phone corrected on the way', async () => {
    const mediator = await api.login('xihu.tj');
    const courier = { name: '李某', phone: '13905927777', idNumber: withCheckCharacter('35020319900101123'), claimedFen: 1_268_000 };
    const employer = { name: '厦门某快递服务有限公司', creditCode: withCreditCheck('91350203MA8KD2X1P'), address: '厦门市思明区某路8号', representative: '陈经理', phone: '13905926666' };
    const opened = await api.call('POST', '/api/v1/mediations', { employer, workers: [courier], dispute: '擅自变更揽收激励规则克扣工资', streetId: 's-beishan' }, mediator);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseNo: string = opened.body.caseNo;
    const act = (action: string, body: unknown) => api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, mediator);

    // A correction before review: old → new on record, the party's row follows; a credit code failing GB 32100 is refused.
    const badCode = await act('correctParty', { partyNo: 1, field: 'creditCode', value: '91350200MA2Y8K3L4Q' });
    expect([badCode.status, badCode.body.message]).toEqual([422, expect.stringContaining('统一社会信用代码（91350200MA2Y8K3L4Q）不正确')]);
    expect((await act('correctParty', { partyNo: 2, field: 'address', value: '厦门市' })).body.message).toBe('职工只能更正联系电话');
    expect((await act('correctParty', { partyNo: 2, field: 'phone', value: '13905928888' })).status).toBe(200);
    expect(await sys.db.selectFrom('case_parties').select('phone').where('case_no', '=', caseNo).where('party_no', '=', 2).executeTakeFirst()).toEqual({ phone: '13905928888' });
    const corrected = await sys.db.selectFrom('case_events').select(['data', 'summary']).where('case_no', '=', caseNo).where('type', '=', 'party_corrected').executeTakeFirstOrThrow();
    expect(corrected.data).toMatchObject({ partyNo: 2, field: 'phone', from: '13905927777', to: '13905928888' });
    // the text every reader of the history sees masks both numbers
    expect(corrected.summary).toContain('李某的联系电话：');
    expect(corrected.summary).not.toMatch(/13905927777|13905928888/);

    // Bad input: refused in zh-CN, the case unchanged.
    const reason = '快递公司已足额支付全部工资，李某撤回调解申请';
    const noAmount = await act('withdrawWorker', { partyNo: 2, reason, settled: true });
    expect([noAmount.status, noAmount.body.message]).toEqual([422, expect.stringContaining('李某已收到的金额')]);
    expect((await act('withdrawWorker', { partyNo: 9, reason, settled: true, recoveredFen: 1 })).body.message).toContain('不是本案现有的职工');
    expect((await act('withdrawWorker', { partyNo: 2, reason, recoveredFen: 1_268_000 })).body.message).toBe('只有已足额支付后撤回的，才登记职工已收到的金额');
    const noReason = await act('withdrawWorker', { partyNo: 2, settled: true, recoveredFen: 1_268_000 });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view).toMatchObject({ stage: 'mediating', workers: [{ name: '李某' }] });

    // Paid in full: his part ends as settled and withdrawn, the money recovered, and with no one left the case closes.
    const withdrawn = await act('withdrawWorker', { partyNo: 2, reason, settled: true, recoveredFen: 1_268_000 });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const closed = await eventually(async () => {
      const row = await sys.db.selectFrom('cases').select(['status', 'outcome', 'recovered_fen']).where('case_no', '=', caseNo).executeTakeFirst();
      return row?.status === 'closed' && row;
    }, 20_000);
    expect(closed).toEqual({ status: 'closed', outcome: 'withdrawn', recovered_fen: 1_268_000 });
    const events = await sys.db.selectFrom('case_events').select(['type', 'data', 'summary']).where('case_no', '=', caseNo).where('type', 'in', ['worker_withdrawn', 'closed']).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['worker_withdrawn', 'closed']);
    expect(events[0].data).toMatchObject({ partyNo: 2, reason, settled: true });
    expect(events[0].summary).toContain('已获足额支付12680.00元，撤回调解申请');
    expect((await act('withdrawWorker', { partyNo: 2, reason, settled: true, recoveredFen: 1 })).status).toBe(409);
  }, 120_000);

  it('sends the riders’ agreed case on to arbitration, not to review: whether they are employees is disputed (Art. 75); their year had run out (Art. 27)', async () => {
    const mediator = await api.login('xihu.tj');
    const riders = [
      { name: '外卖骑手甲', phone: '13905925551', idNumber: withCheckCharacter('35020319950101123'), claimedFen: 600_000 },
      { name: '外卖骑手乙', phone: '13905925552', idNumber: withCheckCharacter('35020319960202123'), claimedFen: 400_000 },
    ];
    const employer = { name: '厦门某配送服务有限公司', address: '厦门市湖里区某路9号', representative: '周经理', phone: '13905925550' };
    const body = { employer, workers: riders, dispute: '确认劳动关系及支付劳动报酬', streetId: 's-beishan', employmentInDispute: true };
    const future = await api.call('POST', '/api/v1/mediations', { ...body, disputeArose: dayAfter(3) }, mediator);
    expect([future.status, future.body.message]).toEqual([422, '争议发生之日不能晚于今天']);
    expect((await api.call('POST', '/api/v1/mediations', { ...body, disputeArose: '2026-02-30' }, mediator)).status).toBe(422);
    const arose = dayAfter(-400);
    const opened = await api.call('POST', '/api/v1/mediations', { ...body, disputeArose: arose }, mediator);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseNo: string = opened.body.caseNo;
    const act = (action: string, payload: unknown) => api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, payload, mediator);
    expect((await act('draftAgreement', {
      terms: [{ partyNo: 2, amountFen: 500_000 }, { partyNo: 3, amountFen: 300_000 }], totalFen: 800_000, paymentMethod: '银行转账',
      payment: { kind: 'lump-sum', dueDate: dayAfter(10) },
    })).status).toBe(200);
    for (const phone of [employer.phone, ...riders.map((r) => r.phone)]) {
      const sms = await sys.sms.waitFor((m) => m.phone === phone && /确认码\d{6}/.test(m.text), 30_000);
      expect((await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone, code: /确认码(\d{6})/.exec(sms.text)![1] })).status).toBe(200);
    }
    // No review application: the transfer letter says why, and the case file goes with it.
    const sent = await eventually(async () => {
      const docs = await sys.db.selectFrom('documents').select(['id', 'kind']).where('case_no', '=', caseNo).orderBy('id').execute();
      return docs.length === 3 && docs;
    }, 60_000);
    expect(sent.map((d) => d.kind)).toEqual(['transfer-letter', 'case-file', 'workers-arbitration-application']);
    expect(await pdfText((await readDocument(sys.db, sent[0].id))!.bytes)).toContain('第七十五条');
    const warning = await sys.db.selectFrom('case_events').select('summary').where('case_no', '=', caseNo).where('type', '=', 'limitation_warning').executeTakeFirstOrThrow();
    expect(warning.summary).toContain(`争议发生于${arose}，申请调解时已超过一年仲裁时效`);
  }, 120_000);
});
