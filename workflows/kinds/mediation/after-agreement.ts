/**
 * What follows an agreement the employer does not perform (issue 21): the property leads (财产线索) and the court the
 * enforcement application goes to; and an agreement the parties perform without review (劳动争议调解仲裁法 Arts. 15,
 * 16): a 支付令 from the court for wages, injury costs or compensation, else arbitration. Pure: types, what each
 * command changes, what its payload must be.
 */
import { domainError } from '../../shared/domain-error';
import { requireOneOf, requireText } from '../../shared/payload-checks';

export const PROPERTY_LEAD_KINDS = {
  bank_account: '银行账户', real_estate: '不动产', vehicle: '车辆', equity: '股权', receivable: '应收账款', other: '其他',
} as const;
export type PropertyLeadKind = keyof typeof PROPERTY_LEAD_KINDS;
export const MAX_PROPERTY_LEADS = 30;

export interface PropertyLead { no: number; kind: PropertyLeadKind; detail: string; location: string | null; by: string; at: string }

/** 被执行人住所地 (the district's court, the default) or 被执行的财产所在地 (another court, checked when applying). */
export const COURT_BASES = { registered: '被执行人住所地人民法院', property: '被执行的财产所在地人民法院' } as const;
export type CourtBasis = keyof typeof COURT_BASES;
export interface EnforcementCourtChoice { basis: CourtBasis; unitId: string; reason: string | null; by: string; at: string }

/** Art. 16: the matters on which a worker may ask the court for a payment order with the agreement. */
export interface DirectPerformance { reason: string; paymentClaim: boolean; by: string; at: string }

export const PAYMENT_ORDER_RESULTS = {
  issued: '法院已发出支付令', rejected: '法院驳回支付令申请', objected: '用人单位提出书面异议，支付令失效',
} as const;
export type PaymentOrderResult = keyof typeof PAYMENT_ORDER_RESULTS;
export interface PaymentOrderAnswer { result: PaymentOrderResult; orderNo: string | null; note: string | null; by: string; at: string }

export type AfterAgreementPayloads = {
  /** a lead to the employer's property, for the enforcement application */
  recordPropertyLead: { kind: PropertyLeadKind; detail: string; location?: string };
  /** the court the enforcement application goes to: the default, or where the property is (a court institution) */
  chooseEnforcementCourt: { basis: CourtBasis; courtUnitId?: string; reason?: string };
  /** the parties perform the agreement without applying for review (Art. 15); `paymentClaim`: on wages, injury costs or compensation (Art. 16) */
  performWithoutReview: { reason: string; paymentClaim: boolean };
  /** the court's answer to the 支付令 application */
  recordPaymentOrder: { result: PaymentOrderResult; orderNo?: string; note?: string };
};
export type AfterAgreementAction = keyof AfterAgreementPayloads;

export const AFTER_AGREEMENT_LABELS: Record<AfterAgreementAction, string> = {
  recordPropertyLead: '登记财产线索',
  chooseEnforcementCourt: '选择申请执行的法院',
  performWithoutReview: '不申请仲裁审查，直接履行调解协议',
  recordPaymentOrder: '登记法院对支付令申请的处理结果',
};

export interface AfterAgreementState {
  propertyLeads?: PropertyLead[];
  enforcementCourt?: EnforcementCourtChoice | null;
  directPerformance?: DirectPerformance | null;
  paymentOrder?: PaymentOrderAnswer | null;
}

type Cmd = { [A in AfterAgreementAction]: { action: A; payload: AfterAgreementPayloads[A] } }[AfterAgreementAction];
const trimmed = (v: string | undefined) => v?.trim() || null;

export function applyAfterAgreement(s: AfterAgreementState, cmd: Cmd, by: string, now: string, defaultCourt: string) {
  switch (cmd.action) {
    case 'recordPropertyLead': {
      const leads = s.propertyLeads ?? [];
      const lead: PropertyLead = { no: leads.length + 1, kind: cmd.payload.kind, detail: cmd.payload.detail.trim(), location: trimmed(cmd.payload.location), by, at: now };
      s.propertyLeads = [...leads, lead];
      return { type: 'property_lead_recorded', summary: `${by}登记财产线索${lead.no}（${PROPERTY_LEAD_KINDS[lead.kind]}）：${lead.detail}${lead.location ? `，所在地：${lead.location}` : ''}`, data: { no: lead.no, kind: lead.kind } };
    }
    case 'chooseEnforcementCourt': {
      const unitId = cmd.payload.basis === 'registered' ? defaultCourt : cmd.payload.courtUnitId!.trim();
      s.enforcementCourt = { basis: cmd.payload.basis, unitId, reason: trimmed(cmd.payload.reason), by, at: now };
      return { type: 'enforcement_court_chosen', summary: `${by}选择向${COURT_BASES[cmd.payload.basis]}申请强制执行${cmd.payload.basis === 'property' ? `（${unitId}）` : ''}${s.enforcementCourt.reason ? `：${s.enforcementCourt.reason}` : ''}`, data: { basis: cmd.payload.basis, unitId } };
    }
    case 'performWithoutReview': {
      s.directPerformance = { reason: cmd.payload.reason.trim(), paymentClaim: cmd.payload.paymentClaim, by, at: now };
      return {
        type: 'direct_performance', summary: `${by}登记：当事人不申请仲裁审查确认，直接履行调解协议（${s.directPerformance.reason}）；${cmd.payload.paymentClaim ? '协议涉及拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金，不履行的可申请支付令（《劳动争议调解仲裁法》第十六条）' : '不履行的可申请仲裁（《劳动争议调解仲裁法》第十五条）'}`,
        data: { paymentClaim: cmd.payload.paymentClaim },
      };
    }
    case 'recordPaymentOrder': {
      const { result } = cmd.payload;
      s.paymentOrder = { result, orderNo: trimmed(cmd.payload.orderNo), note: trimmed(cmd.payload.note), by, at: now };
      return { type: 'payment_order_answered', summary: `${PAYMENT_ORDER_RESULTS[result]}${s.paymentOrder.orderNo ? `（${s.paymentOrder.orderNo}）` : ''}（${by}登记）${s.paymentOrder.note ? `：${s.paymentOrder.note}` : ''}`, data: { result, orderNo: s.paymentOrder.orderNo } };
    }
  }
}

/** The payload's word (zh-CN, InvalidPayload); who and when are the rules'. */
export function checkAfterAgreement(action: AfterAgreementAction, p: Record<string, any>, s: AfterAgreementState): void {
  switch (action) {
    case 'recordPropertyLead':
      if ((s.propertyLeads?.length ?? 0) >= MAX_PROPERTY_LEADS) throw domainError('ActionNotAllowed', `财产线索最多登记${MAX_PROPERTY_LEADS}条`);
      requireOneOf(p.kind, Object.keys(PROPERTY_LEAD_KINDS) as PropertyLeadKind[], '财产线索的类别');
      requireText(p.detail, '财产线索的内容', 500);
      if (p.location !== undefined && p.location !== '') requireText(p.location, '财产所在地', 200);
      return;
    case 'chooseEnforcementCourt':
      requireOneOf(p.basis, Object.keys(COURT_BASES) as CourtBasis[], '申请执行的法院');
      if (p.basis === 'property') {
        requireText(p.courtUnitId, '财产所在地的人民法院', 60);
        if (!(s.propertyLeads ?? []).length) throw domainError('ActionNotAllowed', '请先登记财产线索，再选择向财产所在地法院申请执行');
      }
      if (p.reason !== undefined && p.reason !== '') requireText(p.reason, '选择理由', 500);
      return;
    case 'performWithoutReview':
      requireText(p.reason, '不申请仲裁审查的原因', 500);
      if (typeof p.paymentClaim !== 'boolean') throw domainError('InvalidPayload', '请选择调解协议是否涉及拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金');
      return;
    case 'recordPaymentOrder':
      requireOneOf(p.result, Object.keys(PAYMENT_ORDER_RESULTS) as PaymentOrderResult[], '法院的处理结果');
      if (p.result === 'issued') requireText(p.orderNo, '支付令文号', 60);
      else if (p.orderNo !== undefined && p.orderNo !== '') requireText(p.orderNo, '文号', 60);
      if (p.note !== undefined && p.note !== '') requireText(p.note, '说明', 500);
      return;
  }
}

/** Why the case goes on to arbitration when an agreement never reviewed is not performed (Art. 15, or Art. 16 failed). */
export function notPerformedReason(missedDue: string, answer: PaymentOrderAnswer | null | undefined): string {
  const order = answer ? `；支付令申请未果（${PAYMENT_ORDER_RESULTS[answer.result]}）` : '';
  return `用人单位未按调解协议约定于${missedDue}前履行${order}，当事人依法申请仲裁（《劳动争议调解仲裁法》第十五条）`;
}
