/**
 * The mediation → arbitration handoff (DOMAIN §3, 厦门调解站): its facts, stages and commands. Pure data shared by the
 * workflow, the API and the pages.
 */
import type { MediationPolicy } from '../../../temporal.config';
import type { CaseDocumentRef, CaseViewBase } from '../../shared/case-view';

export type { CaseDocumentRef };
import type { Actor } from '../../shared/roles';
import { CLAIM_LABEL } from '../../shared/core-features/claim';
import { REVIEW_ACCEPTANCE_LABELS, type ReviewAcceptance, type ReviewAcceptancePayloads } from './review-acceptance';
import { AFTER_AGREEMENT_LABELS, type AfterAgreementPayloads, type AfterAgreementState } from './after-agreement';

export const MEDIATION_STAGE_LABELS = {
  mediating: '调解中',
  confirming: '当事人确认调解协议',
  submitting: '提交仲裁审查确认',
  review: '仲裁院审查确认',
  performing: '履行调解协议',
  transferring: '转入仲裁（待仲裁院接收）',
  enforcing: '申请强制执行（待法院接收）',
  payment_order: '申请支付令（待法院处理）',
  closed: '已办结',
} as const;
export type MediationStage = keyof typeof MEDIATION_STAGE_LABELS;

export const MEDIATION_OUTCOME_LABELS = {
  performed: '调解协议履行完毕',
  arbitration: '调解不成，已转入仲裁',
  enforcement: '未按期履行，已申请强制执行',
  payment_order: '未按期履行，法院已发出支付令',
  withdrawn: '职工均已撤回或分案办理',
} as const;
export type MediationOutcome = keyof typeof MEDIATION_OUTCOME_LABELS;

export const SOURCE_LABELS = { grievance: '工情诉求转入', walk_in: '到站申请', referral: '仲裁院委托调解' } as const;
export type MediationSource = keyof typeof SOURCE_LABELS;

export interface WorkerParty {
  partyNo: number;
  name: string;
  phone: string;
  /** 居民身份证号码: shown masked to everyone but the union's own line, printed masked on documents */
  idNumber: string;
  claimedFen: number;
  /** 送达地址 (absent in cases registered before it was asked) */
  address?: string;
  /** the claim item by item (absent in older cases: then only the total is known) */
  claims?: ClaimItem[];
}

export const CLAIM_ITEM_LABELS = {
  wages: '拖欠工资', overtime: '加班费', compensation: '解除劳动合同经济补偿', double_wages: '未签订书面劳动合同二倍工资差额',
  other: '其他',
} as const;
export type ClaimItemKind = keyof typeof CLAIM_ITEM_LABELS;

/** One item of a worker's claim; the items add up to the worker's claimedFen. */
export interface ClaimItem {
  kind: ClaimItemKind;
  amountFen: number;
  /** unpaid wages: the months they are owed for (YYYY-MM) */
  from?: string;
  to?: string;
  /** what the item is, for `other`, or a word on how it was reckoned */
  note?: string;
}

export interface EmployerParty {
  partyNo: number;
  name: string;
  enterpriseId: string | null;
  creditCode?: string;
  address: string;
  representative: { role: '法定代表人' | '主要负责人'; name: string; position?: string };
  /** who confirms the agreement for the employer (a code is sent here) */
  phone: string;
}

/** Where the case is mediated and where its documents go (institutions: org units outside the union's line). */
export interface MediationPlaces {
  stationUnitId: string;
  arbitrationUnitId: string;
  courtUnitId: string;
}

export interface MediationIntake extends MediationPlaces {
  source: MediationSource;
  /** the grievance this case came from (a child workflow), or the institute's referral number */
  parentCaseNo: string | null;
  referralNo?: string | null;
  /** the worker asked for arbitration (a grievance's outcome 'to arbitration'): the station transfers at once */
  directToArbitration?: boolean;
  /** a worker split off from another case to a case of their own (that case is `parentCaseNo`), and why */
  splitFrom?: { reason: string };
  districtId: string;
  streetId: string;
  /** what the dispute is about, as it reads after 因: 拖欠工资 */
  dispute: string;
  /** 事实和理由 as the workers state them (absent in older cases) */
  facts?: string;
  /** when the station received the application: the 15 days of Art. 14 count from it (ISO) */
  appliedAt: string;
  /** YYYY-MM-DD, when the dispute arose: the one-year limitation of Art. 27 is told on transfer */
  disputeArose?: string;
  /** the dispute is over whether an employment relationship exists: no review (办案规则 Art. 75), arbitration instead */
  employmentInDispute?: boolean;
  employer: EmployerParty;
  workers: WorkerParty[];
  filedBy: Actor;
}

export interface MediationInput extends PatchGenerationStamp {
  caseNo: string;
  intake: MediationIntake;
  policy: MediationPolicy;
}

export interface Session {
  sessionNo: number;
  at: string;
  mode: 'online' | 'in_person';
  place: string | null;
  recorded: boolean;
  attendees: number[];
  notes: string | null;
}

export interface Installment {
  no: number;
  /** YYYY-MM-DD, Asia/Shanghai: due by the end of that day */
  dueDate: string;
  amountFen: number;
  paidFen: number;
  status: 'due' | 'paid' | 'missed';
}

export type PaymentPlan =
  | { kind: 'lump-sum'; dueDate: string }
  | { kind: 'installments'; installments: { dueDate: string; amountFen: number }[] };

export interface AgreementTerms {
  /** what each worker is to receive, by party number; every worker of the case exactly once */
  terms: { partyNo: number; amountFen: number }[];
  totalFen: number;
  payment: PaymentPlan;
  /** e.g. 以银行转账方式支付至各申请人本人银行账户 */
  paymentMethod: string;
}

export interface Agreement extends AgreementTerms {
  /** a new draft is a new version; confirmations belong to one version */
  version: number;
  draftedAt: string;
  confirmedBy: number[];
  /** when the last party confirmed by code: a record of consent, not a signature */
  signedAt: string | null;
  /** the paper copies signed and sealed, as the mediator recorded them (absent until then, and in older cases) */
  signature?: AgreementSignature | null;
}

/** 办案规则 Art. 74: the agreement signed or sealed by the parties, signed by the mediator, sealed by the station. */
export interface AgreementSignature {
  /** YYYY-MM-DD, Asia/Shanghai: the agreement is dated, and takes effect, on this day */
  signedOn: string;
  /** who signed or sealed, as the mediator wrote it down */
  signers: string;
  /** the uploaded scan (agreement_scans) and its SHA-256 */
  scan: { id: number; sha256: string; contentType: string; size: number };
  recordedBy: string;
  recordedAt: string;
}

/** The 调解书 the arbitration commission issued on review (the enforceable instrument). */
export interface ReviewDecision {
  number: string;
  effectiveOn: string;
  confirmedBy: string;
}

export interface MediationView extends CaseViewBase, AfterAgreementState {
  kind: 'mediation';
  stage: MediationStage;
  source: MediationSource;
  parentCaseNo: string | null;
  outcome: MediationOutcome | null;
  appliedAt: string;
  /** the Art. 14 deadline as the calendar now has it (ISO); null once agreement was reached */
  mediationDeadline: string | null;
  employer: EmployerParty;
  workers: WorkerParty[];
  /** the workers' elected representatives (party numbers), from ten workers on if they elect any; null until recorded */
  representatives: number[] | null;
  /** codes texted again, by `<draft version>:<party number>` */
  codeResends?: Record<string, number>;
  sessions: Session[];
  agreement: Agreement | null;
  review: ReviewDecision | null;
  /** why the last review was rejected, if it was */
  reviewRejection: string | null;
  /** the commission's acceptance of the current review application and its Art. 76 clock (absent before it was modelled) */
  reviewAcceptance?: ReviewAcceptance | null;
  /** when the review must be decided (Art. 76), once accepted */
  reviewDue?: string | null;
  /** from the intake: when the dispute arose (Art. 27), and whether it is over an employment relationship (Art. 75) */
  disputeArose?: string | null;
  employmentInDispute?: boolean;
  installments: Installment[];
  /** documents the case made, newest last: what the inbox and pages list */
  documents: CaseDocumentRef[];
  /** the workflow's own clock when the view was made: the rules refuse dates before it */
  asOf: string;
  /** the mediator who took the case from the station's pool (接单): only they act on it from then on */
  claim?: { userId: number; name: string } | null;
  /** the workers asked for a union legal-aid lawyer; `started`: the legal-aid case was opened as the case transferred */
  legalAid?: { note: string | null; started: boolean } | null;
  places: MediationPlaces;
  /** workers who withdrew or were split off to a case of their own (they no longer count in the agreement) */
  departed?: DepartedWorker[];
  /** extensions of the mediation past the 15 days, each with both sides' consent */
  extensions?: Extension[];
}

export * from './party-change-model';
import type { Consent, CorrectableField, DepartedWorker, Extension } from './party-change-model';
import type { PatchGenerationStamp } from '../../shared/patch-generation';

export type MediationPayloads = {
  setWorkers: { workers: Omit<WorkerParty, 'partyNo'>[] };
  /** 劳动争议调解仲裁法 Art. 7: ten or more workers may elect representatives (三至五名, 办案规则 Art. 63) */
  electRepresentatives: { partyNos: number[] };
  scheduleSession: { at: string; mode: 'online' | 'in_person'; place?: string };
  recordSession: { sessionNo: number; attendees: number[]; notes: string };
  draftAgreement: AgreementTerms;
  /** sent by the API once the party proved the one-time code texted to them */
  confirmAgreement: { partyNo: number; version: number };
  /** sent by the API once the scan of the signed and sealed paper copies is stored */
  recordSignature: { signedOn: string; signers: string; scan: AgreementSignature['scan'] };
  /** the party's code for the current draft texted again, and the wrong tries of that phone forgotten */
  resendCode: { partyNo: number };
  refuse: { side: 'worker' | 'employer'; reason: string };
  submitForReview: { note?: string };
  /** the workers ask for a union legal-aid lawyer for the arbitration (DOMAIN §4): a legal-aid case starts when the case transfers */
  requestLegalAid: { note?: string };
  confirmReceipt: { documentId: number };
  confirmReview: { decisionNo: string; effectiveOn: string };
  rejectReview: { reason: string; next: 'mediation' | 'arbitration' };
  recordPayment: { installmentNo: number; paidFen: number };
  /** a mediator of the station takes the station's pooled task (接单): from then on only they act on the case */
  claimTask: { taskId: string };
  /** another of the station's mediators takes a claimed case over (the one who claimed it is away), for a reason */
  takeOver: { reason: string };
  /** a worker leaves the case (撤回); `settled` with what they were paid when the employer paid them in full first */
  withdrawWorker: { partyNo: number; reason: string; settled?: boolean; recoveredFen?: number };
  /** a worker goes on in a case of their own: mediated there, or transferred to arbitration at once */
  splitOffWorker: { partyNo: number; reason: string; next: 'mediation' | 'arbitration' };
  /** both sides agree to mediate past the 15 days (Art. 14), until a day */
  extendMediation: { until: string; consents: Consent[] };
  /** a party's details as they should have been: the old value and the new are recorded */
  correctParty: { partyNo: number; field: CorrectableField; value: string };
} & ReviewAcceptancePayloads & AfterAgreementPayloads;
export type MediationAction = keyof MediationPayloads;

export type MediationCommand = {
  [A in MediationAction]: { action: A; actor: Actor; payload: MediationPayloads[A] };
}[MediationAction];

export const MEDIATION_ACTION_LABELS: Record<MediationAction, string> = {
  setWorkers: '登记申请人（职工）',
  electRepresentatives: '登记职工代表',
  scheduleSession: '安排调解',
  recordSession: '记录调解情况',
  draftAgreement: '拟定调解协议',
  confirmAgreement: '当事人确认调解协议',
  recordSignature: '登记调解协议签名盖章（上传扫描件）',
  resendCode: '重新发送确认码',
  refuse: '一方拒绝调解（转仲裁）',
  submitForReview: '提交仲裁审查确认',
  requestLegalAid: '职工申请工会律师代理仲裁',
  confirmReceipt: '确认收到文书',
  confirmReview: '审查确认（出具调解书）',
  rejectReview: '不予确认',
  recordPayment: '登记付款',
  claimTask: CLAIM_LABEL,
  takeOver: '接手办理（原承办调解员不能办理时）',
  ...REVIEW_ACCEPTANCE_LABELS,
  withdrawWorker: '职工撤回调解申请',
  splitOffWorker: '职工分案办理',
  extendMediation: '经双方同意延长调解期限',
  correctParty: '更正当事人信息',
  ...AFTER_AGREEMENT_LABELS,
};

/**
 * From this many workers on they may act through three to five elected representatives (Art. 7; 办案规则 Art. 63),
 * and the documents list them all in an attached table.
 */
export const REPRESENTED_FROM = 10;
export const REPRESENTATIVES_MIN = 3;
export const REPRESENTATIVES_MAX = 5;
/** how often one party's code for one draft is texted again before the mediator must check the number instead */
export const MAX_CODE_RESENDS = 3;

/** Most workers a group dispute registers in one case (a larger group is split by the station). */
export const MAX_WORKERS = 300;

export type { MediationIntakeRequest } from './intake-request';
