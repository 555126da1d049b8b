/**
 * A group wage dispute at the union mediation station in Xiamen (DOMAIN §3): three workers, an installment plan, and
 * the data of each of its five documents. Identity numbers are made up but well-formed, so masking is exercised.
 */
import type {
  DocumentDataByKind, Employer, Mediator, PaymentTerms, Station, Worker,
} from '../../activities/documents/types';

export const station: Station = { name: '厦门市总工会驻市劳动人事争议仲裁院调解工作站', address: '厦门市思明区湖滨南路 100 号', phone: '0592-5550100' };
export const mediator: Mediator = { name: '黄志强', phone: '0592-5551234' };
export const employer: Employer = {
  name: '厦门鹭岛物流有限公司', creditCode: '91350200MA2Y8K3L4W', address: '厦门市湖里区枋湖北二路 1 号',
  representative: { role: '法定代表人', name: '陈建国', position: '总经理' },
  agent: { name: '林晓燕', position: '人事主管' },
};
export const workers: Worker[] = [
  { name: '王小明', idNumber: '350203199001011234', address: '厦门市思明区莲前西路 2 号', claimedFen: 1_500_000, agreedFen: 1_234_567 },
  { name: '李红梅', idNumber: '35020519920315432x', claimedFen: 2_000_000, agreedFen: 1_800_000 },
  { name: '张伟', idNumber: '330106198805201234', claimedFen: 1_100_000, agreedFen: 1_002_050 },
];
/** 4,036,617 fen = 40,366.17 yuan in three installments */
export const installments: PaymentTerms = {
  kind: 'installments',
  installments: [
    { dueDate: '2026-12-15', amountFen: 1_500_000 },
    { dueDate: '2027-01-15', amountFen: 1_500_000 },
    { dueDate: '2027-02-10', amountFen: 1_036_617 },
  ],
};
const dispute = '拖欠工资';
const paymentMethod = '以银行转账方式支付至各申请人本人银行账户';

export const documentData: DocumentDataByKind = {
  'mediation-agreement': {
    station, employer, workers, dispute, mediator, appliedOn: '2026-11-10', issuedOn: '2026-11-25', paymentMethod, terms: installments,
  },
  'review-application': {
    station, employer, workers, dispute, mediator, addressedTo: '厦门市劳动人事争议仲裁委员会', agreementSignedOn: '2026-11-25',
    paymentMethod: '以银行转账方式支付至各劳动者本人银行账户', terms: installments, issuedOn: '2026-11-26',
  },
  'transfer-letter': {
    station, employer, dispute, mediator, addressedTo: '厦门市劳动人事争议仲裁院', appliedOn: '2026-10-01', issuedOn: '2026-10-16',
    workers: workers.map((w) => ({ ...w, agreedFen: 0 })),
    reasons: ['被申请人对拖欠工资的数额有异议，不同意申请人的请求。', '自收到调解申请之日起十五日内，双方当事人未能达成调解协议。'],
    attachments: ['调解申请书及申请人提交的证据材料', '调解笔录'],
  },
  'case-file': {
    station, employer, dispute, mediator, addressedTo: '厦门市劳动人事争议仲裁院', appliedOn: '2026-10-01', issuedOn: '2026-10-16',
    workers: workers.map((w) => ({ ...w, agreedFen: 0 })), source: '到调解站申请调解',
    sessions: [
      { on: '2026-10-08', time: '09:30', how: '现场调解（调解室）', recorded: true, attendees: '厦门鹭岛物流有限公司、王小明、李红梅、张伟', notes: '被申请人对拖欠工资的数额有异议，双方同意三日后再行调解。' },
      { on: '2026-10-12', time: '15:00', how: '线上调解', recorded: false, attendees: '', notes: '' },
    ],
    reasons: ['被申请人对拖欠工资的数额有异议，不同意申请人的请求。'],
  },
  'enforcement-application': {
    station, employer, dispute, court: '厦门市湖里区人民法院', issuedOn: '2027-01-25', terms: installments,
    basis: { title: '调解书', number: '厦劳人仲调字〔2026〕第118号', issuedBy: '厦门市劳动人事争议仲裁委员会', effectiveOn: '2026-11-28' },
    workers: [
      { ...workers[0], paidFen: 700_000 },
      { ...workers[1], paidFen: 900_000 },
      { ...workers[2], paidFen: 400_000 },
    ],
    missed: { dueDate: '2027-01-15', paidFen: 500_000 },
  },
};

/**
 * The Xiamen case of DOMAIN §3 (43 workers, 3,620,000 yuan in three installments), as the bench and the sample page of
 * docs/documents.md use it.
 */
export { xiamenDispute } from '../../bench/lib/document-data';
