/**
 * The legal documents of a legal-aid case (DOMAIN §4): what each needs. Workflows import these types only. Money is in
 * fen (integers); dates are calendar dates (YYYY-MM-DD, Asia/Shanghai), printed in Chinese. `station` is the union's
 * legal-aid centre (工会法律援助工作站) that makes the document, as the mediation documents name their station.
 */
import type { Station } from './types';

/** A worker the centre gives legal aid to: an applicant, plaintiff or appellant, depending on the proceeding. */
export interface AidedWorker {
  name: string;
  /** printed masked (330106********1234); never in full */
  idNumber: string;
  phone?: string;
  address?: string;
  /** what this worker claims in this proceeding */
  claimedFen: number;
}

/** The employer side: one debtor, or several jointly liable (a branch and its head office). */
export interface Debtor {
  name: string;
  /** 统一社会信用代码 */
  creditCode?: string;
  address: string;
  representative: { role: '法定代表人' | '主要负责人'; name: string };
}

/** The union legal-aid lawyer who represents the workers (委托诉讼代理人 / 代理人). */
export interface AidLawyer {
  name: string;
  firm: string;
  phone?: string;
}

/** 指派函: the centre assigns a named lawyer to the case; the lawyer accepts by a date. */
export interface AssignmentLetterData {
  station: Station;
  lawyer: AidLawyer;
  workers: AidedWorker[];
  debtors: Debtor[];
  /** what the dispute is about, as it reads after 因: 拖欠工资 */
  dispute: string;
  /** the day the centre decided to give legal aid, and which ground of the means test applied */
  decidedOn: string;
  meansTest: string;
  /** the lawyer accepts the assignment by this day */
  acceptBy: string;
  issuedOn: string;
}

/** 劳动仲裁申请书: the workers apply to the arbitration commission. */
export interface ArbitrationApplicationData {
  station: Station;
  /** the commission addressed, e.g. 杭州市西湖区劳动人事争议仲裁委员会 */
  addressedTo: string;
  workers: AidedWorker[];
  debtors: Debtor[];
  lawyer: AidLawyer;
  dispute: string;
  /** each request (仲裁请求) one line, e.g. 裁决被申请人支付拖欠工资人民币…元 */
  requests: string[];
  /** 事实与理由 */
  facts: string;
  /** evidence the workers hold, one item a line */
  evidence: string[];
  issuedOn: string;
}

/** A decision of an earlier proceeding that a later document refers to. */
export interface EarlierDecision {
  /** 仲裁裁决书 · 民事判决书 · 民事裁定书 · 民事调解书 */
  title: string;
  /** the external case number, e.g. 西劳人仲案字〔2026〕第88号 */
  number: string;
  issuedBy: string;
  /** the day it was served on the workers */
  servedOn: string;
  /** the day it took legal effect, when known (an enforcement application states it; otherwise 已发生法律效力) */
  effectiveOn?: string;
  /** what it awarded the workers in total */
  awardedFen: number;
}

/** 民事起诉状: the workers sue (after an award, or directly when the law allows, e.g. a wage IOU). */
export interface CivilComplaintData {
  station: Station;
  /** the court addressed, e.g. 杭州市西湖区人民法院 */
  court: string;
  workers: AidedWorker[];
  debtors: Debtor[];
  lawyer: AidLawyer;
  dispute: string;
  requests: string[];
  facts: string;
  evidence: string[];
  /** the award the suit is against, if any */
  earlier?: EarlierDecision;
  /** the procuratorate that supports the suit (民事诉讼法 Art. 15), if it does */
  supportedBy?: string;
  issuedOn: string;
}

/** 上诉状: the workers appeal a first-instance judgment (15 days) or ruling (10 days) (民事诉讼法 Art. 171). */
export interface AppealPetitionData {
  station: Station;
  /** the appellate court, e.g. 杭州市中级人民法院 */
  court: string;
  workers: AidedWorker[];
  debtors: Debtor[];
  lawyer: AidLawyer;
  earlier: EarlierDecision & { kind: 'judgment' | 'ruling' };
  requests: string[];
  /** 上诉理由 */
  reasons: string;
  issuedOn: string;
}

/** 强制执行申请书 of a legal-aid case: the debtors did not perform an effective decision. */
export interface AidEnforcementData {
  station: Station;
  court: string;
  workers: AidedWorker[];
  /** jointly liable when more than one (承担连带责任) */
  debtors: Debtor[];
  lawyer: AidLawyer;
  basis: EarlierDecision;
  /** what the decision awarded, what was received so far (from every debtor), what is still owed */
  awardedFen: number;
  recoveredFen: number;
  issuedOn: string;
}

/** 支持起诉申请书: the centre asks the procuratorate to support the workers' suit (民事诉讼法 Art. 15). */
export interface SupportProsecutionRequestData {
  station: Station;
  /** the procuratorate addressed, e.g. 杭州市西湖区人民检察院 */
  procuratorate: string;
  workers: AidedWorker[];
  debtors: Debtor[];
  dispute: string;
  claimedFen: number;
  facts: string;
  /** why the workers need the support, e.g. 七名农民工诉讼能力较弱 */
  reasons: string;
  issuedOn: string;
}

/** 诉前调解情况报告: the centre reports a court-delegated pre-litigation mediation back to the court (法院委派). */
export interface PreLitigationReportData {
  station: Station;
  court: string;
  /** the court's reference for the delegation, e.g. (2026)皖1524民诉前调123号 */
  courtRef: string;
  workers: AidedWorker[];
  debtors: Debtor[];
  dispute: string;
  mediator: { name: string };
  receivedOn: string;
  /** agreed: the sum and how it is paid; failed: why, one reason a line */
  result: { kind: 'agreed'; totalFen: number; payment: string } | { kind: 'failed'; reasons: string[] };
  issuedOn: string;
}

export interface LegalAidDocumentDataByKind {
  'legal-aid-assignment': AssignmentLetterData;
  'arbitration-application': ArbitrationApplicationData;
  'civil-complaint': CivilComplaintData;
  'appeal-petition': AppealPetitionData;
  'aid-enforcement-application': AidEnforcementData;
  'support-prosecution-request': SupportProsecutionRequestData;
  'pre-litigation-report': PreLitigationReportData;
}
