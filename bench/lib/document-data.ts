/**
 * The data of the five legal documents for the document bench (bench/documents.ts) and the README's sample page
 * (scripts/render-sample-document.ts): a small group dispute of 3 workers and the Xiamen group dispute of DOMAIN §3
 * (43 workers, 3,620,000 yuan agreed, paid in 3 installments). Kept here rather than imported from test/, so the bench
 * does not depend on the tests' fixtures. Names and identity numbers are made up but well-formed (the check digit of
 * GB 11643 included), so masking is exercised. Everything is deterministic: the same case gives the same bytes.
 */
import type { DocumentDataByKind, Employer, Mediator, PaymentTerms, Station } from '../../activities/documents/types';

export interface DocumentCase {
  /** for the report: "3 workers", "43 workers (Xiamen)" */
  label: string;
  caseNo: string;
  workers: number;
  data: DocumentDataByKind;
}

const station: Station = { name: '厦门市总工会驻市劳动人事争议仲裁院调解工作站', address: '厦门市思明区湖滨南路 100 号', phone: '0592-5550100' };
const mediator: Mediator = { name: '黄志强', phone: '0592-5551234' };
const employer: Employer = {
  name: '厦门鹭岛物流有限公司', creditCode: '91350200MA2Y8K3L4W', address: '厦门市湖里区枋湖北二路 1 号',
  representative: { role: '法定代表人', name: '陈建国', position: '总经理' },
  agent: { name: '林晓燕', position: '人事主管' },
};

const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '郑', '许', '谢', '洪', '郭', '苏', '庄', '曾', '叶', '周', '邱', '何', '罗'];
const GIVEN = ['志明', '丽华', '建平', '秀英', '伟', '海燕', '国强', '美玲', '文杰', '淑芬', '俊杰', '雅婷', '金水', '春梅', '永福', '小红', '德华', '月娥', '明辉', '玉兰', '家豪', '桂香', '水生', '晓东', '阿珍', '荣发', '丽娟', '天赐', '秋菊'];
/** Where the workers' identity cards were issued: Xiamen's districts and the places its workers come from. */
const REGIONS = ['350203', '350206', '350211', '350212', '350524', '350583', '360121', '430521', '512922', '522121', '411323'];

/** The i-th made-up worker's name; distinct for every i below SURNAMES.length × GIVEN.length. */
const nameOf = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7 + Math.floor(i / SURNAMES.length)) % GIVEN.length]}`;

/** A well-formed 18-character resident identity number (GB 11643-1999, check digit included). */
function idNumberOf(i: number): string {
  const born = new Date(Date.UTC(1968 + ((i * 11) % 36), (i * 5) % 12, 1 + ((i * 13) % 28)));
  const body = `${REGIONS[i % REGIONS.length]}${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(100 + ((i * 37) % 900)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, k) => s + Number(d) * weights[k], 0);
  return body + '10X98765432'[sum % 11];
}

/** Splits `total` fen by `weights`, each share rounded down to whole yuan and the rest to the last: the shares add up. */
function split(total: number, weights: number[]): number[] {
  const all = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / all / 100) * 100);
  shares[shares.length - 1] += total - shares.reduce((a, b) => a + b, 0);
  return shares;
}

interface DisputeSpec {
  label: string;
  caseNo: string;
  workers: number;
  /** what the employer agreed to pay all workers, fen */
  agreedFen: number;
  /** due dates and amounts (fen), adding up to agreedFen */
  installments: { dueDate: string; amountFen: number }[];
  /** the installment the enforcement application is about (0-based), and how much of it was paid */
  missed: { index: number; paidFen: number };
  /** the mediation: applied for, agreement signed; mediation failed (transfer letter); enforcement applied for */
  dates: { appliedOn: string; signedOn: string; reviewOn: string; transferOn: string; effectiveOn: string; enforcementOn: string };
  basisNumber: string;
}

function dispute(spec: DisputeSpec): DocumentCase {
  // Unequal shares, as wages are: some workers were owed twice what others were.
  const weights = Array.from({ length: spec.workers }, (_, i) => 10 + ((i * 7) % 11));
  const agreed = split(spec.agreedFen, weights);
  const workers = agreed.map((agreedFen, i) => ({
    name: nameOf(i), idNumber: idNumberOf(i), ...(i % 5 === 0 ? { address: `厦门市湖里区金山街道${(i % 9) + 1}号` } : {}),
    // They asked for 5–15 % more than they settled for, in whole yuan.
    claimedFen: Math.round((agreedFen * (105 + ((i * 3) % 11))) / 100 / 100) * 100, agreedFen,
  }));
  const terms: PaymentTerms = { kind: 'installments', installments: spec.installments };
  const paidBefore = spec.installments.slice(0, spec.missed.index).reduce((a, x) => a + x.amountFen, 0);
  const paid = split(paidBefore + spec.missed.paidFen, agreed);
  const common = { station, employer, dispute: '拖欠工资' };
  const paymentMethod = '以银行转账方式支付至各申请人本人银行账户';
  const d = spec.dates;
  return {
    label: spec.label, caseNo: spec.caseNo, workers: spec.workers,
    data: {
      'mediation-agreement': { ...common, workers, mediator, appliedOn: d.appliedOn, issuedOn: d.signedOn, paymentMethod, terms },
      'review-application': {
        ...common, workers, mediator, addressedTo: '厦门市劳动人事争议仲裁委员会', agreementSignedOn: d.signedOn,
        paymentMethod: '以银行转账方式支付至各劳动者本人银行账户', terms, issuedOn: d.reviewOn,
      },
      'transfer-letter': {
        ...common, mediator, addressedTo: '厦门市劳动人事争议仲裁院', appliedOn: d.appliedOn, issuedOn: d.transferOn,
        workers: workers.map((w) => ({ ...w, agreedFen: 0 })),
        reasons: ['被申请人对拖欠工资的数额有异议，不同意申请人的请求。', '自收到调解申请之日起十五日内，双方当事人未能达成调解协议。'],
        attachments: ['调解案卷材料（调解申请、当事人、调解记录2次）', '当事人身份证明材料'],
      },
      'case-file': {
        ...common, mediator, addressedTo: '厦门市劳动人事争议仲裁院', appliedOn: d.appliedOn, issuedOn: d.transferOn,
        workers: workers.map((w) => ({ ...w, agreedFen: 0 })), source: '到调解站申请调解',
        sessions: [
          { on: d.appliedOn, time: '09:30', how: '现场调解（调解室）', recorded: true, attendees: `被申请人、申请人${workers[0].name}等${workers.length}人`, notes: '被申请人对拖欠工资的数额有异议，双方同意三日后再行调解。' },
          { on: d.appliedOn, time: '15:00', how: '线上调解', recorded: true, attendees: '被申请人、申请人代表', notes: '被申请人仍不同意申请人的请求，调解不成。' },
        ],
        reasons: ['被申请人对拖欠工资的数额有异议，不同意申请人的请求。', '自收到调解申请之日起十五日内，双方当事人未能达成调解协议。'],
      },
      'enforcement-application': {
        ...common, court: '厦门市湖里区人民法院', issuedOn: d.enforcementOn, terms,
        basis: { title: '调解书', number: spec.basisNumber, issuedBy: '厦门市劳动人事争议仲裁委员会', effectiveOn: d.effectiveOn },
        workers: workers.map((w, i) => ({ ...w, paidFen: paid[i] })),
        missed: { dueDate: spec.installments[spec.missed.index].dueDate, paidFen: spec.missed.paidFen },
      },
    },
  };
}

/** Three workers, 40,366 yuan in three installments: the size of most group cases. */
export const smallDispute: DocumentCase = dispute({
  label: '3 workers', caseNo: 'XM-2026-0001', workers: 3, agreedFen: 4_036_600,
  installments: [{ dueDate: '2026-12-15', amountFen: 1_500_000 }, { dueDate: '2027-01-15', amountFen: 1_500_000 }, { dueDate: '2027-02-10', amountFen: 1_036_600 }],
  missed: { index: 1, paidFen: 500_000 },
  dates: { appliedOn: '2026-11-10', signedOn: '2026-11-25', reviewOn: '2026-11-26', transferOn: '2026-11-25', effectiveOn: '2026-11-28', enforcementOn: '2027-01-25' },
  basisNumber: '厦劳人仲调字〔2026〕第118号',
});

/**
 * The Xiamen case of DOMAIN §3: 43 workers, 3,620,000 yuan agreed, settled in 11 days (applied 10 November, signed
 * 21 November) and paid in three installments; the second was paid only in part.
 */
export const xiamenDispute: DocumentCase = dispute({
  label: '43 workers (Xiamen)', caseNo: 'XM-2026-0043', workers: 43, agreedFen: 362_000_000,
  installments: [{ dueDate: '2026-12-20', amountFen: 150_000_000 }, { dueDate: '2027-01-20', amountFen: 120_000_000 }, { dueDate: '2027-02-26', amountFen: 92_000_000 }],
  missed: { index: 1, paidFen: 60_000_000 },
  dates: { appliedOn: '2026-11-10', signedOn: '2026-11-21', reviewOn: '2026-11-23', transferOn: '2026-11-25', effectiveOn: '2026-11-30', enforcementOn: '2027-01-28' },
  basisNumber: '厦劳人仲调字〔2026〕第131号',
});

export const documentCases: DocumentCase[] = [smallDispute, xiamenDispute];
