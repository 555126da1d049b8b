/**
 * The legal-aid case (DOMAIN §4: Jiangbei, Beijing, Lin'an, Jinzhai): its facts, stages and commands. Pure data shared
 * by the workflow, the API and the pages.
 */
import type { LegalAidPolicy } from '../../../temporal.config';
import type { CaseDocumentRef, CaseViewBase } from '../../shared/case-view';

export type { CaseDocumentRef };
import type { Actor } from '../../shared/roles';
import type { Reassignment } from '../../shared/core-features/reassignment';
import type { PatchGenerationStamp } from '../../shared/patch-generation';

export const LEGAL_AID_STAGE_LABELS = {
  screening: '审查援助申请',
  assigning: '指派律师',
  accepting: '等待律师接受指派',
  preparing: '准备证据、与用人单位协商',
  support: '检察院审查支持起诉申请',
  proceeding: '仲裁或诉讼中',
  deciding: '裁判后决定下一步',
  performing: '履行与执行回款',
  delegated: '法院委派诉前调解',
  reporting: '向法院报告调解结果',
  closing: '律师结案',
  rating: '等待职工评价',
  closed: '已办结',
} as const;
export type LegalAidStage = keyof typeof LEGAL_AID_STAGE_LABELS;

export const LEGAL_AID_OUTCOME_LABELS = {
  refused: '不予法律援助',
  settled: '与用人单位协商和解',
  mediated: '调解结案（含法院调解）',
  won: '裁判支持，已履行',
  partly: '裁判部分支持',
  lost: '诉求未获支持',
  enforced: '强制执行结案',
  withdrawn: '申请人撤回',
  delegated_agreed: '诉前调解成功，协议送交法院',
  delegated_failed: '诉前调解不成，退回法院',
} as const;
export type LegalAidOutcome = keyof typeof LEGAL_AID_OUTCOME_LABELS;
/** what the lawyer may record when closing (refusal and the court's delegated outcomes are the workflow's) */
export const CLOSING_OUTCOMES = ['settled', 'mediated', 'won', 'partly', 'lost', 'enforced', 'withdrawn'] as const;

export const LEGAL_AID_SOURCE_LABELS = {
  grievance: '工情诉求转入',
  mediation: '调解转仲裁，职工申请律师代理',
  walk_in: '到法律援助工作站申请',
  online: '职工在线申请',
  court_delegated: '法院委派诉前调解',
  wage_negotiation: '工资集体协商服务菜单申请',
} as const;
export type LegalAidSource = keyof typeof LEGAL_AID_SOURCE_LABELS;

/** 法律援助法 Art. 42: who is exempt from the means test, or that the test was made (Art. 41). */
export const MEANS_GROUNDS = {
  migrant_worker_pay: '进城务工人员请求支付劳动报酬或者工伤事故人身损害赔偿（《法律援助法》第四十二条第三项，免予核查经济困难状况）',
  special_group: '无固定生活来源的未成年人、老年人、残疾人等特定群体（第四十二条第一项，免予核查）',
  relief_recipient: '社会救助、司法救助或者优抚对象（第四十二条第二项，免予核查）',
  means_tested: '经核查经济困难状况（《法律援助法》第四十一条）',
} as const;
export type MeansGround = keyof typeof MEANS_GROUNDS;

export const PROCEEDING_LABELS = { arbitration: '劳动仲裁', first_instance: '一审', second_instance: '二审', enforcement: '强制执行' } as const;
export type ProceedingType = keyof typeof PROCEEDING_LABELS;

export const RESULT_LABELS = { award: '仲裁裁决', judgment: '判决', ruling: '裁定', mediation: '调解', withdrawn: '撤回' } as const;
export type ResultKind = keyof typeof RESULT_LABELS;

export interface AidedWorkerParty {
  partyNo: number;
  name: string;
  phone: string;
  /** 居民身份证号码 */
  idNumber: string;
  claimedFen: number;
}

export interface DebtorParty {
  partyNo: number;
  name: string;
  enterpriseId: string | null;
  creditCode?: string;
  address: string;
  representative: { role: '法定代表人' | '主要负责人'; name: string };
}

/** Where the case's documents go: the district's institutions (institutions table). */
export interface LegalAidPlaces {
  arbitrationUnitId: string | null;
  courtUnitId: string | null;
  procuratorateUnitId: string | null;
}

export interface LegalAidIntake extends LegalAidPlaces {
  source: LegalAidSource;
  /** the grievance or mediation case this one came from */
  parentCaseNo: string | null;
  /** the court's reference of a delegated pre-litigation mediation */
  courtRef?: string | null;
  districtId: string;
  streetId: string;
  /** the union's legal-aid centre: the district union (its staff screen and assign) */
  centreUnitId: string;
  /** what the dispute is about, as it reads after 因: 拖欠工资 */
  dispute: string;
  /** the facts as the worker tells them */
  facts: string;
  appliedAt: string;
  workers: AidedWorkerParty[];
  debtors: DebtorParty[];
  filedBy: Actor;
}

export interface LegalAidInput extends PatchGenerationStamp {
  caseNo: string;
  intake: LegalAidIntake;
  policy: LegalAidPolicy;
  /** what an earlier run of this case carried over (continue-as-new) */
  carried?: CarriedCase;
}

export interface MeansTest {
  ground: MeansGround;
  passed: boolean;
  note: string | null;
  by: string;
  at: string;
}

export interface Conflict {
  source: 'declared_relative' | 'declared_former_client' | 'past_case';
  partyName: string;
  caseNo: string | null;
  detail: string;
}

export interface Lawyer {
  userId: number;
  name: string;
  unitId: string;
  firm: string;
  phone: string;
}

/** One assignment of a lawyer: proposed, checked for conflicts, accepted, declined or lapsed. */
export interface Assignment {
  no: number;
  lawyerUserId: number;
  lawyer: Lawyer | null;
  status: 'checking' | 'conflict' | 'unknown_lawyer' | 'assigned' | 'accepted' | 'declined' | 'lapsed';
  conflicts: Conflict[];
  overrideReason: string | null;
  assignedAt: string;
  acceptBy: string | null;
  reason: string | null;
}

export interface EvidenceItem {
  name: string;
  holder: 'worker' | 'employer';
  status: 'held' | 'requested' | 'produced' | 'missing';
}

export interface Settlement {
  result: 'settled' | 'failed';
  amountFen: number;
  note: string;
  at: string;
}

export interface ProceedingResult {
  kind: ResultKind;
  decidedOn: string;
  servedOn: string;
  awardedFen: number;
  summary: string;
  /** an award final for the employer (一裁终局, Art. 47): the worker may still sue */
  final: boolean;
}

/** One stage of the proceedings with its own record; figures change from stage to stage and every stage keeps its own. */
export interface Proceeding {
  no: number;
  type: ProceedingType;
  institution: string;
  externalNo: string | null;
  filedOn: string;
  acceptedOn: string | null;
  /** the award's 15 days of extension were approved (Art. 43) */
  extended: boolean;
  claimedFen: number;
  /** what the filing asks (请求事项) and its 事实与理由 (上诉理由 on appeal), as printed in its document */
  requests: string[];
  facts: string;
  result: ProceedingResult | null;
  recoveredFen: number;
}

/** A procedural clock (award, suit, appeal, enforcement): warned before its end, its expiry recorded. */
export interface ProceduralClock {
  id: string;
  label: string;
  statute: string;
  startOn: string;
  period: { days?: number; months?: number; years?: number };
  dueAt: string;
  warned: boolean;
  expired: boolean;
  /** the step it limited was taken (a suit filed), or no longer matters */
  settled: boolean;
}

export interface SupportRequest {
  requestedAt: string;
  reasons: string;
  decision: { support: boolean; letterNo: string | null; reason: string; by: string; at: string } | null;
}

export interface PaymentReceipt {
  no: number;
  debtorPartyNo: number;
  amountFen: number;
  paidOn: string;
  recordedBy: string;
}

/** A court-mediated plan, the debtors jointly liable for each installment. */
export interface InstallmentPlan {
  debtorPartyNos: number[];
  installments: { no: number; dueDate: string; amountFen: number }[];
}

export interface DelegatedResult {
  result: 'agreed' | 'failed';
  totalFen: number;
  payment: string | null;
  reasons: string[];
  at: string;
}

export interface LegalAidView extends CaseViewBase {
  kind: 'legal_aid';
  stage: LegalAidStage;
  source: LegalAidSource;
  parentCaseNo: string | null;
  courtRef: string | null;
  outcome: LegalAidOutcome | null;
  appliedAt: string;
  dispute: string;
  facts: string;
  workers: AidedWorkerParty[];
  debtors: DebtorParty[];
  centreUnitId: string;
  places: LegalAidPlaces;
  meansTest: MeansTest | null;
  decision: { granted: boolean; reason: string | null; overrideReason: string | null; by: string; at: string } | null;
  decideBy: string | null;
  assignBy: string | null;
  assignments: Assignment[];
  /** the lawyer who accepted and represents the workers now */
  lawyer: Lawyer | null;
  evidence: EvidenceItem[];
  settlement: Settlement | null;
  support: SupportRequest | null;
  proceedings: Proceeding[];
  clocks: ProceduralClock[];
  plan: InstallmentPlan | null;
  payments: PaymentReceipt[];
  /** the last decision stands (accepted, or its suit or appeal period ran out): only enforcement may follow */
  resultAccepted: boolean;
  recoveredFen: number;
  delegated: DelegatedResult | null;
  documents: CaseDocumentRef[];
  rating: number | null;
  closingNote: string | null;
  /** how many times the case has continued as new (a long case) */
  runs: number;
  asOf: string;
}

export const LEGAL_AID_ACTION_LABELS = {
  recordMeansTest: '登记经济困难审查',
  grantAid: '决定给予法律援助',
  refuseAid: '决定不予法律援助',
  completeWorker: '补全职工身份信息',
  assignLawyer: '指派律师',
  acceptAssignment: '接受指派',
  declineAssignment: '拒绝指派（说明理由）',
  recordEvidence: '登记证据清单',
  recordSettlement: '登记与用人单位协商结果',
  requestSupport: '申请检察院支持起诉',
  decideSupport: '答复支持起诉申请',
  fileProceeding: '提起仲裁、诉讼或执行',
  recordAcceptance: '登记受理与案号',
  extendAward: '登记仲裁期限延长（15日）',
  recordResult: '登记裁判结果',
  acceptResult: '接受裁判结果，进入履行',
  setInstallments: '登记分期履行方案',
  recordReceipt: '登记回款',
  recordDelegatedResult: '登记诉前调解结果',
  closeCase: '结案',
  confirmReceipt: '确认收到文书',
  rateCase: '评价',
} as const;
export type LegalAidAction = keyof typeof LEGAL_AID_ACTION_LABELS;

export interface LegalAidCommand {
  action: LegalAidAction;
  actor: Actor;
  payload: Record<string, any>;
}

/** What a run hands to the next one when it continues as new. */
export interface CarriedCase {
  state: unknown;
  seq: number;
  taskNo: number;
  /** who holds the case's tasks since a supervisor's reassignment (core-features/reassignment.ts) */
  reassignments?: Reassignment[];
  runs: number;
}
