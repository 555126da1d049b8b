/**
 * Two legal-aid cases of DOMAIN §4 and the data of each of their documents. Lin'an: seven migrant workers owed 170,000
 * yuan by a construction company's branch and its head office, jointly liable: legal aid, the procuratorate supports
 * the suit, the court delegates a pre-litigation mediation, a court-mediated settlement is broken and enforced. Beijing:
 * one worker, arbitration → first instance → appeal, the sum awarded growing at each step. Identity numbers are made up
 * but well-formed, so masking is exercised; names of firms and people are invented.
 */
import type {
  AidedWorker, AidLawyer, Debtor, LegalAidDocumentDataByKind, PreLitigationReportData,
} from '../../activities/documents/legal-aid-types';
import type { Station } from '../../activities/documents/types';

// ── Lin'an ──────────────────────────────────────────────────────────────────────────────────────────────────────────
export const linanStation: Station = { name: '杭州市临安区总工会职工法律援助工作站', address: '杭州市临安区锦城街道城中街 58 号', phone: '0571-63721234' };
export const linanLawyer: AidLawyer = { name: '许志远', firm: '浙江天目律师事务所', phone: '13905711234' };

/** 170,000 yuan in all */
export const linanWorkers: AidedWorker[] = [
  { name: '刘长青', idNumber: '342423197805121718', address: '安徽省六安市霍邱县城关镇', phone: '13805640001', claimedFen: 3_200_000 },
  { name: '周福田', idNumber: '510823198203154411', claimedFen: 2_850_000 },
  { name: '吴建华', idNumber: '341524197511093312', claimedFen: 2_600_000 },
  { name: '郑大勇', idNumber: '522427198807260039', claimedFen: 2_450_000 },
  { name: '孙立军', idNumber: '34242219830417561x', claimedFen: 2_100_000 },
  { name: '陈玉兰', idNumber: '513030197910028824', claimedFen: 1_980_000 },
  { name: '何木根', idNumber: '362330198601151255', claimedFen: 1_820_000 },
];
export const linanTotalFen = 17_000_000;

/** The branch that hired the workers and the company it belongs to (a branch is no legal person of its own). */
export const linanDebtors: Debtor[] = [
  {
    name: '浙江恒川建设有限公司临安分公司', creditCode: '91330112MA2H3K7R5J', address: '杭州市临安区锦城街道钱王街 88 号',
    representative: { role: '主要负责人', name: '孔德兴' },
  },
  {
    name: '浙江恒川建设有限公司', creditCode: '91330100MA27X9B2Q7', address: '杭州市上城区凯旋路 166 号',
    representative: { role: '法定代表人', name: '沈国良' },
  },
];

const linanFacts = '2025年3月至12月，七名劳动者在浙江恒川建设有限公司临安分公司承建的临安区青山湖科技城安置房工程从事木工、钢筋工作业。'
  + '工程完工后，该分公司结欠七人劳动报酬共计170,000元，并于2026年1月8日出具欠条。2026年1月20日，经锦城街道人民调解委员会调解，'
  + '该分公司承诺于2026年2月10日前付清全部款项，但到期分文未付。';
const linanCourt = '杭州市临安区人民法院';
const linanProcuratorate = '杭州市临安区人民检察院';

// ── Beijing ─────────────────────────────────────────────────────────────────────────────────────────────────────────
export const beijingStation: Station = { name: '北京市朝阳区总工会职工法律援助工作站', phone: '010-65091234' };
export const beijingLawyer: AidLawyer = { name: '宋佳', firm: '北京市京工律师事务所' };
export const beijingWorker: AidedWorker = {
  name: '赵明辉', idNumber: '110105198906153217', address: '北京市朝阳区双井街道广渠路 21 号', phone: '13811112222', claimedFen: 9_625_430,
};
export const beijingDebtor: Debtor = {
  name: '北京星途网络科技有限公司', creditCode: '91110105MA01R2T3X2', address: '北京市朝阳区望京街 10 号',
  representative: { role: '法定代表人', name: '韩立' },
};
/** The award: 12,300.50 yuan of the 96,254.30 claimed. */
export const beijingAward = {
  title: '仲裁裁决书', number: '京朝劳人仲字〔2026〕第1234号', issuedBy: '北京市朝阳区劳动人事争议仲裁委员会', servedOn: '2026-05-12', awardedFen: 1_230_050,
};
/** First instance: 18,500.00 yuan of the 86,400.00 sued for. */
export const beijingJudgment = {
  kind: 'judgment' as const, title: '民事判决书', number: '（2026）京0105民初5678号', issuedBy: '北京市朝阳区人民法院', servedOn: '2026-09-08', awardedFen: 1_850_000,
};
const beijingSued: AidedWorker = { ...beijingWorker, claimedFen: 8_640_000 };

export const legalAidData: LegalAidDocumentDataByKind = {
  'legal-aid-assignment': {
    station: linanStation, lawyer: linanLawyer, workers: linanWorkers, debtors: linanDebtors, dispute: '拖欠劳动报酬',
    decidedOn: '2026-03-09', meansTest: '申请人均系进城务工人员，请求支付劳动报酬，依照《中华人民共和国法律援助法》第四十二条免予核查经济困难状况',
    acceptBy: '2026-03-12', issuedOn: '2026-03-10',
  },
  'arbitration-application': {
    station: beijingStation, addressedTo: '北京市朝阳区劳动人事争议仲裁委员会', workers: [beijingWorker], debtors: [beijingDebtor],
    lawyer: beijingLawyer, dispute: '追索加班工资和经济补偿',
    requests: [
      '裁决被申请人支付申请人2025年1月至12月延时加班工资人民币68,654.30元；',
      '裁决被申请人支付申请人2025年11月至12月拖欠的工资人民币9,600.00元；',
      '裁决被申请人支付申请人解除劳动合同的经济补偿人民币18,000.00元。',
    ],
    facts: '申请人于2022年3月1日入职被申请人，任软件测试工程师，月工资6,000元。2025年全年，申请人按被申请人安排每个工作日加班至21时，'
      + '被申请人未支付加班工资，并自2025年11月起停发工资。申请人于2026年1月5日以被申请人未及时足额支付劳动报酬为由解除劳动合同。',
    evidence: ['劳动合同一份，证明双方存在劳动关系', '工资银行流水，证明申请人的工资标准及欠薪事实', '办公软件打卡截图及工作群聊天记录，证明申请人的加班事实', '解除劳动合同通知书及邮寄凭证'],
    issuedOn: '2026-02-02',
  },
  'civil-complaint': {
    station: linanStation, court: linanCourt, workers: linanWorkers, debtors: linanDebtors, lawyer: linanLawyer, dispute: '拖欠劳动报酬',
    requests: ['判令被告浙江恒川建设有限公司临安分公司支付七名原告劳动报酬共计人民币170,000元；', '判令被告浙江恒川建设有限公司对上述债务承担连带责任；', '本案诉讼费用由二被告负担。'],
    facts: linanFacts + '原告持被告出具的工资欠条直接提起诉讼，诉讼请求不涉及劳动关系的其他争议。',
    evidence: ['浙江恒川建设有限公司临安分公司出具的工资欠条七份', '锦城街道人民调解委员会调解协议书', '工地考勤记录及工友证言', '二被告的企业信用信息公示报告'],
    supportedBy: linanProcuratorate, issuedOn: '2026-03-18',
  },
  'appeal-petition': {
    station: beijingStation, court: '北京市第三中级人民法院', workers: [beijingSued], debtors: [beijingDebtor], lawyer: beijingLawyer,
    earlier: beijingJudgment,
    requests: ['撤销北京市朝阳区人民法院（2026）京0105民初5678号民事判决第二项，改判被上诉人支付上诉人2025年延时加班工资人民币58,800.00元；', '一、二审诉讼费用由被上诉人负担。'],
    reasons: '原审法院以被上诉人提交的考勤记录为据，认定上诉人不存在加班事实，系认定事实错误。上诉人二审提交的办公系统登录日志与被上诉人服务器备份显示，'
      + '被上诉人提交的考勤记录系事后制作，与实际考勤不符。被上诉人伪造证据，应承担不利后果。',
    issuedOn: '2026-09-18',
  },
  'aid-enforcement-application': {
    station: linanStation, court: linanCourt, workers: linanWorkers, debtors: linanDebtors, lawyer: linanLawyer,
    basis: { title: '民事调解书', number: '（2026）浙0112民初1234号', issuedBy: linanCourt, servedOn: '2026-04-20', effectiveOn: '2026-04-20', awardedFen: linanTotalFen },
    awardedFen: linanTotalFen, recoveredFen: 6_000_000, issuedOn: '2026-06-05',
  },
  'support-prosecution-request': {
    station: linanStation, procuratorate: linanProcuratorate, workers: linanWorkers, debtors: linanDebtors, dispute: '拖欠劳动报酬',
    claimedFen: linanTotalFen, facts: linanFacts,
    reasons: '七名受援劳动者均为进城务工人员，文化程度不高，诉讼能力较弱，收集证据和参加诉讼存在实际困难，且急需所欠劳动报酬维持家庭生活。',
    issuedOn: '2026-03-13',
  },
  'pre-litigation-report': {
    station: linanStation, court: linanCourt, courtRef: '（2026）浙0112民诉前调456号', workers: linanWorkers, debtors: linanDebtors,
    dispute: '拖欠劳动报酬', mediator: { name: '方秀英' }, receivedOn: '2026-03-20', issuedOn: '2026-04-02',
    result: {
      kind: 'failed',
      reasons: ['被申请人浙江恒川建设有限公司认为欠薪系分公司所为，不同意承担连带责任。', '被申请人浙江恒川建设有限公司临安分公司称资金困难，未能提出付款方案。'],
    },
  },
};

/** The Beijing worker's suit against the award (after arbitration, before the judgment). */
export const beijingComplaint: LegalAidDocumentDataByKind['civil-complaint'] = {
  station: beijingStation, court: '北京市朝阳区人民法院', workers: [beijingSued], debtors: [beijingDebtor], lawyer: beijingLawyer,
  dispute: '追索加班工资和经济补偿',
  requests: ['判令被告支付原告2025年延时加班工资人民币58,800.00元；', '判令被告支付原告拖欠的工资人民币9,600.00元；', '判令被告支付原告解除劳动合同的经济补偿人民币18,000.00元。'],
  facts: '原告于2022年3月1日入职被告，任软件测试工程师。被告未支付原告2025年的延时加班工资，并自2025年11月起停发工资。',
  evidence: ['仲裁裁决书及送达回证', '劳动合同、工资银行流水', '办公软件打卡截图及工作群聊天记录'],
  earlier: beijingAward, issuedOn: '2026-05-20',
};

/** The delegated mediation that succeeded: the sum and how it is paid. */
export const linanAgreedReport: PreLitigationReportData = {
  ...legalAidData['pre-litigation-report'],
  result: {
    kind: 'agreed', totalFen: linanTotalFen,
    payment: '由被申请人浙江恒川建设有限公司临安分公司于2026年4月30日前支付人民币60,000元，于2026年5月31日前支付人民币110,000元，被申请人浙江恒川建设有限公司承担连带责任',
  },
};
