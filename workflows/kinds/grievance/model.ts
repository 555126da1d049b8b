/** The grievance (工情码 / 我有事办) case: its facts, stages and commands. Pure data shared by workflow, API and views. */
import type { CaseViewBase, OpenTaskView } from '../../shared/case-view';
import type { GrievancePolicy, MediationPolicy } from '../../../temporal.config';
import type { Actor } from '../../shared/roles';
import { COORDINATION_LABELS } from '../../shared/core-features/coordination';
import { TAKE_OVER_LABEL } from '../../shared/core-features/take-over';
import type { PatchGenerationStamp } from '../../shared/patch-generation';

export const CATEGORY_LABELS = {
  unpaid_wages: '拖欠工资或奖金',
  overtime_pay: '加班费',
  high_temperature: '高温津贴',
  dismissal: '解除劳动合同',
  work_injury: '工伤',
  social_insurance: '社会保险',
  female_workers: '女职工权益',
  other: '其他',
} as const;
export type Category = keyof typeof CATEGORY_LABELS;

export const OUTCOME_LABELS = {
  mediated: '调解成功',
  arbitration: '转入劳动仲裁',
  /** handed to the district's union mediation station (DOMAIN §3): a mediation case of its own, the grievance waits for it */
  station: '转调解站调解',
  court: '转入诉讼',
  /** handed to the union's legal-aid centre (DOMAIN §4): a legal-aid case of its own, as is 'court' since then */
  legal_aid: '转工会法律援助',
  withdrawn: '职工撤回',
  unfounded: '诉求不成立（已向职工解释）',
} as const;
export type Outcome = keyof typeof OUTCOME_LABELS;

/** receive → contact → urge → follow-up (接收—联系—督促—回访), then the worker's rating closes the loop. */
export const STAGE_LABELS = {
  contact: '联系职工',
  verify: '向企业工会核实',
  urge: '督促企业调解委员会调解',
  outcome: '登记处理结果',
  /** waiting for the mediation case the station runs (outcome 'station' or 'arbitration') */
  station: '调解站调解或转仲裁中',
  /** waiting for the legal-aid case (outcome 'legal_aid' or 'court') */
  legalAid: '工会法律援助办理中',
  followUp: '回访',
  rating: '等待职工评价',
  /** a low rating: the street's union chair reviews the handling before the case closes (issue 23) */
  ratingReview: '差评复核',
  closed: '已办结',
} as const;
export type Stage = keyof typeof STAGE_LABELS;

/** Graded responsibility (分级负责): who handles the case now; 代访代办 moves it up. */
export type Level = 'street' | 'district';

export interface GrievanceIntake {
  complainantName: string;
  complainantPhone: string;
  enterpriseId: string | null;
  enterpriseName: string;
  districtId: string;
  streetId: string;
  category: Category;
  description: string;
  claimedFen: number;
  workerCount: number;
  filedBy: Actor;
}

export interface GrievanceInput extends PatchGenerationStamp {
  caseNo: string;
  intake: GrievanceIntake;
  policy: GrievancePolicy;
  /** for the mediation case a grievance may hand over to the station; absent in cases started before that existed */
  mediationPolicy?: MediationPolicy;
}

export type { OpenTaskView };

/**
 * Where the enterprise's notice stands (DOMAIN §1: its chair hears of the case 12 hours after intake, on purpose):
 * waiting, sent, not possible (no chair on record), or not needed (withdrawn or closed before it was due).
 */
export type EnterpriseNotice = 'pending' | 'notified' | 'no_chair' | 'cancelled';

export interface GrievanceView extends CaseViewBase {
  caseNo: string;
  stage: Stage;
  level: Level;
  status: 'open' | 'closed';
  outcome: Outcome | null;
  recoveredFen: number | null;
  rating: number | null;
  enterpriseNotified: boolean;
  /** absent in answers of workflows from before it existed: read as 'notified' when enterpriseNotified */
  enterpriseNotice?: EnterpriseNotice;
  /** whether this case can tell the enterprise early (cases started before that existed keep the 12-hour rule only) */
  earlyNotice?: boolean;
  /** the main steps already done; a second command for one of them is refused */
  completed?: Partial<Record<Stage, boolean>>;
  openTasks: OpenTaskView[];
  openCoordination: { taskId: string; department: string }[];
  /** the case's units: who stands above a step's assignee */
  districtId: string;
  streetId: string;
  /** set by the API when the workflow has left Temporal's retention and this view was rebuilt from Postgres */
  archived?: boolean;
}

export type ActionPayloads = {
  contactComplainant: { note: string };
  verifyWithEnterprise: { note: string };
  urgeMediation: { note: string };
  recordOutcome: {
    outcome: Exclude<Outcome, 'withdrawn'>; recoveredFen?: number; explanation?: string; note?: string;
    /** who speaks for the employer at the station (required when handing the case to the station) */
    employerRepresentative?: string; employerPhone?: string; employerAddress?: string;
  };
  recordFollowUp: { note: string };
  handUp: { reason: string };
  openCoordination: { department: string; note: string };
  completeCoordination: { taskId: string; note: string };
  withdraw: { reason: string };
  rate: { score: number; comment?: string };
  /** the street chair closes the review of a low rating with what they found and did */
  reviewRating: { note: string };
  /** a superior takes the open main step over from its assignee, for a recorded reason */
  takeOver: { reason: string };
  /** the caseworker tells the enterprise union chair before the 12 hours are up, for a recorded reason */
  notifyEnterpriseNow: { reason: string };
};
export type ActionName = keyof ActionPayloads;

export type ActionCommand = {
  [A in ActionName]: { action: A; actor: Actor; payload: ActionPayloads[A] };
}[ActionName];

export const ACTION_LABELS: Record<ActionName, string> = {
  contactComplainant: '已联系职工',
  verifyWithEnterprise: '已向企业工会主席核实',
  urgeMediation: '已督促企业调解委员会',
  recordOutcome: '登记处理结果',
  recordFollowUp: '已回访',
  handUp: '代访代办（提交上级工会）',
  openCoordination: COORDINATION_LABELS.openCoordination,
  completeCoordination: COORDINATION_LABELS.completeCoordination,
  withdraw: '撤回诉求',
  rate: '评价',
  reviewRating: '完成差评复核',
  takeOver: TAKE_OVER_LABEL,
  notifyEnterpriseNow: '提前通知企业工会主席',
};

export { PARTNER_DEPARTMENTS } from '../../shared/core-features/coordination';

/** A filing as a worker's phone, a caseworker or a JSON client sends it (before routing to a street and enterprise). */
export interface GrievanceIntakeRequest {
  complainantName: string;
  complainantPhone: string;
  enterpriseId?: string;
  enterpriseName?: string;
  streetId?: string;
  category: Category;
  description: string;
  claimedFen: number;
  workerCount: number;
  idempotencyKey?: string;
}
