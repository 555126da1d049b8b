/**
 * Issue 21 on the real system: a party reads the whole agreement and downloads their own copy with their code (and
 * nobody else can); the mediator uploads the scan of the signed and sealed paper copies, kept with its SHA-256; the
 * review application then says the agreement was signed, names the parties in full for the institute and breaks the
 * claims down by item. Bad input is refused in zh-CN and stores nothing.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cnDate } from '../../activities/documents/chinese-date';
import { readDocument } from '../../activities/documents/read-document';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { browser } from '../helpers/browser';
import { apiClient } from '../helpers/http';
import { pdfText } from '../helpers/pdf-text';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

let sys: System;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  sys = await startSystem('mediation_signature');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
}, 120_000);
afterAll(async () => {
  await sys?.stop();
});

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const today = () => shanghaiDate(Date.now());
const EMPLOYER_PHONE = '13905931000';
const workers = [
  {
    name: '陈建国', phone: '13805931001', idNumber: '350203198001011235', address: '厦门市思明区莲前西路2号', claimedFen: 1_500_000,
    claims: [{ kind: 'wages', amountFen: 1_200_000, from: '2026-08', to: '2026-10' }, { kind: 'compensation', amountFen: 300_000 }],
  },
  { name: '林海燕', phone: '13805931002', idNumber: '350203198502021239', claimedFen: 800_000 },
];
const textOf = async (bytes: Buffer) => (await pdfText(bytes)).replace(/第\d+页共\d+页/g, '');
const codeOf = async (phone: string) => /确认码(\d{6})/.exec((await sys.sms.waitFor((m) => m.phone === phone && /确认码\d{6}/.test(m.text), 30_000)).text)![1];

function upload(caseNo: string, token: string, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('scan', new Blob([file.bytes], { type: file.type }), file.name);
  return fetch(`${sys.baseUrl}/api/v1/mediations/${caseNo}/signature`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
    .then(async (r) => ({ status: r.status, body: await r.json() as any }));
}

describe('a signature that holds up, documents a clerk can file', () => {
  it('the party\'s copy, the scan of the signed agreement, and the review application that says so', async () => {
    const mediator = await api.login('xihu.tj');
    const employer = { name: '厦门某建筑劳务有限公司', address: '厦门市湖里区兴湖路1号', representative: '王建设', representativePosition: '总经理', phone: EMPLOYER_PHONE };
    const intake = { employer, workers, dispute: '拖欠工资', facts: '申请人自2026年8月起未领到工资。', streetId: 's-beishan' };
    const wrongItems = await api.call('POST', '/api/v1/mediations', { ...intake, workers: [{ ...workers[0], claimedFen: 1_400_000 }, workers[1]] }, mediator);
    expect([wrongItems.status, wrongItems.body.message]).toEqual([422, '第1位职工（陈建国）的各项请求合计15000.00元，与请求金额14000.00元不符']);
    const opened = await api.call('POST', '/api/v1/mediations', intake, mediator);
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseNo: string = opened.body.caseNo;
    const act = (action: string, body: unknown, token = mediator) => api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token);
    const due = shanghaiDate(Date.now() + 20 * 86_400_000);
    const drafted = await act('draftAgreement', { terms: [{ partyNo: 2, amountFen: 1_300_000 }, { partyNo: 3, amountFen: 700_000 }], totalFen: 2_000_000, paymentMethod: '银行转账', payment: { kind: 'lump-sum', dueDate: due } });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(200);

    // Before confirming, a worker reads the whole agreement on the phone page, their own line first.
    const code = await codeOf(workers[1].phone);
    const phone = browser(sys.baseUrl);
    expect((await phone.open(`/confirm/${caseNo}`)).html).toContain('先阅读调解协议全文');
    const read = await phone.post(`/confirm/${caseNo}/agreement`, { phone: workers[1].phone, code });
    expect(read.status).toBe(200);
    expect(read.html).toContain('调解协议全文');
    expect(read.html).toMatch(/您（林海燕）的一项：请求金额 8,?000\.00 元，调解金额 <strong>7,?000\.00<\/strong>/);
    expect(read.html).toContain('被申请人向申请人陈建国支付');
    expect(read.html).toContain(`action="/confirm/${caseNo}/copy"`);
    // Their own PDF, with the other worker's identity number masked; only with their code.
    const copy = await fetch(`${sys.baseUrl}/api/v1/mediations/${caseNo}/agreement-copy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: workers[1].phone, code }) });
    expect([copy.status, copy.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const copyText = await textOf(Buffer.from(await copy.arrayBuffer()));
    expect(copyText).toContain('调解协议书');
    expect(copyText).toContain('350203********1235');
    expect(copyText).not.toContain('350203198001011235');
    const stranger = await api.call('POST', `/api/v1/mediations/${caseNo}/agreement-copy`, { phone: '13700001111', code });
    expect([stranger.status, stranger.body.message]).toEqual([422, '手机号码或确认码不正确']);
    const otherCase = await api.call('POST', '/api/v1/mediations/MA9999999999/agreement-copy', { phone: workers[1].phone, code });
    expect(otherCase.status).toBe(422);

    for (const p of [EMPLOYER_PHONE, ...workers.map((w) => w.phone)]) {
      expect((await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone: p, code: await codeOf(p) })).status).toBe(200);
    }
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view.stage === 'submitting', 20_000);

    // The scan: refused in zh-CN when it is not a PDF/JPEG/PNG, dated tomorrow, or not the case's mediator's; nothing kept.
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('签名盖章的调解协议书扫描件')]);
    const signers = '陈建国、林海燕、王建设（加盖公章）、调解员';
    const notPdf = await upload(caseNo, mediator, { signedOn: today(), signers }, { bytes: Buffer.from('<html></html>'), name: 'scan.pdf', type: 'application/pdf' });
    expect([notPdf.status, notPdf.body.message]).toEqual([415, '扫描件须为PDF、JPEG或PNG文件']);
    const tomorrow = await upload(caseNo, mediator, { signedOn: shanghaiDate(Date.now() + 86_400_000), signers }, { bytes: scan, name: 'scan.pdf', type: 'application/pdf' });
    expect([tomorrow.status, tomorrow.body.message]).toEqual([422, '签署日期不能晚于今天']);
    const noFile = await upload(caseNo, mediator, { signedOn: today(), signers });
    expect([noFile.status, noFile.body.message]).toEqual([422, '请选择签名盖章后的调解协议扫描件（PDF、JPEG或PNG）']);
    const otherClerk = await api.login('sc.zc');
    expect((await upload(caseNo, otherClerk, { signedOn: today(), signers }, { bytes: scan, name: 'scan.pdf', type: 'application/pdf' })).status).toBe(403);
    expect(await sys.db.selectFrom('agreement_scans').select('id').execute()).toHaveLength(0);

    const signed = await upload(caseNo, mediator, { signedOn: today(), signers }, { bytes: scan, name: 'scan.pdf', type: 'application/pdf' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.view.agreement.signature).toMatchObject({ signedOn: today(), signers, scan: { sha256: sha256(scan), contentType: 'application/pdf' } });
    const kept = await sys.db.selectFrom('agreement_scans').select(['bytes', 'sha256']).where('case_no', '=', caseNo).execute();
    expect(kept.map((k) => [sha256(k.bytes), k.sha256])).toEqual([[sha256(scan), sha256(scan)]]);

    // A better scan from the case page's form (multipart, with the page's CSRF token; without it, refused).
    const page = browser(sys.baseUrl);
    await page.signIn('xihu.tj');
    const casePage = await page.open(`/staff/cases/${caseNo}`);
    expect(casePage.html).toContain(`action="/staff/cases/${caseNo}/signature" enctype="multipart/form-data"`);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('scan')]);
    const pageUpload = (withToken: boolean) => {
      const form = new FormData();
      if (withToken) form.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(casePage.html)![1].replace(/&#x3D;/g, '='));
      form.append('signedOn', today());
      form.append('signers', signers);
      form.append('scan', new Blob([png], { type: 'image/png' }), 'scan.png');
      return fetch(`${sys.baseUrl}/staff/cases/${caseNo}/signature`, { method: 'POST', body: form, redirect: 'manual', headers: { cookie: [...page.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    };
    expect((await pageUpload(false)).status).toBe(403);
    const uploaded = await pageUpload(true);
    expect([uploaded.status, uploaded.headers.get('location')]).toEqual([303, `/staff/cases/${caseNo}?done=recordSignature`]);
    expect((await page.open(`/staff/cases/${caseNo}`)).html).toContain(sha256(png));

    // Submitted: the review application says it was signed, with the scan's hash, and names the parties in full.
    expect((await act('submitForReview', {})).status).toBe(200);
    const stored = await eventually(async () => {
      const rows = await sys.db.selectFrom('documents').select(['id', 'kind']).where('case_no', '=', caseNo).orderBy('id').execute();
      return rows.length === 2 && rows;
    }, 30_000);
    const [agreement, review] = await Promise.all(stored.map(async (d) => textOf((await readDocument(sys.db, d.id))!.bytes)));
    expect(review).toContain('由双方当事人签名或者盖章，经调解员签名并加盖调解组织印章');
    expect(review).toContain(sha256(png));
    expect(review).toContain('350203198001011235');
    expect(review).toContain('联系电话：13805931001');
    expect(review).toContain('法定代表人：王建设，总经理');
    expect(review).toContain('2026年8月至2026年10月拖欠工资人民币12,000.00元');
    expect(review).toContain('解除劳动合同经济补偿人民币3,000.00元');
    expect(review).toContain('申请人自2026年8月起未领到工资。');
    // the agreement filed with it: the parties in full, dated the day the paper copies were signed
    expect(agreement).toContain('350203198502021239');
    expect(agreement).toContain(`（印章）${cnDate(today())}`);
  }, 120_000);
});
