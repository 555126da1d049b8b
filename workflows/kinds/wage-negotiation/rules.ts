/**
 * Which wage-round command is valid at which stage, for whom, with which payload. Pure: the workflow's update
 * validator enforces it, the API shows only the actions valid now. The enterprise union's chair (or the city union for
 * it) runs the round and records both sides' offers; each "4+X" supervisor records its own part; mentors take orders;
 * HR & social security objects to a filed contract or confirms receiving it; workers post through the 协商码 page.
 */
import { claimRefusal } from '../../shared/core-features/claim';
import { assertCommandWith } from '../../shared/command-checks';
import { shanghaiDate } from '../../shared/deadlines';
import { domainError } from '../../shared/domain-error';
import { requireDate, requireOneOf, requireText } from '../../shared/payload-checks';
import type { Actor } from '../../shared/roles';
import { POST_KIND_LABELS, SERVICE_LABELS, SUPERVISORS, WAGE_ACTION_LABELS, WAGE_STAGE_LABELS, type Supervisor, type WageAction, type WageCommand, type WageRoundView } from './model';

export type WageRuleState = Pick<WageRoundView, 'stage' | 'unionUnitId' | 'hrUnitId' | 'districtId' | 'streetId' | 'request' | 'supervision'
  | 'offers' | 'votes' | 'signing' | 'services' | 'documents' | 'openTasks' | 'asOf' | 'suggestions' | 'comments' | 'postCount' | 'removedPostNos'>;

const RUNNING: readonly string[] = ['planned', 'supervision', 'requested', 'negotiating', 'congress', 'signing', 'filing', 'review'];
const ROUND_ACTIONS: WageAction[] = ['requestNegotiation', 'recordAnswer', 'makeOffer', 'reachAgreement', 'recordCongressVote', 'recordSigning', 'fileWithHr', 'moderatePost'];

function validAtStage(action: WageAction, s: WageRuleState): boolean {
  switch (action) {
    case 'requestNegotiation': return s.stage === 'planned' || s.stage === 'supervision';
    case 'recordAnswer': return s.stage === 'requested';
    case 'makeOffer': case 'reachAgreement': return s.stage === 'negotiating';
    case 'recordCongressVote': return s.stage === 'congress';
    case 'recordSigning': return s.stage === 'signing';
    case 'fileWithHr': return s.stage === 'filing';
    case 'recordHrObjection': return s.stage === 'review';
    case 'recordSupervision': return s.supervision.some((t) => t.note === null) && s.openTasks.some((t) => s.supervision.some((x) => x.taskId === t.taskId));
    case 'requestService': case 'moderatePost': case 'postSuggestion': return RUNNING.includes(s.stage);
    case 'recordServiceDone': return s.services.some((r) => !r.done && r.service !== 'legal_aid');
    case 'claimTask': return s.openTasks.some((t) => t.kind === 'service' && !t.userId);
    case 'closeRound': return ['planned', 'supervision', 'requested', 'negotiating', 'congress'].includes(s.stage);
    case 'confirmReceipt': return s.documents.some((d) => d.addressedTo !== null && !d.received);
    default: return false;
  }
}

const isCityUnion = (a: Actor, s: WageRuleState) => a.role === 'district_staff' && a.unitId === s.districtId;
const isUnionSide = (a: Actor, s: WageRuleState) => (a.role === 'enterprise_chair' && a.unitId === s.unionUnitId) || isCityUnion(a, s);
const isHr = (a: Actor, s: WageRuleState) => a.role === 'partner_department' && a.department === '人社局' && (s.hrUnitId === null || a.unitId === s.hrUnitId);

/** Whether this person is the supervisor a "4+X" task was opened for. */
export function supervises(a: Actor, party: Supervisor, s: Pick<WageRuleState, 'districtId' | 'streetId'>): boolean {
  if (party === 'city_union') return a.role === 'district_staff' && a.unitId === s.districtId;
  if (party === 'street') return (a.role === 'street_chair' || a.role === 'street_caseworker') && a.unitId === s.streetId;
  return a.role === 'partner_department' && a.department === party;
}

function refusal(action: WageAction, s: WageRuleState, actor: Actor): string | null {
  if (ROUND_ACTIONS.includes(action) || action === 'requestService') {
    return isUnionSide(actor, s) ? null : '只有本企业工会主席或市总工会可以办理';
  }
  switch (action) {
    case 'recordHrObjection': return isHr(actor, s) ? null : '只有受理备案审查的人力社保部门可以提出审查意见';
    case 'recordSupervision':
      return s.supervision.some((t) => t.note === null && supervises(actor, t.party, s)) ? null : '只有被要求督导的单位可以登记督导情况';
    case 'recordServiceDone': return isCityUnion(actor, s) || actor.role === 'negotiation_mentor' || isUnionSide(actor, s) ? null : '只有承接服务的导师、企业工会或市总工会可以登记';
    case 'claimTask': return actor.role === 'negotiation_mentor' ? null : '只有协商导师可以接单';
    case 'closeRound': return isCityUnion(actor, s) ? null : '只有市总工会可以结束本年度协商';
    case 'confirmReceipt': return s.documents.some((d) => !d.received && d.addressedTo === actor.unitId) && isHr(actor, s) ? null : '只有文书送达的部门可以确认收到';
    case 'postSuggestion': return actor.role === 'worker' ? null : '职工留言须通过协商码页面验证手机后提交';
    default: return '当前用户无权操作';
  }
}

const today = (s: WageRuleState) => shanghaiDate(Date.parse(s.asOf));
function pastDate(value: unknown, label: string, s: WageRuleState): string {
  const on = requireDate(value, label);
  if (on > today(s)) throw domainError('InvalidPayload', `${label}不能晚于今天`);
  return on;
}
function count(value: unknown, label: string, min: number, max: number): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) throw domainError('InvalidPayload', `${label}须为${min}到${max}之间的整数`);
  return value as number;
}

function validatePayload(cmd: WageCommand, s: WageRuleState, actor: Actor): void {
  const p = (cmd.payload ?? {}) as Record<string, any>;
  switch (cmd.action) {
    case 'requestNegotiation':
      requireOneOf(p.from, ['union', 'employer'] as const, '发出要约的一方');
      pastDate(p.sentOn, '要约发出日期', s);
      if (p.note !== undefined) requireText(p.note, '要约内容', 1000);
      return;
    case 'recordAnswer': {
      if (typeof p.agreed !== 'boolean') throw domainError('InvalidPayload', '请选择对方是否同意协商');
      const on = pastDate(p.answeredOn, '答复日期', s);
      if (s.request && on < s.request.sentOn) throw domainError('InvalidPayload', '答复日期不能早于要约发出日期');
      if (p.note !== undefined) requireText(p.note, '答复内容', 1000);
      return;
    }
    case 'makeOffer':
      requireOneOf(p.side, ['union', 'employer'] as const, '提出方案的一方');
      if (s.offers.length === 0 && p.side !== 'union') throw domainError('InvalidPayload', '协商应从职工方（工会）提出的协商方案开始');
      if (!Array.isArray(p.clauses) || p.clauses.length === 0 || p.clauses.length > 30) throw domainError('InvalidPayload', '请填写1到30项条款');
      p.clauses.forEach((c: Record<string, unknown>, i: number) => {
        requireText(c?.item, `第${i + 1}项条款的名称`, 60);
        requireText(c?.terms, `第${i + 1}项条款的内容`, 500);
      });
      if (p.note !== undefined) requireText(p.note, '说明', 1000);
      return;
    case 'reachAgreement':
      if (!s.offers.some((o) => o.offerNo === p.offerNo)) throw domainError('InvalidPayload', '请选择双方一致同意的方案');
      return;
    case 'recordCongressVote': {
      pastDate(p.heldOn, '职工代表大会召开日期', s);
      const reps = count(p.representatives, '职工代表总人数', 3, 10_000);
      const present = count(p.present, '出席代表人数', 0, 10_000);
      if (present > reps) throw domainError('InvalidPayload', `出席代表人数（${present}）不能超过代表总人数（${reps}）`);
      const inFavour = count(p.inFavour, '赞成人数', 0, 10_000);
      if (inFavour > present) throw domainError('InvalidPayload', `赞成人数（${inFavour}）不能超过出席代表人数（${present}）`);
      return;
    }
    case 'recordSigning': {
      const on = pastDate(p.signedOn, '签订日期', s);
      const passed = s.votes.at(-1);
      if (passed && on < passed.heldOn) throw domainError('InvalidPayload', '签订日期不能早于职工代表大会通过草案的日期');
      requireText(p.unionSignatory, '职工方首席代表', 60);
      requireText(p.employerSignatory, '企业方首席代表', 60);
      return;
    }
    case 'fileWithHr': {
      const on = pastDate(p.filedOn, '报送日期', s);
      if (s.signing && on < s.signing.signedOn) throw domainError('InvalidPayload', '报送日期不能早于签订日期');
      return;
    }
    case 'recordHrObjection': return requireText(p.reason, '审查意见', 2000);
    case 'recordSupervision': {
      const t = s.supervision.find((x) => x.taskId === p.taskId);
      if (!t || t.note !== null) throw domainError('InvalidPayload', '该督导任务不存在或已登记');
      if (!supervises(actor, t.party, s)) throw domainError('RoleNotPermitted', `该任务应由${SUPERVISORS[t.party]}登记`);
      return requireText(p.note, '督导情况', 2000);
    }
    case 'requestService':
      requireOneOf(p.service, Object.keys(SERVICE_LABELS) as (keyof typeof SERVICE_LABELS)[], '服务项目');
      if (s.services.some((r) => r.service === p.service && !r.done)) throw domainError('ActionNotAllowed', `已申请${SERVICE_LABELS[p.service as 'mentor']}服务，尚未完成，请勿重复申请`);
      if (p.service === 'legal_aid') {
        const opened = s.services.find((r) => r.service === 'legal_aid');
        if (opened) throw domainError('ActionNotAllowed', `本轮协商已申请过法律援助（法律援助案件 ${opened.legalAidCaseNo ?? ''}），请在该案件中办理`);
        requireText(p.applicantName, '申请人姓名', 30);
        if (typeof p.applicantPhone !== 'string' || !/^1[3-9]\d{9}$/.test(p.applicantPhone)) throw domainError('InvalidPayload', '请填写申请人的11位手机号码');
      }
      return requireText(p.note, '服务需求说明', 1000);
    case 'recordServiceDone': {
      const r = s.services.find((x) => x.requestNo === p.requestNo);
      if (!r || r.done || r.service === 'legal_aid') throw domainError('InvalidPayload', '该服务申请不存在或已完成');
      if (actor.role === 'negotiation_mentor' && (r.service !== 'mentor' || r.takenByUserId !== actor.userId)) {
        throw domainError('RoleNotPermitted', '只有接单的导师可以登记该服务完成');
      }
      if (r.service === 'mentor' && r.takenBy === null) throw domainError('ActionNotAllowed', '尚无导师接单');
      return requireText(p.note, '服务情况', 1000);
    }
    case 'claimTask': {
      // taken already, though the task may not have reopened for the taker yet (the answer does not wait for it)
      if (s.services.some((r) => r.taskId === p.taskId && r.takenByUserId !== undefined)) throw domainError('RoleNotPermitted', '该任务已由他人接单办理');
      const why = claimRefusal(s.openTasks, p.taskId, actor);
      if (why) throw domainError('RoleNotPermitted', why);
      return;
    }
    case 'moderatePost':
      if (!Number.isInteger(p.postNo) || p.postNo < 1 || p.postNo > s.postCount) throw domainError('InvalidPayload', '该留言不存在');
      if (s.removedPostNos.includes(p.postNo)) throw domainError('ActionNotAllowed', '该留言已删除');
      return requireText(p.reason, '删除理由', 200);
    case 'postSuggestion':
      requireOneOf(p.kind, Object.keys(POST_KIND_LABELS) as ('suggestion' | 'comment')[], '留言类型');
      requireText(p.text, '留言内容', 500);
      return requireText(p.phoneMasked, '手机号', 20);
    case 'closeRound': return requireText(p.reason, '结束理由', 1000);
    case 'confirmReceipt':
      if (!s.documents.some((d) => d.id === p.documentId && d.addressedTo === actor.unitId)) throw domainError('InvalidPayload', '该文书不存在或未送达贵单位');
      if (s.documents.some((d) => d.id === p.documentId && d.received)) throw domainError('ActionNotAllowed', '该文书已确认收到');
      return;
  }
}

function stageRefusal(action: WageAction, s: WageRuleState): string {
  if (action === 'makeOffer' && ['congress', 'signing', 'filing', 'review'].includes(s.stage)) return '双方已达成一致，不能再提出报价';
  if (action === 'confirmReceipt') return '没有待确认收到的文书';
  if (action === 'claimTask') return '没有待接单的服务申请';
  return `当前环节为“${WAGE_STAGE_LABELS[s.stage]}”，不能执行“${WAGE_ACTION_LABELS[action]}”`;
}

export function assertWageCommandAllowed(cmd: WageCommand, s: WageRuleState): void {
  assertCommandWith(cmd, s, { labels: WAGE_ACTION_LABELS, validAtStage, stageRefusal, refusal, validatePayload });
}

export function allowedWageActions(s: WageRuleState, actor: Actor): WageAction[] {
  if (s.stage === 'closed') return [];
  return (Object.keys(WAGE_ACTION_LABELS) as WageAction[]).filter((a) => a !== 'postSuggestion' && validAtStage(a, s) && refusal(a, s, actor) === null);
}
