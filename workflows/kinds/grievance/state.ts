/** The grievance's live state and how each validated command changes it. Pure (no Temporal calls): unit-testable. */
import {
  CATEGORY_LABELS, OUTCOME_LABELS, STAGE_LABELS,
  type ActionCommand, type EnterpriseNotice, type GrievanceInput, type Level, type Outcome, type Stage,
} from './model';
import { completeCoordination, openCoordination, type CoordinationRequest } from '../../shared/core-features/coordination';
import { takeOverBy, takeOverEvent, type TakeOver as CoreTakeOver } from '../../shared/core-features/take-over';

export type { CoordinationRequest };
/** A superior who took the open main step over: they, by name, are its assignee until the step ends. */
export type TakeOver = CoreTakeOver<Stage>;

export interface GrievanceState {
  caseNo: string;
  stage: Stage;
  level: Level;
  created: boolean;
  completed: Partial<Record<Stage, boolean>>;
  withdrawn: boolean;
  outcome: Outcome | null;
  /** the outcome command as given: the station handover reads the employer's representative from it */
  outcomePayload?: Record<string, unknown>;
  recoveredFen: number | null;
  rating: number | null;
  ratingComment: string | null;
  enterpriseNotified: boolean;
  enterpriseNotice: EnterpriseNotice;
  /** the caseworker's reason for telling the enterprise before the 12 hours were up */
  earlyNoticeReason: string | null;
  /** decided once per case by the workflow's version: cases started before the early notice existed cannot use it */
  earlyNoticeAllowed: boolean;
  takeOver: TakeOver | null;
  /** who contacted the worker: named in the SMS that tells the worker someone took the case */
  contactedBy: string | null;
  coordination: CoordinationRequest[];
  openCoordination: { taskId: string; department: string }[];
}

export function initialState(input: GrievanceInput): GrievanceState {
  return {
    caseNo: input.caseNo, stage: 'contact', level: 'street', created: false, completed: {}, withdrawn: false,
    outcome: null, recoveredFen: null, rating: null, ratingComment: null, enterpriseNotified: false,
    enterpriseNotice: 'pending', earlyNoticeReason: null, earlyNoticeAllowed: false, takeOver: null, contactedBy: null, coordination: [], openCoordination: [],
  };
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

export function intakeSummary(input: GrievanceInput): string {
  const i = input.intake;
  return `受理${CATEGORY_LABELS[i.category]}诉求：${i.enterpriseName}，涉及${i.workerCount}人，诉求金额${yuan(i.claimedFen)}元`;
}

export interface AppliedCommand {
  type: string;
  summary: string;
  data: Record<string, unknown>;
}

/**
 * Applies a command the rules have already accepted. `newTaskId` names a coordination task, so ids stay deterministic.
 */
export function applyCommand(s: GrievanceState, cmd: ActionCommand, newTaskId: () => string): AppliedCommand {
  switch (cmd.action) {
    case 'contactComplainant':
      s.completed.contact = true;
      s.contactedBy = cmd.actor.name;
      return { type: 'complainant_contacted', summary: `已联系职工：${cmd.payload.note}`, data: { note: cmd.payload.note } };
    case 'verifyWithEnterprise':
      s.completed.verify = true;
      return { type: 'enterprise_verified', summary: `已向企业工会主席核实：${cmd.payload.note}`, data: { note: cmd.payload.note } };
    case 'urgeMediation':
      s.completed.urge = true;
      return { type: 'mediation_urged', summary: `已督促企业调解委员会：${cmd.payload.note}`, data: { note: cmd.payload.note } };
    case 'recordOutcome': {
      const p = cmd.payload;
      s.completed.outcome = true;
      s.outcome = p.outcome;
      s.outcomePayload = { ...p };
      s.recoveredFen = p.outcome === 'mediated' ? (p.recoveredFen ?? 0) : null;
      const money = s.recoveredFen !== null ? `，追回${yuan(s.recoveredFen)}元` : '';
      const why = p.explanation ? `；解释：${p.explanation}` : '';
      return { type: 'outcome_recorded', summary: `处理结果：${OUTCOME_LABELS[p.outcome]}${money}${why}`, data: { ...p } };
    }
    case 'recordFollowUp':
      s.completed.followUp = true;
      return { type: 'follow_up_done', summary: `已回访：${cmd.payload.note}`, data: { note: cmd.payload.note } };
    case 'handUp':
      // The district's staff take the case as it stands: a street-level take-over ends with the hand-up.
      s.level = 'district';
      s.takeOver = null;
      return { type: 'handed_up', summary: `代访代办：提交区总工会办理。理由：${cmd.payload.reason}`, data: { reason: cmd.payload.reason } };
    case 'openCoordination':
      return openCoordination(s, cmd.payload, newTaskId());
    case 'completeCoordination':
      return completeCoordination(s, cmd.payload);
    case 'withdraw':
      s.withdrawn = true;
      s.outcome = 'withdrawn';
      return { type: 'withdrawn', summary: `诉求已撤回：${cmd.payload.reason}`, data: { reason: cmd.payload.reason } };
    case 'takeOver':
      s.takeOver = takeOverBy(cmd.actor, s.stage);
      return takeOverEvent(s.takeOver, STAGE_LABELS[s.stage], cmd.payload.reason);
    case 'notifyEnterpriseNow':
      s.earlyNoticeReason = cmd.payload.reason;
      return { type: 'enterprise_notice_early', summary: `提前通知企业工会主席。理由：${cmd.payload.reason}`, data: { reason: cmd.payload.reason } };
    case 'reviewRating':
      s.completed.ratingReview = true;
      return { type: 'rating_reviewed', summary: `差评复核：${cmd.payload.note}`, data: { note: cmd.payload.note } };
    case 'rate':
      s.rating = cmd.payload.score;
      s.ratingComment = cmd.payload.comment ?? null;
      return { type: 'rated', summary: `职工评价：${cmd.payload.score}分${cmd.payload.comment ? `，${cmd.payload.comment}` : ''}`, data: { ...cmd.payload } };
  }
}
