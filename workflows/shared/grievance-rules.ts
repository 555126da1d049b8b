/** Which command is valid at which stage, for which role, with which payload. Pure: the workflow's update validator
 * enforces it and the API uses it to show only the actions valid now. */
import { domainError } from './domain-error';
import {
  ACTION_LABELS, OUTCOME_LABELS, PARTNER_DEPARTMENTS, STAGE_LABELS,
  type ActionCommand, type ActionName, type Level, type Stage,
} from './grievance-model';
import { ROLE_LABELS, type Actor, type Role } from './roles';

export interface RuleState {
  stage: Stage;
  level: Level;
  openCoordination: { taskId: string; department: string }[];
}

const STAGE_ACTION: Partial<Record<Stage, ActionName>> = {
  contact: 'contactComplainant',
  verify: 'verifyWithEnterprise',
  urge: 'urgeMediation',
  outcome: 'recordOutcome',
  followUp: 'recordFollowUp',
  rating: 'rate',
};
const BEFORE_OUTCOME: Stage[] = ['contact', 'verify', 'urge', 'outcome'];

export function handlerRoles(level: Level): Role[] {
  return level === 'street' ? ['street_caseworker', 'street_chair', 'district_staff'] : ['district_staff'];
}

function rolesFor(action: ActionName, level: Level): Role[] {
  switch (action) {
    case 'rate': return ['worker'];
    case 'withdraw': return ['worker', ...handlerRoles(level)];
    case 'handUp': return ['street_caseworker', 'street_chair'];
    case 'completeCoordination': return [...handlerRoles(level), 'partner_department'];
    default: return handlerRoles(level);
  }
}

function validAtStage(action: ActionName, s: RuleState): boolean {
  if (s.stage === 'closed') return false;
  if (STAGE_ACTION[s.stage] === action) return true;
  switch (action) {
    case 'withdraw': return BEFORE_OUTCOME.includes(s.stage);
    case 'handUp': return s.level === 'street' && BEFORE_OUTCOME.includes(s.stage);
    case 'openCoordination': return s.stage !== 'rating';
    case 'completeCoordination': return s.openCoordination.length > 0;
    default: return false;
  }
}

export function allowedActions(s: RuleState, role: Role): ActionName[] {
  return (Object.keys(ACTION_LABELS) as ActionName[]).filter(
    (a) => validAtStage(a, s) && rolesFor(a, s.level).includes(role),
  );
}

const MAX_TEXT = 2000;
function requireText(value: unknown, label: string, max = MAX_TEXT): void {
  if (typeof value !== 'string' || value.trim() === '') throw domainError('InvalidPayload', `请填写${label}`);
  if (value.length > max) throw domainError('InvalidPayload', `${label}不能超过${max}个字`);
}

function validatePayload(cmd: ActionCommand, s: RuleState, actor: Actor): void {
  const p = (cmd.payload ?? {}) as Record<string, unknown>;
  switch (cmd.action) {
    case 'contactComplainant': case 'verifyWithEnterprise': case 'urgeMediation': case 'recordFollowUp':
      return requireText(p.note, '办理情况');
    case 'handUp': case 'withdraw':
      return requireText(p.reason, '理由');
    case 'openCoordination':
      if (!PARTNER_DEPARTMENTS.includes(p.department as never)) throw domainError('InvalidPayload', '请选择协作部门');
      return requireText(p.note, '协调事项');
    case 'completeCoordination': {
      const task = s.openCoordination.find((t) => t.taskId === p.taskId);
      if (!task) throw domainError('InvalidPayload', '该协调任务不存在或已办结');
      if (actor.role === 'partner_department' && actor.department !== task.department) {
        throw domainError('RoleNotPermitted', `只有${task.department}可以登记该协调结果`);
      }
      return requireText(p.note, '协调结果');
    }
    case 'recordOutcome': {
      if (!(typeof p.outcome === 'string' && p.outcome in OUTCOME_LABELS) || p.outcome === 'withdrawn') {
        throw domainError('InvalidPayload', '请选择有效的处理结果');
      }
      if (p.outcome === 'mediated' && !(Number.isSafeInteger(p.recoveredFen) && (p.recoveredFen as number) >= 0)) {
        throw domainError('InvalidPayload', '调解成功时请填写追回金额（不能为负数）');
      }
      if (p.outcome === 'unfounded') requireText(p.explanation, '向职工所作的解释');
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

/** Throws a typed domain error (zh-CN message) unless the command may run now. */
export function assertCommandAllowed(cmd: ActionCommand, s: RuleState): void {
  if (!cmd || !(cmd.action in ACTION_LABELS)) throw domainError('ActionNotAllowed', '未知的操作');
  if (s.stage === 'closed') throw domainError('CaseClosed', '该案件已办结，不能再操作');
  if (!validAtStage(cmd.action, s)) {
    throw domainError('ActionNotAllowed', `当前环节为“${STAGE_LABELS[s.stage]}”，不能执行“${ACTION_LABELS[cmd.action]}”`);
  }
  const roles = rolesFor(cmd.action, s.level);
  if (!cmd.actor || !roles.includes(cmd.actor.role)) {
    const who = cmd.actor && cmd.actor.role in ROLE_LABELS ? ROLE_LABELS[cmd.actor.role] : '当前用户';
    throw domainError('RoleNotPermitted', `${who}无权执行“${ACTION_LABELS[cmd.action]}”`);
  }
  validatePayload(cmd, s, cmd.actor);
}
