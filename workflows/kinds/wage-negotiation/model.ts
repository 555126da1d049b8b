/**
 * The wage-negotiation round (DOMAIN §5: Yongkang's 薪协商一件事): one round per enterprise and year, opened from the city
 * union's plan; supervised ("4+X") when the enterprise does not start on time; offers until agreement; the workers'
 * congress, signing, filing with HR & social security and publication (集体合同规定 Arts. 32, 36, 42, 47). Pure data
 * shared by the workflow, the API and the pages.
 */
import type { CaseDocumentRef, CaseViewBase } from '../../shared/case-view';
import type { Actor } from '../../shared/roles';
import type { PatchGenerationStamp } from '../../shared/patch-generation';

export type { CaseDocumentRef };

export const WAGE_STAGE_LABELS = {
  planned: '计划待启动',
  supervision: '“4+X”联合督导中',
  requested: '已发出协商要约，等待答复',
  negotiating: '协商中',
  congress: '提交职工代表大会审议',
  signing: '签订集体合同',
  filing: '报送人力社保部门审查',
  review: '人力社保部门审查中',
  closed: '已结束',
} as const;
export type WageStage = keyof typeof WAGE_STAGE_LABELS;

export const WAGE_OUTCOME_LABELS = {
  effective: '工资专项集体合同已生效并向职工公布',
  not_held: '本年度未开展协商',
} as const;
export type WageOutcome = keyof typeof WAGE_OUTCOME_LABELS;

export const SIDE_LABELS = { union: '职工方（工会）', employer: '企业方' } as const;
export type Side = keyof typeof SIDE_LABELS;

/** The "4+X" of Yongkang: the city union leads, with HR & social security, enforcement, DRC and the local street. */
export const SUPERVISORS = {
  city_union: '市总工会',
  人社局: '人力社保局',
  综合执法局: '综合执法局',
  发改局: '发改局',
  street: '属地镇街',
} as const;
export type Supervisor = keyof typeof SUPERVISORS;

export const SERVICE_LABELS = { mentor: '协商导师', legal_aid: '法律援助', training: '协商技能培训' } as const;
export type ServiceKind = keyof typeof SERVICE_LABELS;

export const POST_KIND_LABELS = { suggestion: '建议', comment: '评论' } as const;
export type PostKind = keyof typeof POST_KIND_LABELS;

/** A clause of an offer, e.g. 计件奖励: "签收率≥96%时每件奖励0.10–0.15元". */
export interface Clause {
  item: string;
  terms: string;
}

export interface Offer {
  offerNo: number;
  side: Side;
  /** the union's proposals counted: a round is a union proposal and what answered it */
  round: number;
  clauses: Clause[];
  note: string;
  by: string;
  at: string;
}

export interface CongressVote {
  heldOn: string;
  representatives: number;
  present: number;
  inFavour: number;
  passed: boolean;
  at: string;
}

export interface SupervisionTask {
  taskId: string;
  party: Supervisor;
  note: string | null;
  by: string | null;
}

export interface ServiceRequest {
  requestNo: number;
  service: ServiceKind;
  note: string;
  taskId: string | null;
  /** who took it: the mentor who took the order, the staff who arranged training; the legal-aid case opened */
  takenBy: string | null;
  /** the mentor who took the order (接单), by user */
  takenByUserId?: number;
  /** the request's transition has landed: only then does the flow act on it (see services.ts) */
  recorded?: boolean;
  legalAidCaseNo: string | null;
  /** who asks for legal aid on the union's behalf (the legal-aid case's applicant) */
  applicant?: { name: string; phone: string };
  done: boolean;
}

export interface Mentor {
  userId: number;
  name: string;
  since: string;
}

export interface WageRoundIntake {
  enterpriseId: string;
  enterpriseName: string;
  /** the enterprise union's unit: its chair is the round's union side */
  unionUnitId: string;
  year: number;
  /** YYYY-MM-DD (Asia/Shanghai), from the plan */
  plannedStart: string;
  planId: number | null;
  districtId: string;
  streetId: string;
  /** the institution unit of HR & social security that receives the filing (null: none configured) */
  hrUnitId: string | null;
  openedBy: Actor;
}

export interface WageRoundInput extends PatchGenerationStamp {
  caseNo: string;
  intake: WageRoundIntake;
  policy: import('../../../temporal.config').WageNegotiationPolicy;
}

export interface WageRoundView extends CaseViewBase {
  kind: 'wage_negotiation';
  stage: WageStage;
  outcome: WageOutcome | null;
  enterpriseId: string;
  enterpriseName: string;
  unionUnitId: string;
  hrUnitId: string | null;
  year: number;
  plannedStart: string;
  request: { from: Side; sentOn: string; note: string; answerBy: string | null; answer: { agreed: boolean; on: string; note: string } | null } | null;
  supervision: SupervisionTask[];
  offers: Offer[];
  impasse: { at: string; reason: string } | null;
  agreedOfferNo: number | null;
  votes: CongressVote[];
  signing: { signedOn: string; unionSignatory: string; employerSignatory: string; fileBy: string } | null;
  filing: { filedOn: string; objectionBy: string } | null;
  objections: { reason: string; by: string; at: string }[];
  effectiveOn: string | null;
  services: ServiceRequest[];
  mentors: Mentor[];
  suggestions: number;
  comments: number;
  removedPosts: number;
  /** posts so far (numbered from 1), removed ones included, and the numbers moderation removed */
  postCount: number;
  removedPostNos: number[];
  documents: CaseDocumentRef[];
  closingNote: string | null;
  asOf: string;
}

export const WAGE_ACTION_LABELS = {
  requestNegotiation: '发出协商要约',
  recordAnswer: '登记对方答复',
  makeOffer: '登记方案或报价',
  reachAgreement: '达成一致，形成合同草案',
  recordCongressVote: '登记职工代表大会表决',
  recordSigning: '登记合同签订',
  fileWithHr: '报送人力社保部门审查',
  recordHrObjection: '提出审查意见（退回修改）',
  recordSupervision: '登记督导情况',
  requestService: '申请服务（导师、法律援助、培训）',
  recordServiceDone: '登记服务完成',
  moderatePost: '删除不当留言',
  closeRound: '结束本年度协商（未达成）',
  claimTask: '接单（由我办理）',
  confirmReceipt: '确认收到文书',
  postSuggestion: '职工留言',
} as const;
export type WageAction = keyof typeof WAGE_ACTION_LABELS;

export interface WageCommand {
  action: WageAction;
  actor: Actor;
  payload: Record<string, any>;
}
