/** Which command is valid at which stage, for whom, with which payload. Pure: the workflow's update validator enforces
 * it and the API uses it to show only the actions valid now. Only a step's assignee acts on it; a superior first takes
 * it over (a recorded command with a reason). */
import { canTakeOver, isAssignee } from '../../shared/assignees';
import { checkCompleteCoordination, checkOpenCoordination, completeCoordinationRefusal } from '../../shared/core-features/coordination';
import { assertCommandWith } from '../../shared/command-checks';
import { domainError } from '../../shared/domain-error';
import { requireText } from '../../shared/payload-checks';
import {
  ACTION_LABELS, OUTCOME_LABELS, STAGE_LABELS,
  type ActionCommand, type ActionName, type EnterpriseNotice, type GrievanceView, type Stage,
} from './model';
import { ROLE_LABELS, type Actor } from '../../shared/roles';

/** What the rules read of a case: its live view (the workflow validates against view(), the API against the query). */
export type RuleState = Pick<GrievanceView, 'stage' | 'level' | 'outcome' | 'rating' | 'enterpriseNotified' | 'enterpriseNotice'
  | 'earlyNotice' | 'completed' | 'openTasks' | 'openCoordination' | 'districtId' | 'streetId'>;

const STAGE_ACTION: Partial<Record<Stage, ActionName>> = {
  contact: 'contactComplainant',
  verify: 'verifyWithEnterprise',
  urge: 'urgeMediation',
  outcome: 'recordOutcome',
  followUp: 'recordFollowUp',
  rating: 'rate',
  ratingReview: 'reviewRating',
};
const BEFORE_OUTCOME: Stage[] = ['contact', 'verify', 'urge', 'outcome'];

const mainTask = (s: RuleState) => s.openTasks.find((t) => t.kind !== 'coordination');
const noticeOf = (s: RuleState): EnterpriseNotice => s.enterpriseNotice ?? (s.enterpriseNotified ? 'notified' : 'pending');
const beforeOutcome = (s: RuleState) => BEFORE_OUTCOME.includes(s.stage) && s.outcome === null;

function validAtStage(action: ActionName, s: RuleState): boolean {
  // A withdrawn case is closing: nothing may be recorded on it any more (not even an outcome sent at the same moment).
  if (s.stage === 'closed' || s.outcome === 'withdrawn') return false;
  if (STAGE_ACTION[s.stage] === action) {
    if (action === 'rate') return s.rating === null;
    return !s.completed?.[s.stage] && (action !== 'verifyWithEnterprise' || noticeOf(s) !== 'pending');
  }
  switch (action) {
    case 'withdraw': return beforeOutcome(s);
    case 'handUp': return s.level === 'street' && beforeOutcome(s);
    case 'openCoordination': return s.stage !== 'rating';
    case 'completeCoordination': return s.openCoordination.length > 0;
    case 'takeOver': return mainTask(s) !== undefined && s.stage !== 'rating';
    case 'notifyEnterpriseNow': return s.earlyNotice === true && noticeOf(s) === 'pending' && beforeOutcome(s);
    default: return false;
  }
}

/** Why this actor may not send this command now, or null if they may. */
function refusal(action: ActionName, s: RuleState, actor: Actor): string | null {
  const task = mainTask(s);
  const assignee = task ? (task.department ?? ROLE_LABELS[task.role]) : '承办人';
  const onlyAssignee = `该环节由${assignee}办理；上级如需接手，请先“接手办理”并说明理由`;
  switch (action) {
    case 'rate': return actor.role === 'worker' ? null : '只有职工本人可以评价';
    case 'withdraw': return actor.role === 'worker' || (task && isAssignee(actor, task)) ? null : `只有职工本人或承办人可以撤回诉求；${onlyAssignee}`;
    case 'completeCoordination':
      return completeCoordinationRefusal(actor, !!task && isAssignee(actor, task));
    case 'takeOver':
      return task && canTakeOver(actor, task, s) ? null : `只有承办人的上级（街道工会主席、区总工会权益保障部）可以接手${assignee}的待办`;
    default: return task && isAssignee(actor, task) ? null : onlyAssignee;
  }
}

export function allowedActions(s: RuleState, actor: Actor): ActionName[] {
  return (Object.keys(ACTION_LABELS) as ActionName[]).filter((a) => validAtStage(a, s) && refusal(a, s, actor) === null);
}

function validatePayload(cmd: ActionCommand, s: RuleState, actor: Actor): void {
  const p = (cmd.payload ?? {}) as Record<string, unknown>;
  switch (cmd.action) {
    case 'contactComplainant': case 'verifyWithEnterprise': case 'urgeMediation': case 'recordFollowUp': case 'reviewRating':
      return requireText(p.note, '办理情况');
    case 'handUp':
      return requireText(p.reason, '理由');
    case 'withdraw': case 'takeOver': case 'notifyEnterpriseNow':
      return requireText(p.reason, '理由', 500);
    case 'openCoordination':
      return checkOpenCoordination(s, p);
    case 'completeCoordination':
      return checkCompleteCoordination(s, p, actor);
    case 'recordOutcome': {
      if (!(typeof p.outcome === 'string' && p.outcome in OUTCOME_LABELS) || p.outcome === 'withdrawn') {
        throw domainError('InvalidPayload', '请选择有效的处理结果');
      }
      if (p.outcome === 'mediated' && !(Number.isSafeInteger(p.recoveredFen) && (p.recoveredFen as number) >= 0)) {
        throw domainError('InvalidPayload', '调解成功时请填写追回金额（不能为负数）');
      }
      if (p.outcome === 'station') {
        requireText(p.employerRepresentative, '用人单位代表人姓名', 30);
        if (typeof p.employerPhone !== 'string' || !/^1[3-9]\d{9}$/.test(p.employerPhone)) throw domainError('InvalidPayload', '转调解站调解时请填写用人单位代表人的手机号码（用于确认调解协议）');
      }
      if (p.employerAddress !== undefined && p.employerAddress !== '') requireText(p.employerAddress, '用人单位地址', 200);
      if (p.outcome === 'unfounded') requireText(p.explanation, '向职工所作的解释');
      else if (p.explanation !== undefined && p.explanation !== '') requireText(p.explanation, '解释说明');
      if (p.note !== undefined && p.note !== '') requireText(p.note, '备注');
      return;
    }
    case 'rate':
      if (!(Number.isInteger(p.score) && (p.score as number) >= 1 && (p.score as number) <= 5)) {
        throw domainError('InvalidPayload', '评分须为1到5之间的整数');
      }
      if (p.comment !== undefined && p.comment !== '') requireText(p.comment, '评价内容', 500);
      return;
  }
}

function stageRefusal(action: ActionName, s: RuleState): string {
  if (STAGE_ACTION[s.stage] === action && s.completed?.[s.stage]) return `“${STAGE_LABELS[s.stage]}”已办理，请勿重复提交`;
  if (action === 'verifyWithEnterprise' && s.stage === 'verify') {
    return s.earlyNotice
      ? '企业工会主席尚未收到通知（受理12小时后自动通知）。请在通知后核实，或先“提前通知企业工会主席”并说明理由'
      : '企业工会主席尚未收到通知（本案受理于系统升级前，受理12小时后自动通知，不能提前），请在通知后核实';
  }
  if (action === 'notifyEnterpriseNow' && !s.earlyNotice) return '本案受理于系统升级前，企业工会主席将在受理12小时后自动收到通知，不能提前通知';
  if (s.outcome === 'withdrawn') return '职工已撤回诉求，案件正在办结，不能再操作';
  if (action === 'withdraw' && s.outcome !== null) return `处理结果已登记为“${OUTCOME_LABELS[s.outcome]}”，不能再撤回`;
  if (action === 'rate' && s.rating !== null) return '您已评价过本次办理';
  return `当前环节为“${STAGE_LABELS[s.stage]}”，不能执行“${ACTION_LABELS[action]}”`;
}

/** Throws a typed domain error (zh-CN message) unless the command may run now. */
export function assertCommandAllowed(cmd: ActionCommand, s: RuleState): void {
  assertCommandWith(cmd, s, { labels: ACTION_LABELS, validAtStage, stageRefusal, refusal, validatePayload });
}
