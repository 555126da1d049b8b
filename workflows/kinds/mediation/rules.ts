/**
 * Which mediation command is valid at which stage, for whom, with which payload. Pure: the workflow's update validator
 * enforces it, the API uses it to answer quickly and to show only the actions valid now. The station's mediators act
 * on the mediation; the parties confirm the agreement (the API sends that command once their one-time code matched);
 * the clerks of the institution a document was addressed to receive it, and the arbitration institute's clerks answer
 * a review request.
 */
import { owedFrom } from './payments';
import { shanghaiDate } from '../../shared/deadlines';
import { assertCommandWith } from '../../shared/command-checks';
import { domainError } from '../../shared/domain-error';
import { requireDate, requireFen, requireOneOf, requireText } from '../../shared/payload-checks';
import type { Actor } from '../../shared/roles';
import { claimRefusal, isPooled } from '../../shared/core-features/claim';
import { checkAgreementTerms, sameTerms } from './agreement-checks';
import { checkCorrection, checkExtension, checkLeaving } from './party-change-rules';
import { validIdNumber } from './id-number';
import { REVIEW_DECLINE_GROUNDS, reviewPhase, type ReviewDeclineGround } from './review-acceptance';
import { claimItemsRefusal } from './claim-items';
import { checkAfterAgreement } from './after-agreement';
import { partyName } from './state';
import {
  MAX_CODE_RESENDS, MAX_WORKERS, MEDIATION_ACTION_LABELS, MEDIATION_STAGE_LABELS, REPRESENTATIVES_MAX, REPRESENTATIVES_MIN, REPRESENTED_FROM,
  type AgreementTerms, type MediationAction, type WorkerParty, type MediationCommand, type MediationStage, type MediationView,
} from './model';

export type MediationRuleState = Pick<MediationView, 'stage' | 'workers' | 'employer' | 'sessions' | 'agreement' | 'installments'
  | 'documents' | 'asOf' | 'places'> & Partial<Pick<MediationView, 'representatives' | 'codeResends' | 'openTasks' | 'claim' | 'legalAid' | 'mediationDeadline' | 'departed' | 'reviewAcceptance'
  | 'propertyLeads' | 'enforcementCourt' | 'directPerformance' | 'paymentOrder'>>;

const MEDIATOR_ACTIONS: MediationAction[] = ['recordSignature', 'setWorkers', 'electRepresentatives', 'scheduleSession', 'recordSession', 'draftAgreement', 'resendCode', 'refuse', 'submitForReview', 'recordPayment', 'requestLegalAid',
  'withdrawWorker', 'splitOffWorker', 'extendMediation', 'correctParty', 'recordPropertyLead', 'chooseEnforcementCourt', 'performWithoutReview'];
const BEFORE_AGREEMENT: MediationStage[] = ['mediating', 'confirming'];

function validAtStage(action: MediationAction, s: MediationRuleState): boolean {
  switch (action) {
    // a new list numbers the workers anew: not once some of them left (their records keep their numbers)
    case 'setWorkers': return s.stage === 'mediating' && !s.departed?.length;
    case 'withdrawWorker': case 'splitOffWorker': return BEFORE_AGREEMENT.includes(s.stage) && s.workers.length > 0;
    case 'extendMediation': return BEFORE_AGREEMENT.includes(s.stage) && !!s.mediationDeadline;
    case 'correctParty': return [...BEFORE_AGREEMENT, 'submitting'].includes(s.stage);
    case 'scheduleSession': case 'draftAgreement': case 'refuse': return BEFORE_AGREEMENT.includes(s.stage);
    case 'electRepresentatives': return [...BEFORE_AGREEMENT, 'submitting'].includes(s.stage) && s.workers.length >= REPRESENTED_FROM;
    case 'recordSession': return BEFORE_AGREEMENT.includes(s.stage) && s.sessions.some((x) => !x.recorded);
    case 'confirmAgreement': return s.stage === 'confirming';
    // the paper copies are signed once every party consented by code, before the agreement goes to review
    case 'recordSignature': return s.stage === 'submitting' && !!s.agreement?.signedAt;
    case 'resendCode': return s.stage === 'confirming' && !!s.agreement && s.agreement.confirmedBy.length < s.workers.length + 1;
    case 'submitForReview': return s.stage === 'submitting';
    // the parties perform without review (Art. 15): decided instead of submitting, once
    case 'performWithoutReview': return s.stage === 'submitting' && !!s.agreement?.signedAt && !s.directPerformance;
    case 'recordPropertyLead': return ['performing', 'enforcing', 'payment_order'].includes(s.stage);
    // the court is chosen before the application goes out, only for an agreement the commission confirmed
    case 'chooseEnforcementCourt': return s.stage === 'performing' && !s.directPerformance;
    case 'recordPaymentOrder': return s.stage === 'payment_order' && !s.paymentOrder;
    case 'requestLegalAid': return ['mediating', 'confirming', 'transferring'].includes(s.stage) && !s.legalAid;
    case 'confirmReview': case 'rejectReview': return s.stage === 'review' && reviewPhase(s.reviewAcceptance) === 'decide';
    case 'acceptReview': case 'declineReview': return s.stage === 'review' && reviewPhase(s.reviewAcceptance) === 'accept';
    case 'extendReview': return s.stage === 'review' && reviewPhase(s.reviewAcceptance) === 'decide' && !!s.reviewAcceptance?.required && !s.reviewAcceptance.extension;
    case 'recordPayment': return s.stage === 'performing' && s.installments.some((i) => i.status !== 'paid');
    case 'confirmReceipt': return s.documents.some((d) => d.addressedTo !== null && !d.received);
    case 'claimTask': return !s.claim && (s.openTasks ?? []).some((t) => t.role === 'union_mediator' && isPooled(t));
    case 'takeOver': return !!s.claim;
    default: return false;
  }
}

/** the enforcement application may go to the court where the property is, another than the district's */
const COURT_DOCUMENTS = ['enforcement-application', 'payment-order-application'];
const clerkRoleOf = (d: { addressedTo: string | null; kind: string }, s: MediationRuleState) =>
  d.addressedTo === s.places.arbitrationUnitId ? 'arbitration_clerk'
    : d.addressedTo === s.places.courtUnitId || (d.addressedTo !== null && COURT_DOCUMENTS.includes(d.kind)) ? 'court_clerk' : null;

function refusal(action: MediationAction, s: MediationRuleState, actor: Actor): string | null {
  const stationMediator = actor.role === 'union_mediator' && actor.unitId === s.places.stationUnitId;
  if (action === 'takeOver') {
    if (!stationMediator) return '只有本案调解站的调解员可以接手办理';
    return s.claim && actor.userId === s.claim.userId ? '本案已由您接单办理' : null;
  }
  if (MEDIATOR_ACTIONS.includes(action) || action === 'claimTask') {
    if (!stationMediator) return '只有本案调解站的调解员可以办理';
    // once a mediator took the case from the station's pool, it is theirs by name
    if (s.claim && actor.userId !== s.claim.userId) return claimedBy(s.claim);
    return null;
  }
  switch (action) {
    case 'confirmAgreement': return actor.role === 'worker' || actor.role === 'employer' ? null : '调解协议须由当事人本人凭短信确认码确认';
    case 'confirmReview': case 'rejectReview': case 'acceptReview': case 'declineReview': case 'extendReview':
      return actor.role === 'arbitration_clerk' && actor.unitId === s.places.arbitrationUnitId ? null : '只有受理本案审查申请的仲裁院可以审查确认';
    case 'recordPaymentOrder':
      return actor.role === 'court_clerk' && actor.unitId === s.places.courtUnitId ? null : '只有收到支付令申请的人民法院可以登记处理结果';
    case 'confirmReceipt':
      return s.documents.some((d) => !d.received && d.addressedTo === actor.unitId && clerkRoleOf(d, s) === actor.role)
        ? null : '只有文书送达的机构可以确认收到';
    default: return '当前用户无权操作';
  }
}

function checkWorkers(list: unknown): void {
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_WORKERS) throw domainError('InvalidPayload', `请登记1到${MAX_WORKERS}位申请调解的职工`);
  const ids = new Set<string>();
  list.forEach((w: Record<string, unknown>, n) => {
    const who = `第${n + 1}位职工`;
    requireText(w?.name, `${who}的姓名`, 50);
    if (typeof w.phone !== 'string' || !/^1[3-9]\d{9}$/.test(w.phone)) throw domainError('InvalidPayload', `${who}（${String(w.name)}）的手机号码不正确`);
    if (!validIdNumber(w.idNumber)) throw domainError('InvalidPayload', `${who}（${String(w.name)}）的身份证号码不正确（出生日期或校验码不对）`);
    if (ids.has(w.idNumber)) throw domainError('InvalidPayload', `${who}（${String(w.name)}）的身份证号码与前面的职工重复`);
    ids.add(w.idNumber);
    requireFen(w.claimedFen, `${who}（${String(w.name)}）的请求金额`);
    const items = claimItemsRefusal(w as unknown as WorkerParty);
    if (items) throw domainError('InvalidPayload', `${who}（${String(w.name)}）${items}`);
  });
}

function validatePayload(cmd: MediationCommand, s: MediationRuleState, actor: Actor): void {
  const p = (cmd.payload ?? {}) as Record<string, any>;
  switch (cmd.action) {
    case 'setWorkers': return checkWorkers(p.workers);
    case 'withdrawWorker': case 'splitOffWorker': return checkLeaving(cmd.action, p, s);
    case 'extendMediation': return checkExtension(p, s);
    case 'correctParty': return checkCorrection(p, s);
    case 'recordPropertyLead': case 'chooseEnforcementCourt': case 'performWithoutReview': case 'recordPaymentOrder':
      return checkAfterAgreement(cmd.action, p, s);
    case 'scheduleSession': {
      requireOneOf(p.mode, ['online', 'in_person'] as const, '线上或现场调解');
      if (typeof p.at !== 'string' || Number.isNaN(Date.parse(p.at))) throw domainError('InvalidPayload', '调解时间不是有效的时间');
      if (Date.parse(p.at) <= Date.parse(s.asOf)) throw domainError('InvalidPayload', '调解时间须晚于现在');
      if (Date.parse(p.at) > Date.parse(s.asOf) + 366 * 86_400_000) throw domainError('InvalidPayload', '调解时间不能晚于一年后');
      if (p.mode === 'in_person') requireText(p.place, '调解地点', 200);
      return;
    }
    case 'recordSession': {
      const session = s.sessions.find((x) => x.sessionNo === p.sessionNo);
      if (!session || session.recorded) throw domainError('InvalidPayload', '该场调解不存在或已记录');
      if (!Array.isArray(p.attendees) || p.attendees.length === 0) throw domainError('InvalidPayload', '请选择到场（或在线参加）的当事人');
      for (const no of p.attendees) if (partyName(s, no) === null) throw domainError('InvalidPayload', `当事人编号 ${String(no)} 不是本案的当事人`);
      return requireText(p.notes, '调解记录');
    }
    case 'draftAgreement': {
      // Every party receives a code to confirm with, and the documents print each worker's ID number.
      if (!/^1[3-9]\d{9}$/.test(s.employer.phone)) throw domainError('InvalidPayload', '用人单位代表人的手机号码未登记，无法发送确认码');
      const unnamed = s.workers.find((w) => !/^\d{17}[\dX]$/.test(w.idNumber));
      if (unnamed) throw domainError('InvalidPayload', `请先在“登记申请人”中登记每位职工的身份证号码（${unnamed.name}未登记）`);
      checkAgreementTerms(p, s.workers, s.asOf);
      // A form sent twice, or a redraft to reach a party who lost the SMS: neither should start the confirmations over.
      if (s.stage === 'confirming' && s.agreement && sameTerms(s.agreement, p as AgreementTerms)) {
        throw domainError('ActionNotAllowed', `与待确认的调解协议（第${s.agreement.version}稿）内容相同，无需重新拟定；当事人没收到短信的，请用“重新发送确认码”`);
      }
      return;
    }
    case 'confirmAgreement': {
      const name = partyName(s, p.partyNo);
      if (name === null) throw domainError('InvalidPayload', '该当事人不在本案中');
      if (p.version !== s.agreement?.version) throw domainError('ActionNotAllowed', '调解协议已修改，请使用最新短信中的确认码');
      if (s.agreement?.confirmedBy.includes(p.partyNo)) throw domainError('ActionNotAllowed', `${name}已确认过调解协议`);
      if (actor.role === 'employer' ? p.partyNo !== s.employer.partyNo : p.partyNo === s.employer.partyNo) {
        throw domainError('RoleNotPermitted', '确认码与当事人不符');
      }
      return;
    }
    case 'recordSignature': {
      const on = requireDate(p.signedOn, '签署日期');
      if (on > shanghaiDate(Date.parse(s.asOf))) throw domainError('InvalidPayload', '签署日期不能晚于今天');
      if (on < shanghaiDate(Date.parse(s.agreement!.draftedAt))) throw domainError('InvalidPayload', '签署日期不能早于调解协议拟定之日');
      requireText(p.signers, '签名盖章的人', 500);
      if (!p.scan || !Number.isInteger(p.scan.id) || !/^[0-9a-f]{64}$/.test(String(p.scan.sha256))) throw domainError('InvalidPayload', '请上传签名盖章后的调解协议扫描件');
      return;
    }
    case 'resendCode': {
      const name = partyName(s, p.partyNo);
      if (name === null) throw domainError('InvalidPayload', '该当事人不在本案中');
      if (s.agreement?.confirmedBy.includes(p.partyNo)) throw domainError('ActionNotAllowed', `${name}已确认调解协议，无需重新发送`);
      if ((s.codeResends?.[`${s.agreement?.version}:${p.partyNo}`] ?? 0) >= MAX_CODE_RESENDS) {
        throw domainError('ActionNotAllowed', `已为${name}重新发送${MAX_CODE_RESENDS}次确认码，请先电话核实其手机号码`);
      }
      return;
    }
    case 'refuse':
      requireOneOf(p.side, ['worker', 'employer'] as const, '拒绝调解的一方');
      return requireText(p.reason, '拒绝理由', 500);
    case 'electRepresentatives': {
      const nos = p.partyNos;
      if (!Array.isArray(nos) || nos.length < REPRESENTATIVES_MIN || nos.length > REPRESENTATIVES_MAX) {
        throw domainError('InvalidPayload', `请选择${REPRESENTATIVES_MIN}至${REPRESENTATIVES_MAX}名职工代表`);
      }
      if (new Set(nos).size !== nos.length) throw domainError('InvalidPayload', '同一名职工不能重复登记为代表');
      for (const no of nos) if (!s.workers.some((w) => w.partyNo === no)) throw domainError('InvalidPayload', `当事人编号 ${String(no)} 不是本案的职工`);
      return;
    }
    case 'submitForReview':
      // Ten or more workers may elect representatives (Art. 7), not must: without them every worker is named and signs.
      if (p.note !== undefined && p.note !== '') requireText(p.note, '备注', 500);
      return;
    case 'confirmReceipt':
      if (!s.documents.some((d) => d.id === p.documentId && d.addressedTo === actor.unitId)) throw domainError('InvalidPayload', '该文书不存在或未送达贵单位');
      if (s.documents.some((d) => d.id === p.documentId && d.received)) throw domainError('ActionNotAllowed', '该文书已确认收到');
      return;
    case 'confirmReview': {
      requireText(p.decisionNo, '调解书文号', 60);
      const on = requireDate(p.effectiveOn, '调解书生效日期');
      if (on > shanghaiDate(Date.parse(s.asOf))) throw domainError('InvalidPayload', '调解书生效日期不能晚于今天');
      return;
    }
    case 'acceptReview':
      if (p.noticeNo !== undefined && p.noticeNo !== '') requireText(p.noticeNo, '受理通知书文号', 60);
      return;
    case 'declineReview':
      requireOneOf(p.ground, Object.keys(REVIEW_DECLINE_GROUNDS) as ReviewDeclineGround[], '不予受理的情形（第七十五条）');
      if (p.reason !== undefined && p.reason !== '') requireText(p.reason, '说明', 500);
      return;
    case 'extendReview':
      requireText(p.approvedBy, '批准延期的负责人', 50);
      return requireText(p.reason, '延期理由', 500);
    case 'rejectReview':
      requireOneOf(p.next, ['mediation', 'arbitration'] as const, '退回调解或转入仲裁');
      return requireText(p.reason, '不予确认的理由', 500);
    case 'takeOver':
      return requireText(p.reason, '接手理由', 500);
    case 'claimTask': {
      const why = claimRefusal(s.openTasks ?? [], p.taskId, actor);
      if (why) throw domainError('ActionNotAllowed', why);
      return;
    }
    case 'recordPayment': {
      const due = s.installments.find((i) => i.no === p.installmentNo);
      if (!due) throw domainError('InvalidPayload', '没有这一期付款');
      if (due.status === 'paid') throw domainError('ActionNotAllowed', `第${due.no}期已付清`);
      const paid = requireFen(p.paidFen, '付款金额', 1);
      // More than this installment counts against the next ones (applyPayment); more than all of them is a mistake.
      const owed = owedFrom(s.installments, due.no);
      if (paid > owed) throw domainError('InvalidPayload', `付款金额超过第${due.no}期起尚欠的合计${(owed / 100).toFixed(2)}元`);
      return;
    }
  }
}

const claimedBy = (c: { name: string }) => `本案已由${c.name}接单办理，只有其本人可以办理（如其不能办理，请“接手办理”并说明理由）`;

function stageRefusal(action: MediationAction, s: MediationRuleState): string {
  if (action === 'claimTask') return s.claim ? `本案已由${s.claim.name}接单办理` : '没有可接单的任务';
  if (action === 'takeOver') return '本案尚无人接单，请先“接单”';
  if (action === 'recordSession') return '没有待记录的调解场次，请先安排调解';
  if (action === 'confirmReceipt') return '没有待确认收到的文书';
  if ((action === 'confirmReview' || action === 'rejectReview') && s.stage === 'review') return '请先决定是否受理仲裁审查申请（第七十五条）';
  if (action === 'extendReview' && s.reviewAcceptance?.extension) return '审查期限已经延长过一次（第七十六条：可以延长五日）';
  if (action === 'performWithoutReview' && s.directPerformance) return '已登记直接履行调解协议';
  if (action === 'chooseEnforcementCourt' && s.directPerformance && s.stage === 'performing') return '未经仲裁审查确认的调解协议不能申请强制执行：不履行的可申请支付令或者仲裁';
  if (action === 'setWorkers' && s.stage === 'mediating') return '已有职工撤回或分案，不能重新登记整个名单';
  if (action === 'correctParty' && s.stage !== 'closed') return '当事人信息只能在提交仲裁审查之前更正';
  if (action === 'electRepresentatives' && s.workers.length < REPRESENTED_FROM && s.stage !== 'closed') {
    return `职工${s.workers.length}人，不足${REPRESENTED_FROM}人的由职工本人参加调解并签名，无需登记代表`;
  }
  return `当前环节为“${MEDIATION_STAGE_LABELS[s.stage]}”，不能执行“${MEDIATION_ACTION_LABELS[action]}”`;
}

export function assertMediationCommandAllowed(cmd: MediationCommand, s: MediationRuleState): void {
  assertCommandWith(cmd, s, { labels: MEDIATION_ACTION_LABELS, validAtStage, stageRefusal, refusal, validatePayload });
}

export function allowedMediationActions(s: MediationRuleState, actor: Actor): MediationAction[] {
  if (s.stage === 'closed') return [];
  return (Object.keys(MEDIATION_ACTION_LABELS) as MediationAction[]).filter((a) => a !== 'confirmAgreement' && validAtStage(a, s) && refusal(a, s, actor) === null);
}
