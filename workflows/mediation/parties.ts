/**
 * What the parties of a mediation are told by SMS, and how the case's history names them. Every message goes out in
 * the background (a slow gateway never holds up the case), keyed so a retry or a replay never texts anyone twice.
 */
import type { Contact, SmsRequest } from '../../activities/types';
import { activities, type CaseHost } from '../shared/case-host';
import { findInstitution } from '../shared/deliver-documents';
import { SOURCE_LABELS, type Installment, type MediationIntake } from '../kinds/mediation/model';
import type { MediationState } from '../kinds/mediation/state';

const yuan = (fen: number) => (fen / 100).toFixed(2);

export class MediationParties {
  constructor(
    private readonly host: CaseHost,
    private readonly intake: MediationIntake,
    private readonly s: MediationState,
  ) {}

  private workers(): Contact[] {
    return this.s.workers.map((w) => ({ role: 'worker', name: w.name, phone: w.phone }));
  }

  /** the employer's representative, when a phone is on record (a grievance sent on to arbitration may have none) */
  private employer(): Contact[] {
    return this.s.employer.phone ? [{ role: 'employer', name: this.s.employer.representative.name, phone: this.s.employer.phone }] : [];
  }

  private async mediators(): Promise<Contact[]> {
    return activities.findContacts({ unitId: this.intake.stationUnitId, roles: ['union_mediator'] });
  }

  private send(step: string, template: string, to: Contact[], vars: (c: Contact, i: number) => Record<string, string | number>, secret?: (i: number) => SmsRequest['secret']): void {
    const caseNo = this.host.caseNo;
    const reqs: SmsRequest[] = to.map((c, i) => ({
      key: `${this.host.workflowId}:${step}:${c.role}:${i}`, caseNo, template, to: c,
      vars: { caseNo, employer: this.intake.employer.name, ...vars(c, i) }, ...(secret ? { secret: secret(i) } : {}),
    }));
    if (reqs.length > 0) this.host.inBackground(this.host.sendSms(() => activities.sendSmsBatch(reqs)));
  }

  intakeSummary(): string {
    const claimed = this.intake.workers.reduce((t, w) => t + w.claimedFen, 0);
    const who = this.intake.workers.length > 0 ? `${this.intake.workers.length}名职工，请求金额合计${yuan(claimed)}元` : '职工名单待调解员登记';
    return `${SOURCE_LABELS[this.intake.source]}${this.intake.parentCaseNo ? `（${this.intake.parentCaseNo}）` : ''}：${this.intake.employer.name}${this.intake.dispute}纠纷，${who}`;
  }

  /** What the draft means for one party, in the SMS that carries their code. */
  private shareOf(partyNo: number): string {
    const a = this.s.agreement!;
    const plan = a.payment.kind === 'installments' ? `分${a.payment.installments.length}期支付，首期${a.payment.installments[0].dueDate}前` : `于${a.payment.dueDate}前一次性支付`;
    if (partyNo === this.s.employer.partyNo) return `贵单位向${this.s.workers.length}名职工合计支付${yuan(a.totalFen)}元，${plan}`;
    return `您应得${yuan(a.terms.find((t) => t.partyNo === partyNo)?.amountFen ?? 0)}元，${plan}`;
  }

  /** the phone a party's code goes to */
  phoneOf(partyNo: number): string {
    return partyNo === this.s.employer.partyNo ? this.s.employer.phone : this.s.workers.find((w) => w.partyNo === partyNo)?.phone ?? '';
  }

  /**
   * Parties get the draft's gist and a one-time code for it (the activity fills the code in; never in history): all of
   * them for a new draft, or one party again (`step` names that sending, so it is one SMS however often it is retried).
   */
  askToConfirm(only?: { partyNo: number; step: string }): void {
    const a = this.s.agreement!;
    const parties = [{ partyNo: this.s.employer.partyNo, to: this.employer() }, ...this.s.workers.map((w, i) => ({ partyNo: w.partyNo, to: [this.workers()[i]] }))]
      .filter((p) => p.to.length > 0 && (!only || p.partyNo === only.partyNo));
    const run = (async () => {
      const station = (await findInstitution(this.intake.stationUnitId))?.name ?? '调解站';
      this.send(only?.step ?? `agreement-v${a.version}`, 'agreement-confirm', parties.flatMap((p) => p.to), (_c, i) => ({
        station, version: a.version, share: this.shareOf(parties[i].partyNo),
      }), (i) => ({ agreementCode: { partyNo: parties[i].partyNo, version: a.version } }));
    })();
    this.host.inBackground(run);
  }

  tellReviewConfirmed(): void {
    const run = (async () => {
      const arbitration = (await findInstitution(this.intake.arbitrationUnitId))?.name ?? '仲裁委员会';
      const r = this.s.review!;
      this.send('review-confirmed', 'review-confirmed', [...this.employer(), ...this.workers()], (c) => ({
        arbitration, decisionNo: r.number, effectiveOn: r.effectiveOn,
        next: c.role === 'employer' ? '请按期足额支付，逾期将被申请强制执行。' : '调解站将跟进每期付款。',
      }));
    })();
    this.host.inBackground(run);
  }

  tellTransferred(reason: string): void {
    const run = (async () => {
      const arbitration = (await findInstitution(this.intake.arbitrationUnitId))?.name ?? '劳动人事争议仲裁院';
      this.send('transferred', 'mediation-transferred', [...this.workers(), ...this.employer()], () => ({ arbitration, reason: reason.slice(0, 40) }));
    })();
    this.host.inBackground(run);
  }

  remindInstallment(inst: Installment): void {
    const run = (async () => {
      const to = [...this.employer(), ...(await this.mediators())];
      this.send(`installment-${inst.no}-reminder`, 'installment-reminder', to, () => ({ dueDate: inst.dueDate, no: inst.no, amount: yuan(inst.amountFen - inst.paidFen) }));
    })();
    this.host.inBackground(run);
  }

  /** The grace the policy gives (installmentGrace) is what the SMS promises: whole days, a part of one counted as one. */
  tellMissed(inst: Installment, graceMs: number): void {
    const graceDays = Math.ceil(graceMs / 86_400_000);
    const run = (async () => {
      const to = [...(await this.mediators()), ...this.workers()];
      this.send(`installment-${inst.no}-missed`, 'installment-missed', to, () => ({ dueDate: inst.dueDate, no: inst.no, owed: yuan(inst.amountFen - inst.paidFen), graceDays }));
    })();
    this.host.inBackground(run);
  }

  /** `chosen`: the court's name as resolved when applying (cases from before it could be chosen look it up here). */
  tellEnforcement(chosen?: string): void {
    const run = (async () => {
      const court = chosen ?? (await findInstitution(this.intake.courtUnitId))?.name ?? '人民法院';
      this.send('enforcement', 'enforcement-filed', this.workers(), () => ({ court }));
    })();
    this.host.inBackground(run);
  }

  closingSummary(paidFen: number): string {
    switch (this.s.outcome) {
      case 'performed': return `调解协议履行完毕，${this.s.workers.length}名职工共收到${yuan(paidFen)}元，案件办结`;
      case 'enforcement': return `已向法院申请强制执行（此前已付${yuan(paidFen)}元），调解站办结`;
      case 'payment_order': return `法院已发出支付令（${this.s.paymentOrder?.orderNo ?? ''}，此前已付${yuan(paidFen)}元），调解站办结`;
      case 'withdrawn': return `职工均已撤回调解申请或分案办理${paidFen > 0 ? `（已足额支付的职工共收到${yuan(paidFen)}元）` : ''}，调解站办结`;
      default: return '调解不成，案件已由仲裁院接收，调解站办结';
    }
  }
}
