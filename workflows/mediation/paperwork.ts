/**
 * The documents a mediation case sends out (DOMAIN §3): the agreement and the review application to the arbitration
 * institute, the transfer letter when mediation fails, the enforcement application to the court when the employer
 * does not pay. Each goes through deliverDocuments (PDF kept with its hash, the clerks may see the case, e-mailed).
 */

import { nowMs, type CaseHost } from '../shared/case-host';
import { shanghaiDate } from '../shared/deadlines';
import { deliverDocuments, findInstitution } from '../shared/deliver-documents';
import { agreementData, caseFileData, enforcementData, paymentOrderData, reviewApplicationData, transferLetterData, workersApplicationData, type DocumentContext } from '../kinds/mediation/document-data';
import type { Installment, MediationIntake } from '../kinds/mediation/model';
import type { MediationState } from '../kinds/mediation/state';
import type { EnforcementCourt } from './enforcement-court';
import { since } from '../shared/patch-generation';

const yuan = (fen: number) => (fen / 100).toFixed(2);

export class MediationPaperwork {
  constructor(
    private readonly host: CaseHost,
    private readonly intake: MediationIntake,
    private readonly s: MediationState,
    private readonly mediatorName: () => string,
  ) {}

  private async context(): Promise<DocumentContext> {
    const station = await findInstitution(this.intake.stationUnitId);
    return { intake: this.intake, s: this.s, stationName: station?.name ?? '劳动争议调解组织', mediatorName: this.mediatorName() || '调解员', issuedOn: shanghaiDate(nowMs()) };
  }

  /**
   * A group of ten or more may go to review without representatives (Art. 7: they may elect them): then none are
   * named. Asked once the lookups are in (as transfer-case-file is), never while they run, so a replay asks it at
   * the same point.
   */
  private electionOptional(c: DocumentContext): DocumentContext {
    return { ...c, electionOptional: since('representatives-optional') };
  }

  private get headline(): string {
    return `${this.intake.employer.name}与${this.s.workers.length}名职工${this.intake.dispute}纠纷`;
  }

  async askForReview(round: number): Promise<void> {
    const [found, arbitration] = await Promise.all([this.context(), findInstitution(this.intake.arbitrationUnitId)]);
    const c = this.electionOptional(found);
    const name = arbitration?.name ?? '劳动人事争议仲裁委员会';
    const a = this.s.agreement!;
    this.s.documents.push(...await deliverDocuments(this.host, {
      step: `review-${round}`, to: { unitId: this.intake.arbitrationUnitId, role: 'arbitration_clerk' },
      documents: [{ kind: 'mediation-agreement', data: agreementData(c) }, { kind: 'review-application', data: reviewApplicationData(c, name) }],
      subject: `仲裁审查确认申请（案件${this.host.caseNo}）：${this.headline}`,
      text: `${name}：\n\n${c.stationName}调解的${this.headline}已达成调解协议（${this.s.workers.length}名职工合计${yuan(a.totalFen)}元），各方当事人均已确认。现随函附送调解协议书和仲裁审查确认申请书，请予审查确认。\n\n请登录工情系统收件箱确认收到并办理审查确认。\n\n${c.stationName}\n调解员：${c.mediatorName}`,
    }));
  }

  async transfer(reasons: string[]): Promise<void> {
    const [c, arbitration] = await Promise.all([this.context(), findInstitution(this.intake.arbitrationUnitId)]);
    const name = arbitration?.name ?? '劳动人事争议仲裁委员会';
    // The case file goes with the letter (Art. 14); cases that transferred before it existed sent the letter alone.
    const withCaseFile = since('transfer-case-file');
    // The workers' own application goes with them (Art. 28), ready to sign; cases that transferred before it sent none.
    const withApplication = since('workers-arbitration-application');
    this.s.documents.push(...await deliverDocuments(this.host, {
      step: `transfer-${this.s.documents.filter((d) => d.kind === 'transfer-letter').length + 1}`,
      to: { unitId: this.intake.arbitrationUnitId, role: 'arbitration_clerk' },
      documents: [
        { kind: 'transfer-letter', data: transferLetterData(c, name, reasons, withCaseFile) },
        ...(withCaseFile ? [{ kind: 'case-file' as const, data: caseFileData(c, name, reasons) }] : []),
        ...(withApplication ? [{ kind: 'workers-arbitration-application' as const, data: workersApplicationData(c, name, reasons) }] : []),
      ],
      subject: `转仲裁函（案件${this.host.caseNo}）：${this.headline}`,
      text: `${name}：\n\n${c.stationName}受理的${this.headline}调解未果（${reasons.join('；')}），现将案件移送贵院，转仲裁函${withCaseFile ? '和调解案卷材料' : ''}附后。${withApplication ? '另附为申请人准备的劳动人事争议仲裁申请书，由申请人签名后提交。' : ''}\n\n请登录工情系统收件箱确认接收。\n\n${c.stationName}`,
    }));
  }

  /** `chosen`: the court as resolved at applying (enforcement-court.ts); absent in cases from before it could be chosen. */
  async applyForEnforcement(missed: { dueDate: string; paidFen: number }, chosen?: EnforcementCourt): Promise<void> {
    const [found, court, arbitration] = await Promise.all([
      this.context(), chosen ? Promise.resolve(null) : findInstitution(this.intake.courtUnitId), findInstitution(this.intake.arbitrationUnitId),
    ]);
    const c = this.electionOptional(found);
    const name = chosen?.name ?? court?.name ?? '人民法院';
    const leads = chosen && this.s.propertyLeads?.length ? `另附被执行人财产线索${this.s.propertyLeads.length}条。` : '';
    this.s.documents.push(...await deliverDocuments(this.host, {
      step: 'enforcement', to: { unitId: chosen?.unitId ?? this.intake.courtUnitId, role: 'court_clerk' },
      documents: [{ kind: 'enforcement-application', data: enforcementData(c, name, arbitration?.name ?? '劳动人事争议仲裁委员会', missed, chosen) }],
      subject: `强制执行申请（案件${this.host.caseNo}）：${this.headline}`,
      text: `${name}：\n\n${this.intake.employer.name}未按调解书（${this.s.review!.number}）于${missed.dueDate}前履行付款义务，${this.s.workers.length}名申请人申请强制执行，申请书附后。${leads}\n\n请登录工情系统收件箱确认收到。\n\n${c.stationName}（协助申请）`,
    }));
  }

  /** 支付令申请书 to the district's court (where the employer is registered), the agreement never reviewed (Art. 16). */
  async applyForPaymentOrder(missed: { dueDate: string; paidFen: number }): Promise<void> {
    const [found, court] = await Promise.all([this.context(), findInstitution(this.intake.courtUnitId)]);
    const c = this.electionOptional(found);
    const name = court?.name ?? '人民法院';
    this.s.documents.push(...await deliverDocuments(this.host, {
      step: 'payment-order', to: { unitId: this.intake.courtUnitId, role: 'court_clerk' },
      documents: [{ kind: 'payment-order-application', data: paymentOrderData(c, name, missed) }],
      subject: `支付令申请（案件${this.host.caseNo}）：${this.headline}`,
      text: `${name}：\n\n${this.intake.employer.name}未按调解协议于${missed.dueDate}前履行付款义务，${this.s.workers.length}名申请人依照《劳动争议调解仲裁法》第十六条申请支付令，申请书附后。\n\n请登录工情系统收件箱登记处理结果（发出支付令、驳回申请或被申请人提出异议）。\n\n${c.stationName}（协助申请）`,
    }));
  }

  installmentsOfAgreement(): Installment[] {
    const a = this.s.agreement!;
    const plan = a.payment.kind === 'lump-sum' ? [{ dueDate: a.payment.dueDate, amountFen: a.totalFen }] : a.payment.installments;
    return plan.map((i, n) => ({ no: n + 1, dueDate: i.dueDate, amountFen: i.amountFen, paidFen: 0, status: 'due' }));
  }

  /** every document sent to this institution has been received (its clerk confirmed) */
  allReceived(unitId: string): boolean {
    return this.s.documents.filter((d) => d.addressedTo === unitId).every((d) => d.received);
  }
}
