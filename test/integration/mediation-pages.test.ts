/**
 * The mediation kind's pages (issue 16), driven as a browser would (cookies, CSRF tokens, forms) on the real system:
 * the station's mediator opens a case and drafts the agreement through the forms (a refusal shown inside the form
 * with what was typed), a party confirms on the phone page with the code the fake SMS gateway received, the
 * arbitration clerk finds the documents in the inbox, downloads one byte for byte and confirms receipt; another
 * institute's clerk sees none of it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSmtpServer, type FakeSmtpServer } from '../../scripts/fake-smtp-server';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { browser, unescapeHtml } from '../helpers/browser';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

let sys: System;
let smtp: FakeSmtpServer;
beforeAll(async () => {
  sys = await startSystem('mediation_pages');
  smtp = await startFakeSmtpServer();
  process.env.GONGQING_SMTP_URL = smtp.url;
  await sys.startWorker();
}, 120_000);
afterAll(async () => {
  delete process.env.GONGQING_SMTP_URL;
  await sys?.stop();
  await smtp?.close();
});

const EMPLOYER_PHONE = '13905921000';
const WORKERS = [
  ['陈建国', '13805921001', '350203198001011235', '80000'],
  ['林海燕', '13805921002', '350203198502021239', '42000.50'],
];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const cardOf = (html: string, action: string) => /<div class="card" id="action-[^"]+">[\s\S]*?<\/form>/g.exec(html.slice(html.indexOf(`id="action-${action}"`) - 30))?.[0] ?? '';
const codeOf = async (phone: string) => /确认码(\d{6})/.exec((await sys.sms.waitFor((m) => m.phone === phone && /确认码\d{6}/.test(m.text), 30_000)).text)![1];

describe('the mediation pages', () => {
  it("open, draft, confirm by phone, and reach the clerk's inbox", async () => {
    const mediator = browser(sys.baseUrl);
    await mediator.signIn('xihu.tj');
    const intake = await mediator.open('/staff/mediations/new');
    expect(intake.status).toBe(200);
    expect(intake.html).toContain('登记调解案件');
    const form = {
      idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(intake.html)![1],
      employerName: '厦门某建筑劳务有限公司', employerAddress: '厦门市湖里区兴湖路1号', representative: '王建设', employerPhone: EMPLOYER_PHONE,
      dispute: '拖欠工资', streetId: 's-beishan',
    };

    // A worker line with three items: said with its line number, nothing opened, what was typed kept.
    const bad = await mediator.post('/staff/mediations/new', { ...form, workers: `${WORKERS[0].join('，')}\n林海燕，13805921002，42000` });
    expect(bad.status).toBe(400);
    expect(unescapeHtml(bad.alert)).toContain('职工名单第2行');
    expect(bad.html).toContain('厦门某建筑劳务有限公司');
    expect(await sys.db.selectFrom('cases').select('case_no').where('kind', '=', 'mediation').execute()).toHaveLength(0);

    const opened = await mediator.post('/staff/mediations/new', { ...form, workers: WORKERS.map((w, i) => w.join(i ? ',' : '，')).join('\n') });
    expect(opened.status, opened.alert).toBe(303);
    const caseNo = /\/staff\/cases\/(MA[0-9A-Z]{10})\?done=opened/.exec(opened.location!)![1];
    const page = await mediator.open(opened.location!);
    expect(page.html).toContain(`调解案件 ${caseNo}`);
    expect(page.html).toContain('已完成：已登记调解案件');
    expect(page.html).toMatch(/class="due due-(later|soon)">还剩 1[0-9]天/);
    expect(page.html).toContain('13805921002'); // the mediator runs the case: phones in clear
    // The forms for a worker leaving, an extension by consent and a correction are on the page; a correction from it
    // is recorded old → new, and a bad value is refused in zh-CN with what was typed kept.
    for (const action of ['withdrawWorker', 'splitOffWorker', 'extendMediation', 'correctParty']) expect(page.html).toContain(`id="action-${action}"`);
    const badFix = await mediator.post(`/staff/cases/${caseNo}/actions/correctParty`, { partyNo: '3', field: 'phone', value: '12345' });
    expect(badFix.status).toBe(400);
    expect(unescapeHtml(badFix.alert)).toMatch(/手机号码|联系电话/);
    const fixed = await mediator.post(`/staff/cases/${caseNo}/actions/correctParty`, { partyNo: '1', field: 'address', value: '厦门市湖里区兴湖路8号' });
    expect(fixed.status, fixed.alert).toBe(303);
    expect(await sys.db.selectFrom('case_events').select('type').where('case_no', '=', caseNo).where('type', '=', 'party_corrected').execute()).toHaveLength(1);
    // The draft form starts from each worker's claim and their total.
    const draftCard = cardOf(page.html, 'draftAgreement');
    expect(draftCard).toContain('2 陈建国 80000.00');
    expect(draftCard).toContain('value="122000.50"');

    // A total that does not add up: the rules' message inside the draft form, with what was typed.
    const terms = '2 80000\n3 42000.50';
    const due = shanghaiDate(Date.now() + 20 * 86_400_000);
    const draft = { terms, totalYuan: '122000.50', paymentKind: 'lump-sum', dueDate: due, installments: '', paymentMethod: '银行转账' };
    const refused = await mediator.post(`/staff/cases/${caseNo}/actions/draftAgreement`, { ...draft, totalYuan: '122001' });
    expect(refused.status).toBe(400);
    const refusedCard = cardOf(refused.html, 'draftAgreement');
    expect(refusedCard).toContain('role="alert"');
    expect(unescapeHtml(refusedCard)).toContain('与调解总金额122,001.00元不符');
    expect(refusedCard).toContain('value="122001"');
    // Bad form input never reaches the case: a clear zh-CN message, not a 500.
    const typo = await mediator.post(`/staff/cases/${caseNo}/actions/draftAgreement`, { ...draft, terms: '2 八万元\n3 42000.50' });
    expect(typo.status).toBe(400);
    expect(unescapeHtml(typo.alert)).toContain('调解金额第1行');

    const drafted = await mediator.post(`/staff/cases/${caseNo}/actions/draftAgreement`, draft);
    expect(drafted.status, drafted.alert).toBe(303);
    expect((await mediator.open(drafted.location!)).html).toContain('当事人确认：<strong>0 / 3</strong>');

    // A worker confirms on their phone: a wrong code first (said in the form, phone kept), then the texted one.
    const phone = browser(sys.baseUrl);
    const confirmPage = await phone.open(`/confirm/${caseNo}`);
    expect(confirmPage.html).toContain('确认调解协议');
    const code = await codeOf(WORKERS[1][1]);
    const wrong = await phone.post(`/confirm/${caseNo}`, { phone: WORKERS[1][1], code: code === '000000' ? '000001' : '000000' });
    expect(wrong.status).toBe(400);
    expect(unescapeHtml(wrong.alert)).toBe('手机号码或确认码不正确');
    expect(wrong.html).toContain(`value="${WORKERS[1][1]}"`);
    const done = await phone.post(`/confirm/${caseNo}`, { phone: WORKERS[1][1], code });
    expect(done.status).toBe(200);
    expect(done.html).toContain('已确认');
    expect(done.html).toContain('42000.50'); // their own share
    // and the whole agreement, every party's line as the copy each of them keeps says it (issue 21)
    expect(done.html).toContain('被申请人向申请人陈建国支付人民币80,000.00元');
    expect(done.html).toContain(`${due} 前一次性支付`);

    // 陈建国 lost the SMS: the mediator texts his code again from the page, which offers only who has not confirmed.
    const resendCard = cardOf((await mediator.open(`/staff/cases/${caseNo}`)).html, 'resendCode');
    expect(resendCard).toContain('重新发送确认码');
    expect(resendCard).toContain('<option value="2"');
    expect(resendCard).not.toContain('<option value="3"');
    const textedBefore = sys.sms.received.length;
    const resent = await mediator.post(`/staff/cases/${caseNo}/actions/resendCode`, { partyNo: '2' });
    expect(resent.status, resent.alert).toBe(303);
    expect((await mediator.open(resent.location!)).html).toContain('重新发送调解协议（第1稿）确认码');
    const textedAgain = await sys.sms.waitFor((m, i = sys.sms.received.indexOf(m)) => i >= textedBefore && /确认码\d{6}/.test(m.text), 30_000);
    expect([textedAgain.phone, /确认码(\d{6})/.exec(textedAgain.text)![1]]).toEqual([WORKERS[0][1], await codeOf(WORKERS[0][1])]);
    const confirmedTwice = await mediator.post(`/staff/cases/${caseNo}/actions/resendCode`, { partyNo: '3' });
    expect(confirmedTwice.status).toBe(409);
    expect(unescapeHtml(confirmedTwice.html)).toContain('林海燕已确认调解协议，无需重新发送');

    // The others confirm through the JSON route; then the mediator submits for review from the page.
    const api = apiClient(sys.baseUrl);
    for (const p of [EMPLOYER_PHONE, WORKERS[0][1]]) expect((await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: p, code: await codeOf(p) })).status).toBe(200);
    await eventually(async () => (await mediator.open(`/staff/cases/${caseNo}`)).html.includes('id="action-submitForReview"'), 20_000);
    expect((await mediator.post(`/staff/cases/${caseNo}/actions/submitForReview`, { note: '' })).status).toBe(303);
    await smtp.waitFor((m) => m.subject.includes(caseNo), 60_000);
    const stored = await sys.db.selectFrom('documents').select(['id', 'title', 'sha256']).where('case_no', '=', caseNo).orderBy('id').execute();
    expect(stored).toHaveLength(2);

    // The institute's clerk: both documents in the inbox, one downloaded byte for byte, one receipt confirmed.
    const clerk = browser(sys.baseUrl);
    await clerk.signIn('xihu.zc');
    const inbox = await eventually(async () => {
      const r = await clerk.open('/staff/documents');
      return stored.every((d) => r.html.includes(`/staff/documents/${d.id}"`)) && r;
    }, 20_000);
    expect(inbox.html).toContain('2份尚未确认收到');
    expect(inbox.html).toContain(`href="/staff/cases/${caseNo}#action-acceptReview"`);
    const pdf = await fetch(`${sys.baseUrl}/staff/documents/${stored[0].id}`, { headers: { cookie: [...clerk.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(Buffer.from(await pdf.arrayBuffer()))).toBe(stored[0].sha256);
    const receipt = await clerk.post(`/staff/documents/${stored[0].id}/receipt`, {});
    expect(receipt.status, receipt.alert).toBe(303);
    const after = await clerk.open(receipt.location!);
    expect(after.html).toContain('已确认收到，已记入案件');
    expect(after.html).toContain('1份尚未确认收到');
    // The same button on a page loaded before (its own one-time key): said, not applied twice.
    const again = await clerk.post(`/staff/documents/${stored[0].id}/receipt`, { _key: 'an-older-page-form' });
    expect(again.status).toBe(409);
    expect(unescapeHtml(again.alert)).toContain('已确认收到');
    // On the case page the clerk sees the parties masked, who received what, and the review forms.
    const clerkCase = await clerk.open(`/staff/cases/${caseNo}`);
    expect(clerkCase.html).not.toContain('13805921002');
    expect(clerkCase.html).toContain('138****1002');
    expect(clerkCase.html).toContain('已确认收到（仲裁院书记员郑书记');
    expect(clerkCase.html).toContain('id="action-acceptReview"');
    expect(clerkCase.html).toContain('id="action-declineReview"');
    expect(clerkCase.html).not.toContain('id="action-confirmReview"');

    // Another institute's clerk: nothing in the inbox, the download is not found.
    const other = browser(sys.baseUrl);
    await other.signIn('sc.zc');
    expect((await other.open('/staff/documents')).html).toContain('暂无送达贵单位的文书');
    expect((await other.get(`/staff/documents/${stored[0].id}`)).status).toBe(404);

    // The e-mail page shows the mail with both PDFs' hashes; the other clerk's shows none of it.
    const mail = await mediator.open('/staff/email');
    expect(mail.html).toContain('zhongcai@xihu-arbitration.example');
    for (const d of stored) expect(mail.html).toContain(d.sha256);
    expect((await other.open('/staff/email')).html).not.toContain(caseNo);
  }, 180_000);
});
