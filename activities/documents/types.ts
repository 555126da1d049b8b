/**
 * The legal documents of a mediation → arbitration case (DOMAIN §3) and what each needs. Workflows import these types
 * only. Money is in fen (integers); dates are calendar dates (YYYY-MM-DD), printed in Chinese. Every field a template
 * prints is here, so the document is made from the case's data alone and the same data always gives the same bytes.
 */
import type { LegalAidDocumentDataByKind } from './legal-aid-types';
import type { WageDocumentDataByKind } from './wage-types';

/** 调解协议书 · 仲裁审查确认申请书 · 转仲裁函 · 调解案卷材料 · 强制执行申请书 (one template each in templates/documents/). */
export const DOCUMENT_KINDS = ['mediation-agreement', 'review-application', 'transfer-letter', 'case-file', 'enforcement-application'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface Employer {
  name: string;
  /** 统一社会信用代码 */
  creditCode?: string;
  /** 住所 */
  address: string;
  /** who speaks for the employer in law: 法定代表人 (or 主要负责人 of a branch or an individual business) */
  representative: { role: '法定代表人' | '主要负责人'; name: string; position?: string };
  /** 委托代理人, when someone else signs for the employer */
  agent?: { name: string; position?: string };
}

export interface Worker {
  name: string;
  /** printed in full on documents for the institute or the court (the data's fullIds), masked on any other */
  idNumber: string;
  address?: string;
  /** for service (送达): printed with the ID number in full only */
  phone?: string;
  /** the claim item by item, as the documents print it: 2026年8月至2026年10月拖欠工资, and its amount */
  claims?: { item: string; amountFen: number }[];
  /** what the worker asked for */
  claimedFen: number;
  /** what the employer agreed to pay (the mediation agreement), 0 when no agreement was reached */
  agreedFen: number;
}

/** The union mediation station that mediates, issues and signs (e.g. inside the city's arbitration institute). */
export interface Station {
  name: string;
  address?: string;
  phone?: string;
}

export interface Mediator {
  name: string;
  phone?: string;
}

/** One payment by a date, or installments whose amounts add up to the sum agreed for all workers. */
export type PaymentTerms =
  | { kind: 'lump-sum'; dueDate: string }
  | { kind: 'installments'; installments: { dueDate: string; amountFen: number }[] };

interface DocumentBase<W extends Worker = Worker> {
  station: Station;
  employer: Employer;
  /** one or more (a group dispute); the order is the order in the document */
  workers: W[];
  /** what the dispute is about, as it reads after 因: 拖欠工资, 解除劳动合同经济补偿 */
  dispute: string;
  /** the date the document is made or signed; also the PDF's creation date */
  issuedOn: string;
  /** addressed to the arbitration institute or the court: identity numbers in full (masking is for outsiders' pages) */
  fullIds?: boolean;
  /** 事实和理由 as the workers stated them */
  facts?: string;
  /**
   * Ten or more workers act through representatives they elect (劳动争议调解仲裁法 Art. 7; three to five of them,
   * 劳动人事争议仲裁办案规则 Art. 63): their places in `workers` (1 is the first, as numbered in the attached table).
   * [] when none were elected yet (a transfer letter names nobody); not given: the first three (cases from before
   * the election was recorded).
   */
  representatives?: number[];
}

/** 调解协议书: the agreement both sides sign at the station. */
export interface MediationAgreementData extends DocumentBase {
  mediator: Mediator;
  /** when the workers applied for mediation */
  appliedOn: string;
  /** how the money reaches the workers, e.g. 以银行转账方式支付至各申请人本人银行账户 */
  paymentMethod: string;
  terms: PaymentTerms;
}

/** 仲裁审查确认申请书: both sides ask the arbitration commission to review the agreement and issue a 调解书. */
export interface ReviewApplicationData extends DocumentBase {
  mediator: Mediator;
  /** the arbitration commission addressed, e.g. 厦门市劳动人事争议仲裁委员会 */
  addressedTo: string;
  /** when the agreement was signed (it takes effect then): the paper's date, else the day the last party consented */
  agreementSignedOn: string;
  /**
   * the paper copies signed and sealed, with the scan's hash; absent: the parties consented by code only, and the
   * application says so rather than that it was signed
   */
  signature?: { signedOn: string; signers: string; sha256: string } | null;
  /** the parties who consented to the agreement by their texted code */
  consentedParties?: number;
  /** as the agreement says it */
  paymentMethod: string;
  terms: PaymentTerms;
}

/** 转仲裁函: the station tells the arbitration institute that mediation failed and hands the case over. */
export interface TransferLetterData extends DocumentBase {
  mediator: Mediator;
  /** the arbitration institute addressed */
  addressedTo: string;
  /** when the station received the application for mediation (the 15 days of Art. 14 count from it) */
  appliedOn: string;
  /** why no agreement was reached, one reason a line */
  reasons: string[];
  /**
   * the law the transfer rests on: `deadline`, the 15 days of Art. 14 ran out; `other`, a party refused, the workers
   * asked for arbitration, or the review was refused (Art. 5: 不愿调解、调解不成); `not_performed`, an agreement never
   * reviewed was not performed (Art. 15). Not given: `deadline`.
   */
  ground?: 'deadline' | 'other' | 'not_performed';
  /** not_performed: the day the agreement was signed */
  agreedOn?: string;
  /** what goes with the letter */
  attachments: string[];
}

/** One mediation session of the case file, as it was scheduled and recorded. */
export interface SessionRecord {
  /** YYYY-MM-DD and HH:mm, Asia/Shanghai */
  on: string;
  time: string;
  /** 现场调解（调解室） or 线上调解 */
  how: string;
  /** held and recorded: who took part (names, or "X等N方") and what the mediator wrote */
  recorded: boolean;
  attendees: string;
  notes: string;
}

/** 调解案卷材料: what the station hands over with the transfer letter: the application, the parties, every session. */
export interface CaseFileData extends DocumentBase {
  mediator: Mediator;
  addressedTo: string;
  appliedOn: string;
  /** how the case came to the station, as it reads after 申请人于…: 到调解站申请调解 */
  source: string;
  sessions: SessionRecord[];
  /** why no agreement was reached, one reason a line */
  reasons: string[];
}

/** The enforceable instrument the enforcement application rests on (the arbitration commission's 调解书). */
export interface EnforcementBasis {
  /** 调解书 */
  title: string;
  /** e.g. 厦劳人仲调字〔2026〕第118号 */
  number: string;
  issuedBy: string;
  /** the day it took effect */
  effectiveOn: string;
}

/** 强制执行申请书: the workers ask the court to enforce after an installment was missed. */
/** A worker of an enforcement application, with what the employer paid them so far. */
export interface PaidWorker extends Worker {
  paidFen: number;
}

export interface EnforcementApplicationData extends DocumentBase<PaidWorker> {
  /** the court addressed, e.g. 厦门市湖里区人民法院 */
  court: string;
  basis: EnforcementBasis;
  terms: PaymentTerms;
  /** the installment (or the single payment) that was missed, by its due date, and how much of it was paid */
  missed: { dueDate: string; paidFen: number };
  /** 财产线索 the mediator recorded, listed for the court (absent in applications made before they were) */
  propertyLeads?: { kind: string; detail: string; location: string | null }[];
  /** why this court: 被执行人住所地 or 被执行的财产所在地 (absent: the district's court, as before) */
  courtBasis?: string;
}

/**
 * 支付令申请书 (劳动争议调解仲裁法 Art. 16): an agreement on wages, injury medical costs, compensation or damages, never
 * reviewed, not performed; the workers ask the court to order payment with the agreement as its basis. Its figures are
 * the enforcement application's (what was agreed, paid, is owed, the missed installment).
 */
export interface PaymentOrderApplicationData extends Omit<EnforcementApplicationData, 'basis' | 'propertyLeads' | 'courtBasis'> {
  /** the day the agreement was signed (took effect) */
  agreementSignedOn: string;
}

/**
 * 劳动人事争议仲裁申请书 the station prepares for the workers with the transfer letter, ready for them to sign (劳动争议
 * 调解仲裁法 Art. 28: the parties, the claims, the facts and reasons). It goes to the institute as the workers' own
 * application once signed; the station signs nothing on it.
 */
export interface WorkersArbitrationApplicationData extends DocumentBase {
  /** the arbitration commission addressed */
  addressedTo: string;
  /** when the station received the application for mediation */
  appliedOn: string;
  /** why mediation ended without agreement, one reason a line, as the transfer letter gives them */
  reasons: string[];
  /** an agreement was reached on this day but not performed (Art. 15): the facts say so instead of 未能达成调解协议 */
  agreedOn?: string;
}

/** The documents of a mediation case besides its five (their own list, so DOCUMENT_KINDS keeps meaning those five). */
export const MEDIATION_EXTRA_KINDS = ['workers-arbitration-application', 'payment-order-application'] as const;
export interface MediationExtraDataByKind {
  'workers-arbitration-application': WorkersArbitrationApplicationData;
  'payment-order-application': PaymentOrderApplicationData;
}
export const isMediationExtraKind = (kind: string): kind is (typeof MEDIATION_EXTRA_KINDS)[number] => (MEDIATION_EXTRA_KINDS as readonly string[]).includes(kind);

export interface DocumentDataByKind {
  'mediation-agreement': MediationAgreementData;
  'review-application': ReviewApplicationData;
  'transfer-letter': TransferLetterData;
  'case-file': CaseFileData;
  'enforcement-application': EnforcementApplicationData;
}

/**
 * The seven documents of a legal-aid case (legal-aid-types.ts), one template each beside the mediation ones. They are
 * listed apart so that DOCUMENT_KINDS and DocumentDataByKind keep meaning the mediation case's five, as the bench and
 * the mediation tests iterate them; the activity makes every kind of both lists.
 */
export const LEGAL_AID_DOCUMENT_KINDS = [
  'legal-aid-assignment', 'arbitration-application', 'civil-complaint', 'appeal-petition', 'aid-enforcement-application',
  'support-prosecution-request', 'pre-litigation-report',
] as const satisfies readonly (keyof LegalAidDocumentDataByKind)[];
export type LegalAidDocumentKind = (typeof LEGAL_AID_DOCUMENT_KINDS)[number];

/** The two documents of a wage-negotiation round (wage-types.ts). */
export const WAGE_DOCUMENT_KINDS = ['wage-contract', 'wage-filing-letter'] as const satisfies readonly (keyof WageDocumentDataByKind)[];
export type WageDocumentKind = (typeof WAGE_DOCUMENT_KINDS)[number];
export const isWageKind = (kind: string): kind is WageDocumentKind => (WAGE_DOCUMENT_KINDS as readonly string[]).includes(kind);

/** Every document the generateDocument activity makes, of any case kind. */
export const ALL_DOCUMENT_KINDS = [...DOCUMENT_KINDS, ...MEDIATION_EXTRA_KINDS, ...LEGAL_AID_DOCUMENT_KINDS, ...WAGE_DOCUMENT_KINDS] as const;
export type AnyDocumentKind = (typeof ALL_DOCUMENT_KINDS)[number];
export interface AnyDocumentDataByKind extends DocumentDataByKind, MediationExtraDataByKind, LegalAidDocumentDataByKind, WageDocumentDataByKind {}

// A kind of LegalAidDocumentDataByKind left out of the list fails to compile here (`satisfies` checks the other way).
type NoneLeft<T extends never> = T;
export type UnlistedLegalAidKinds = NoneLeft<Exclude<keyof LegalAidDocumentDataByKind, LegalAidDocumentKind>>;

export const isLegalAidKind = (kind: string): kind is LegalAidDocumentKind => (LEGAL_AID_DOCUMENT_KINDS as readonly string[]).includes(kind);

/** The activity's input: `key` makes a retry store the document once; a new key for the same case and kind is a new version. */
export type GenerateDocumentRequest = {
  [K in AnyDocumentKind]: { key: string; caseNo: string; kind: K; step: string; data: AnyDocumentDataByKind[K] };
}[AnyDocumentKind];

export interface GeneratedDocument {
  id: number;
  version: number;
  sha256: string;
  pages: number;
  title: string;
}
