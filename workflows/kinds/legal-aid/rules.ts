/**
 * Which legal-aid command is valid at which stage, for whom, with which payload. Pure: the workflow's update validator
 * enforces it, the API shows only the actions valid now. The centre's staff (the district union) screen and assign;
 * only the lawyer who accepted represents the workers; the procurator addressed answers a support request; the
 * institutions a document went to confirm receipt; the worker rates.
 */
import { assertCommandWith } from '../../shared/command-checks';
import { shanghaiDate } from '../../shared/deadlines';
import { domainError } from '../../shared/domain-error';
import { requireDate, requireFen, requireOneOf, requireText } from '../../shared/payload-checks';
import type { Actor } from '../../shared/roles';
import { validIdNumber } from '../mediation/id-number';
import {
  CLOSING_OUTCOMES, LEGAL_AID_ACTION_LABELS, LEGAL_AID_STAGE_LABELS, MEANS_GROUNDS, PROCEEDING_LABELS, RESULT_LABELS,
  type LegalAidAction, type LegalAidCommand, type LegalAidView, type ProceedingType,
} from './model';
import { checkingAssignment, currentAssignment, lastProceeding, owedFen, recoveredTotal, runningProceeding } from './state';

export type LegalAidRuleState = Pick<LegalAidView, 'stage' | 'centreUnitId' | 'places' | 'meansTest' | 'decision' | 'assignments' | 'workers'
  | 'support' | 'proceedings' | 'plan' | 'payments' | 'settlement' | 'debtors' | 'documents' | 'asOf' | 'outcome' | 'rating'>
  & Partial<Pick<LegalAidView, 'resultAccepted'>>;

const CENTRE_ACTIONS: LegalAidAction[] = ['recordMeansTest', 'grantAid', 'refuseAid', 'assignLawyer', 'completeWorker'];
const LAWYER_ACTIONS: LegalAidAction[] = [
  'recordEvidence', 'recordSettlement', 'requestSupport', 'fileProceeding', 'recordAcceptance', 'extendAward', 'recordResult',
  'acceptResult', 'setInstallments', 'recordReceipt', 'recordDelegatedResult', 'closeCase',
];
/** Where the lawyer may end the representation with an outcome (the workflow then closes the case). */
const REPRESENTING = ['preparing', 'proceeding', 'deciding', 'performing', 'closing'];

/** What may follow the last decided proceeding (民事诉讼法: an appeal follows a first instance, and so on). */
function nextProceedings(s: LegalAidRuleState): ProceedingType[] {
  const last = lastProceeding(s);
  if (!last) return ['arbitration', 'first_instance'];
  if (!last.result || last.result.kind === 'withdrawn' || last.type === 'enforcement') return [];
  // Enforcement needs something still owed; a mediated decision (调解书) is not appealed.
  const enforce: ProceedingType[] = owedFen(s) > recoveredTotal(s) ? ['enforcement'] : [];
  if (last.result.kind === 'mediation' || last.type === 'second_instance' || s.resultAccepted) return enforce;
  return [last.type === 'arbitration' ? 'first_instance' : 'second_instance', ...enforce];
}

/**
 * An enforcement application filed and its document not made yet: it prints what is owed and received, so payments
 * and plans wait for it (a receipt settling the debt meanwhile would leave it nothing to enforce).
 */
function enforcementBeingFiled(s: LegalAidRuleState): boolean {
  const filed = s.proceedings.filter((p) => p.type === 'enforcement').length;
  return filed > s.documents.filter((d) => d.kind === 'aid-enforcement-application').length;
}

function validAtStage(action: LegalAidAction, s: LegalAidRuleState): boolean {
  const running = runningProceeding(s);
  switch (action) {
    case 'recordMeansTest': case 'grantAid': case 'refuseAid': return s.stage === 'screening';
    case 'assignLawyer': return s.stage === 'assigning' && !checkingAssignment(s);
    case 'completeWorker': return ['screening', 'assigning', 'accepting', 'preparing'].includes(s.stage);
    case 'acceptAssignment': case 'declineAssignment': return s.stage === 'accepting' && currentAssignment(s)?.status === 'assigned';
    case 'recordEvidence': return ['preparing', 'support', 'proceeding', 'deciding'].includes(s.stage);
    case 'recordSettlement': return s.stage === 'preparing';
    case 'requestSupport': return s.stage === 'preparing' && !s.support;
    case 'decideSupport': return s.stage === 'support' && !!s.support && !s.support.decision;
    case 'fileProceeding': return ['preparing', 'deciding', 'performing'].includes(s.stage) && nextProceedings(s).length > 0;
    case 'recordAcceptance': return s.stage === 'proceeding' && !!running && !running.acceptedOn;
    case 'extendAward': return s.stage === 'proceeding' && running?.type === 'arbitration' && !!running.acceptedOn && !running.extended;
    case 'recordResult': return s.stage === 'proceeding' && !!running?.acceptedOn;
    case 'acceptResult': return s.stage === 'deciding';
    case 'setInstallments': case 'recordReceipt':
      return !enforcementBeingFiled(s) && (s.stage === 'performing' || (s.stage === 'proceeding' && running?.type === 'enforcement'));
    case 'recordDelegatedResult': return s.stage === 'delegated';
    case 'closeCase': return REPRESENTING.includes(s.stage) && s.outcome === null;
    case 'confirmReceipt': return s.documents.some((d) => d.addressedTo !== null && !d.received);
    case 'rateCase': return s.stage === 'rating' && s.rating === null;
    default: return false;
  }
}

const roleOfUnit = (unitId: string | null, s: LegalAidRuleState) =>
  unitId === s.places.arbitrationUnitId ? 'arbitration_clerk' : unitId === s.places.courtUnitId ? 'court_clerk'
    : unitId === s.places.procuratorateUnitId ? 'procurator' : null;

/** A document sent to one person (the 指派函) is theirs to receive; one sent to an institution, its clerks'. */
function receivableBy(d: LegalAidRuleState['documents'][number], actor: Actor, s: LegalAidRuleState): boolean {
  if (d.addressedUserId !== undefined) return actor.userId === d.addressedUserId;
  return d.addressedTo === actor.unitId && roleOfUnit(d.addressedTo, s) === actor.role;
}

function refusal(action: LegalAidAction, s: LegalAidRuleState, actor: Actor): string | null {
  if (CENTRE_ACTIONS.includes(action)) {
    return actor.role === 'district_staff' && actor.unitId === s.centreUnitId ? null : '只有受理本案的工会法律援助工作站（区总工会权益保障部）可以审查和指派';
  }
  if (action === 'acceptAssignment' || action === 'declineAssignment') {
    return actor.role === 'legal_aid_lawyer' && actor.userId === currentAssignment(s)?.lawyerUserId ? null : '只有被指派的律师本人可以接受或拒绝指派';
  }
  if (LAWYER_ACTIONS.includes(action)) {
    const lawyer = s.assignments.find((a) => a.status === 'accepted');
    if (action === 'closeCase' && actor.role === 'district_staff' && actor.unitId === s.centreUnitId) return null;
    return actor.role === 'legal_aid_lawyer' && lawyer && actor.userId === lawyer.lawyerUserId ? null : '只有承办本案的法律援助律师可以办理';
  }
  switch (action) {
    case 'decideSupport':
      return actor.role === 'procurator' && actor.unitId === s.places.procuratorateUnitId ? null : '只有收到支持起诉申请的检察院可以答复';
    case 'confirmReceipt':
      return s.documents.some((d) => !d.received && receivableBy(d, actor, s)) ? null : '只有文书送达的机构或本人可以确认收到';
    case 'rateCase': return actor.role === 'worker' ? null : '评价须由职工本人在办理进度页面提交';
    default: return '当前用户无权操作';
  }
}

const today = (s: LegalAidRuleState) => shanghaiDate(Date.parse(s.asOf));
function pastDate(value: unknown, label: string, s: LegalAidRuleState): string {
  const on = requireDate(value, label);
  if (on > today(s)) throw domainError('InvalidPayload', `${label}不能晚于今天`);
  return on;
}

function validatePayload(cmd: LegalAidCommand, s: LegalAidRuleState, actor: Actor): void {
  const p = (cmd.payload ?? {}) as Record<string, any>;
  switch (cmd.action) {
    case 'recordMeansTest':
      requireOneOf(p.ground, Object.keys(MEANS_GROUNDS), '经济困难审查的依据');
      if (p.ground === 'means_tested' && typeof p.passed !== 'boolean') throw domainError('InvalidPayload', '请选择是否符合经济困难标准');
      if (p.note !== undefined) requireText(p.note, '审查说明', 500);
      return;
    case 'grantAid':
      if (!s.meansTest) throw domainError('ActionNotAllowed', '请先登记经济困难审查（或免予审查的依据）');
      if (!s.meansTest.passed && (typeof p.overrideReason !== 'string' || !p.overrideReason.trim())) {
        throw domainError('InvalidPayload', '申请人未通过经济困难审查，给予援助须说明理由');
      }
      if (p.overrideReason !== undefined) requireText(p.overrideReason, '给予援助的理由', 500);
      return;
    case 'refuseAid': return requireText(p.reason, '不予援助的理由', 500);
    case 'completeWorker': {
      if (!s.workers.some((w) => w.partyNo === p.partyNo)) throw domainError('InvalidPayload', '请选择本案的职工');
      if (!validIdNumber(p.idNumber)) throw domainError('InvalidPayload', '身份证号码不正确（出生日期或校验码不对）');
      if (s.workers.some((w) => w.partyNo !== p.partyNo && w.idNumber === p.idNumber)) throw domainError('InvalidPayload', '该身份证号码已登记给本案的另一名职工');
      if (p.phone !== undefined && (typeof p.phone !== 'string' || !/^1[3-9]\d{9}$/.test(p.phone))) throw domainError('InvalidPayload', '手机号码不正确');
      return;
    }
    case 'assignLawyer':
      if (!Number.isSafeInteger(p.lawyerUserId) || p.lawyerUserId < 1) throw domainError('InvalidPayload', '请选择指派的律师');
      if (s.assignments.some((a) => a.lawyerUserId === p.lawyerUserId && (a.status === 'declined' || a.status === 'lapsed'))) {
        throw domainError('InvalidPayload', '该律师已拒绝或未按时接受本案的指派，请指派其他律师');
      }
      if (p.overrideReason !== undefined) requireText(p.overrideReason, '存在利益冲突仍指派的理由', 500);
      return;
    case 'declineAssignment': return requireText(p.reason, '拒绝指派的理由', 500);
    case 'recordEvidence': {
      if (!Array.isArray(p.items) || p.items.length === 0 || p.items.length > 100) throw domainError('InvalidPayload', '请登记1到100项证据');
      p.items.forEach((i: Record<string, unknown>, n: number) => {
        requireText(i?.name, `第${n + 1}项证据的名称`, 100);
        requireOneOf(i.holder, ['worker', 'employer'] as const, `第${n + 1}项证据由谁持有`);
        requireOneOf(i.status, ['held', 'requested', 'produced', 'missing'] as const, `第${n + 1}项证据的状态`);
      });
      return;
    }
    case 'recordSettlement':
      requireOneOf(p.result, ['settled', 'failed'] as const, '协商结果');
      if (p.result === 'settled') requireFen(p.amountFen, '和解金额', 1);
      return requireText(p.note, '协商情况', 1000);
    case 'requestSupport':
      if (!s.places.procuratorateUnitId) throw domainError('ActionNotAllowed', '本区尚未登记检察院，无法在系统中申请支持起诉');
      return requireText(p.reasons, '申请支持起诉的理由', 1000);
    case 'decideSupport':
      if (typeof p.support !== 'boolean') throw domainError('InvalidPayload', '请选择支持或不支持起诉');
      if (p.letterNo !== undefined) requireText(p.letterNo, '支持起诉意见书文号', 60);
      return requireText(p.reason, p.support ? '支持起诉的意见' : '不支持起诉的理由', 1000);
    case 'fileProceeding': {
      const allowed = nextProceedings(s);
      const type = requireOneOf(p.type, Object.keys(PROCEEDING_LABELS) as ProceedingType[], '程序');
      if (!allowed.includes(type)) throw domainError('InvalidPayload', `现在只能提起${allowed.map((t) => PROCEEDING_LABELS[t]).join('或')}`);
      if (s.support && !s.support.decision) throw domainError('ActionNotAllowed', '检察院尚未答复支持起诉申请');
      requireText(p.institution, '受理机构名称', 60);
      pastDate(p.filedOn, '提交日期', s);
      requireFen(p.claimedFen, '请求金额', 1);
      if (!Array.isArray(p.requests) || p.requests.length === 0 || p.requests.length > 20) throw domainError('InvalidPayload', '请填写1到20项请求');
      p.requests.forEach((r: unknown, n: number) => requireText(r, `第${n + 1}项请求`, 300));
      return requireText(p.facts, type === 'second_instance' ? '上诉理由' : '事实与理由', 4000);
    }
    case 'recordAcceptance': {
      requireText(p.externalNo, '受理案号', 60);
      const on = pastDate(p.acceptedOn, '受理日期', s);
      if (on < runningProceeding(s)!.filedOn) throw domainError('InvalidPayload', '受理日期不能早于提交日期');
      return;
    }
    case 'extendAward': return requireText(p.reason, '延长审理期限的批准情况', 500);
    case 'recordResult': {
      const running = runningProceeding(s)!;
      const kinds = running.type === 'arbitration' ? ['award', 'mediation', 'withdrawn'] : ['judgment', 'ruling', 'mediation', 'withdrawn'];
      requireOneOf(p.kind, kinds, `结果类型（${kinds.map((k) => RESULT_LABELS[k as keyof typeof RESULT_LABELS]).join('、')}）`);
      const decided = pastDate(p.decidedOn, '裁判日期', s);
      const served = pastDate(p.servedOn, '送达日期', s);
      if (decided < running.acceptedOn!) throw domainError('InvalidPayload', '裁判日期不能早于受理日期');
      if (served < decided) throw domainError('InvalidPayload', '送达日期不能早于裁判日期');
      requireFen(p.awardedFen, '支持金额');
      if (p.final !== undefined && typeof p.final !== 'boolean') throw domainError('InvalidPayload', '请选择是否终局裁决');
      return requireText(p.summary, '裁判要点', 1000);
    }
    case 'acceptResult': if (p.note !== undefined) requireText(p.note, '说明', 500); return;
    case 'setInstallments': {
      const nos = p.debtorPartyNos;
      if (!Array.isArray(nos) || nos.length === 0 || new Set(nos).size !== nos.length) throw domainError('InvalidPayload', '请选择承担付款责任的用人单位');
      for (const n of nos) if (!s.debtors.some((d) => d.partyNo === n)) throw domainError('InvalidPayload', `当事人编号 ${String(n)} 不是本案的被申请人`);
      if (!Array.isArray(p.installments) || p.installments.length === 0 || p.installments.length > 60) throw domainError('InvalidPayload', '请填写1到60期付款');
      let before = '';
      p.installments.forEach((i: Record<string, unknown>, n: number) => {
        const due = requireDate(i?.dueDate, `第${n + 1}期的付款日期`);
        if (due <= before) throw domainError('InvalidPayload', `第${n + 1}期的付款日期须晚于上一期`);
        before = due;
        requireFen(i.amountFen, `第${n + 1}期的金额`, 1);
      });
      return;
    }
    case 'recordReceipt': {
      if (!s.debtors.some((d) => d.partyNo === p.debtorPartyNo)) throw domainError('InvalidPayload', '请选择付款的用人单位');
      const amount = requireFen(p.amountFen, '回款金额', 1);
      pastDate(p.paidOn, '收款日期', s);
      const owed = owedFen(s);
      if (owed > 0 && recoveredTotal(s) + amount > owed) throw domainError('InvalidPayload', `回款累计将超过应付的${(owed / 100).toFixed(2)}元，请核对金额`);
      return;
    }
    case 'recordDelegatedResult':
      requireOneOf(p.result, ['agreed', 'failed'] as const, '诉前调解结果');
      if (p.result === 'agreed') {
        requireFen(p.totalFen, '调解协议金额', 1);
        return requireText(p.payment, '付款方式与期限', 300);
      }
      if (!Array.isArray(p.reasons) || p.reasons.length === 0) throw domainError('InvalidPayload', '请填写调解不成的原因');
      p.reasons.forEach((r: unknown, n: number) => requireText(r, `第${n + 1}项原因`, 300));
      return;
    case 'closeCase':
      requireOneOf(p.outcome, CLOSING_OUTCOMES, '结案结果');
      if (p.outcome === 'withdrawn' && actor.role !== 'legal_aid_lawyer' && s.stage !== 'preparing') throw domainError('ActionNotAllowed', '案件已进入程序，请由承办律师结案');
      return requireText(p.note, '结案说明', 1000);
    case 'confirmReceipt':
      if (!s.documents.some((d) => d.id === p.documentId && receivableBy(d, actor, s))) throw domainError('InvalidPayload', '该文书不存在或未送达贵单位（本人）');
      if (s.documents.some((d) => d.id === p.documentId && d.received)) throw domainError('ActionNotAllowed', '该文书已确认收到');
      return;
    case 'rateCase':
      if (!Number.isInteger(p.rating) || p.rating < 1 || p.rating > 5) throw domainError('InvalidPayload', '请选择1到5星');
      if (p.comment !== undefined) requireText(p.comment, '评价内容', 500);
      return;
  }
}

function stageRefusal(action: LegalAidAction, s: LegalAidRuleState): string {
  if (action === 'fileProceeding' && runningProceeding(s)) return '上一程序尚未登记结果';
  if (action === 'confirmReceipt') return '没有待确认收到的文书';
  if ((action === 'recordReceipt' || action === 'setInstallments') && enforcementBeingFiled(s)) return '强制执行申请书正在生成，请稍后再登记';
  if (action === 'assignLawyer' && checkingAssignment(s)) return '上一次指派正在进行利益冲突审查，请稍候';
  return `当前环节为“${LEGAL_AID_STAGE_LABELS[s.stage]}”，不能执行“${LEGAL_AID_ACTION_LABELS[action]}”`;
}

export function assertLegalAidCommandAllowed(cmd: LegalAidCommand, s: LegalAidRuleState): void {
  assertCommandWith(cmd, s, { labels: LEGAL_AID_ACTION_LABELS, validAtStage, stageRefusal, refusal, validatePayload });
}

export function allowedLegalAidActions(s: LegalAidRuleState, actor: Actor): LegalAidAction[] {
  if (s.stage === 'closed') return [];
  return (Object.keys(LEGAL_AID_ACTION_LABELS) as LegalAidAction[]).filter((a) => a !== 'rateCase' && validAtStage(a, s) && refusal(a, s, actor) === null);
}
