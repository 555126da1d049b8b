/**
 * Issue 21, documents a clerk can file and a signature that holds up: each changed document read back from its PDF.
 * Pure (no database, no engine): the document data is made from a case's state as the workflow makes it.
 */
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../activities/documents/render-document';
import { scanType } from '../../api/services/agreement-signature';
import { agreementData, reviewApplicationData, transferLetterData, workersApplicationData, type DocumentContext } from '../../workflows/kinds/mediation/document-data';
import type { MediationIntake, WorkerParty } from '../../workflows/kinds/mediation/model';
import type { MediationState } from '../../workflows/kinds/mediation/state';
import { claimItemsRefusal } from '../../workflows/kinds/mediation/claim-items';
import { parseWorkerLines } from '../../workflows/kinds/mediation/form';
import { applyMediationCommand } from '../../workflows/kinds/mediation/state';
import { PDFParse } from 'pdf-parse';
import { demoAgreement } from '../../scripts/lib/demo-agreement';
import { pdfPages, pdfText } from '../helpers/pdf-text';

const workers: WorkerParty[] = [
  {
    partyNo: 2, name: '王小明', phone: '13800001002', idNumber: '350203199001011234', address: '厦门市思明区莲前西路2号', claimedFen: 1_500_000,
    claims: [{ kind: 'wages', amountFen: 1_200_000, from: '2026-08', to: '2026-10' }, { kind: 'overtime', amountFen: 300_000 }],
  },
  { partyNo: 3, name: '李红梅', phone: '13800001003', idNumber: '350205199203154328', claimedFen: 800_000 },
];
const intake = {
  employer: { partyNo: 1, name: '厦门鹭岛物流有限公司', enterpriseId: null, creditCode: '91350200MA2Y8K3L4W', address: '厦门市湖里区枋湖北二路1号', representative: { role: '法定代表人', name: '陈建国', position: '总经理' }, phone: '13900000001' },
  dispute: '拖欠工资', facts: '申请人自2026年8月起未领到工资，被申请人以资金紧张为由拖欠至今。', appliedAt: '2026-11-10T02:00:00Z',
  source: 'walk_in', parentCaseNo: null, workers,
} as unknown as MediationIntake;

function state(signature = false): MediationState {
  return {
    stage: 'submitting', outcome: null, employer: intake.employer, workers, sessions: [], refusal: null, submitted: false, review: null, rejection: null,
    installments: [], documents: [], created: true,
    agreement: {
      version: 1, draftedAt: '2026-11-20T02:00:00Z', confirmedBy: [1, 2, 3], signedAt: '2026-11-21T03:00:00Z', totalFen: 2_000_000,
      terms: [{ partyNo: 2, amountFen: 1_300_000 }, { partyNo: 3, amountFen: 700_000 }], payment: { kind: 'lump-sum', dueDate: '2026-12-20' }, paymentMethod: '',
      signature: signature ? { signedOn: '2026-11-24', signers: '王小明、李红梅、陈建国（盖章）、调解员黄志强', scan: { id: 7, sha256: 'ab'.repeat(32), contentType: 'application/pdf', size: 1000 }, recordedBy: '黄志强', recordedAt: '2026-11-24T08:00:00Z' } : null,
    },
  };
}
const context = (s: MediationState): DocumentContext => ({ intake, s, stationName: '厦门市总工会调解工作站', mediatorName: '黄志强', issuedOn: '2026-11-26', electionOptional: true });
// the page footers (第1页共3页) left out: a sentence runs on across a page break
const text = async (doc: Promise<{ bytes: Buffer }>) => (await pdfText((await doc).bytes)).replace(/第\d+页共\d+页/g, '');

describe('documents for the institute', () => {
  it('the review application names the parties in full, breaks the claims down, and says the agreement was signed only when the scan says so', async () => {
    const signed = await text(renderDocument('review-application', 'MA1', reviewApplicationData(context(state(true)), '厦门市劳动人事争议仲裁委员会')));
    expect(signed).toContain('350203199001011234');
    expect(signed).toContain('联系电话：13800001002');
    expect(signed).toContain('法定代表人：陈建国，总经理');
    expect(signed).toContain('2026年8月至2026年10月拖欠工资人民币12,000.00元');
    expect(signed).toContain('加班费人民币3,000.00元');
    expect(signed).toContain('申请人自2026年8月起未领到工资');
    expect(signed).toContain('于二〇二六年十一月二十四日由双方当事人签名或者盖章');
    expect(signed).toContain(`SHA-256：${'ab'.repeat(32)}`);

    const consented = await text(renderDocument('review-application', 'MA1', reviewApplicationData(context(state(false)), '厦门市劳动人事争议仲裁委员会')));
    expect(consented).not.toContain('由双方当事人签名或者盖章，经调解员签名');
    expect(consented).toContain('凭本人手机短信确认码逐一确认同意该协议');
    expect(consented).toContain('尚未经双方当事人签名或者盖章');
  });

  it('the agreement is dated the day it was signed; a party\'s copy masks the identity numbers', async () => {
    const filed = agreementData(context(state(true)));
    expect(filed.issuedOn).toBe('2026-11-24');
    expect(agreementData(context(state(false))).issuedOn).toBe('2026-11-21');
    const copy = await text(renderDocument('mediation-agreement', 'MA1', agreementData(context(state(true)), false)));
    expect(copy).toContain('350203********1234');
    expect(copy).not.toContain('350203199001011234');
    expect(copy).toContain('二〇二六年十一月二十四日');
  });

  it('the transfer letter cites Art. 14 only when the 15 days ran out', async () => {
    const s = { ...state(), agreement: null };
    const overdue = await text(renderDocument('transfer-letter', 'MA1', transferLetterData(context(s), '厦门市劳动人事争议仲裁院', ['十五日内未达成调解协议'])));
    expect(overdue).toContain('第十四条第三款');
    expect(overdue).toContain('350205199203154328');
    const refused = await text(renderDocument('transfer-letter', 'MA1', transferLetterData(context({ ...s, refusal: { side: 'employer', reason: '不同意支付' } }), '厦门市劳动人事争议仲裁院', ['用人单位一方拒绝调解：不同意支付'])));
    expect(refused).not.toContain('第十四条');
    expect(refused).toContain('第五条');
  });
});

describe('the workers\' arbitration application', () => {
  it('names the parties in full, claims item by item, states the facts and reasons, and leaves the signing to the workers', async () => {
    const s = { ...state(), agreement: null, refusal: { side: 'employer' as const, reason: '不同意支付' } };
    const t = await text(renderDocument('workers-arbitration-application', 'MA1', workersApplicationData(context(s), '厦门市劳动人事争议仲裁院', ['用人单位一方拒绝调解：不同意支付'])));
    expect(t).toContain('劳动人事争议仲裁申请书');
    expect(t).toContain('申请人一：王小明，公民身份号码：350203199001011234，住址：厦门市思明区莲前西路2号，联系电话：13800001002');
    expect(t).toContain('法定代表人：陈建国，总经理');
    expect(t).toContain('裁决被申请人向申请人王小明支付人民币15,000.00元（大写：人民币壹万伍仟元整），其中：（一）2026年8月至2026年10月拖欠工资');
    expect(t).toContain('裁决被申请人向申请人李红梅支付人民币8,000.00元');
    expect(t).toContain('事实和理由申请人与被申请人因拖欠工资发生劳动争议。申请人自2026年8月起未领到工资');
    expect(t).toContain('未能达成调解协议：用人单位一方拒绝调解：不同意支付。');
    expect(t).toContain('第二十八条');
    expect(t).toContain('此致厦门市劳动人事争议仲裁委员会');
    expect(t).toContain('申请人王小明（签名）：');
  });
});

describe('representatives', () => {
  it('ten workers who elected three get the 推举书 attached to the review application, every worker to sign', async () => {
    const ten: WorkerParty[] = Array.from({ length: 10 }, (_, i) => ({
      partyNo: i + 2, name: `职工${String.fromCharCode(0x7532 + i)}`, phone: `1380000${String(1000 + i)}`, idNumber: `35020319900101${String(1000 + i)}`, claimedFen: 100_000,
    }));
    const s = { ...state(true), workers: ten, representatives: [3, 5, 7] };
    s.agreement = { ...s.agreement!, terms: ten.map((w) => ({ partyNo: w.partyNo, amountFen: 100_000 })), totalFen: 1_000_000 };
    const t = await text(renderDocument('review-application', 'MA1', reviewApplicationData(context(s), '厦门市劳动人事争议仲裁委员会')));
    expect(t).toContain('推举书（附后）');
    expect(t).toContain('《劳动人事争议仲裁办案规则》第六十三条的规定，全体劳动者共同推举下列三人为代表人');
    expect(t).toContain(`序号代表人姓名公民身份号码1${ten[1].name}${ten[1].idNumber}2${ten[3].name}`);
    expect(t).toContain('推举人签名');
    expect(t).toContain(`推举人签名1${ten[0].name}${ten[0].idNumber}`);
    // a group that elected nobody has no 推举书
    const none = await text(renderDocument('review-application', 'MA1', reviewApplicationData(context({ ...s, representatives: [] }), '厦门市劳动人事争议仲裁委员会')));
    expect(none).not.toContain('推举书');
  });
});

describe('the sample page: the demo case\'s agreement flows', () => {
  it('page 1 goes on past 自愿达成如下协议 and the employer\'s line does not break after its name', async () => {
    const { caseNo, data } = demoAgreement();
    const doc = await renderDocument('mediation-agreement', caseNo, data);
    const [first] = await pdfPages(doc.bytes);
    expect(first).toContain('自愿达成如下协议：一、被申请人向申请人陈建国等四十三人支付');
    expect(first).toContain('（一）二〇二六年十二月二十日前支付');
    // the line as laid out (layout.ts): the name, then as much of the credit code's label as fits
    const parser = new PDFParse({ data: new Uint8Array(doc.bytes) });
    const lines = (await parser.getText({ partial: [1] })).text.split('\n').map((l) => l.replace(/\s+/g, ''));
    await parser.destroy();
    expect(lines.find((l) => l.startsWith('被申请人：'))).toMatch(/^被申请人：杭州城建建筑工程有限公司，统一社会/);
  });
});

describe('what the mediator registers', () => {
  it('claim items must add up, and unpaid wages need their months', () => {
    expect(claimItemsRefusal(workers[0])).toBeNull();
    expect(claimItemsRefusal({ claimedFen: 100, claims: [{ kind: 'wages', amountFen: 100 }] })).toContain('起止月份');
    expect(claimItemsRefusal({ claimedFen: 200, claims: [{ kind: 'overtime', amountFen: 100 }] })).toContain('与请求金额2.00元不符');
  });

  it('the page\'s worker list takes an address for service, and a list typed again keeps each worker\'s claim items', () => {
    expect(parseWorkerLines('王小明，13800001002，350203199001011234，15000，厦门市思明区莲前西路2号')).toEqual([
      { name: '王小明', phone: '13800001002', idNumber: '350203199001011234', claimedFen: 1_500_000, address: '厦门市思明区莲前西路2号' },
    ]);
    const s = state();
    applyMediationCommand(s, { action: 'setWorkers', actor: { role: 'union_mediator', name: '黄志强' }, payload: { workers: parseWorkerLines('王小明，13800001003，350203199001011234，15000\n李红梅，13800001003，350205199203154328，9000') } }, '2026-11-21T00:00:00Z');
    expect(s.workers[0]).toMatchObject({ phone: '13800001003', address: '厦门市思明区莲前西路2号', claims: workers[0].claims });
    expect(s.workers[1].claims).toBeUndefined();
  });

  it('a scan is a PDF, JPEG or PNG by its first bytes, whatever it is called', () => {
    expect(scanType(Buffer.from('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(scanType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(scanType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(scanType(Buffer.from('<html>not a scan</html>'))).toBeNull();
  });
});
