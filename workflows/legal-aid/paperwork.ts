/**
 * The documents a legal-aid case sends (DOMAIN §4): the 指派函 to the lawyer, each proceeding's filing (劳动仲裁申请书,
 * 民事起诉状, 上诉状, 强制执行申请书), the 支持起诉申请书 to the procuratorate, and the report of a court-delegated
 * mediation. Each goes through deliverDocuments (PDF kept with its hash, the addressee may see the case, e-mailed).
 */
import type { AidedWorker, AidLawyer, Debtor, EarlierDecision } from '../../activities/documents/legal-aid-types';
import type { Station } from '../../activities/documents/types';
import { nowMs, type CaseHost } from '../shared/case-host';
import { shanghaiDate } from '../shared/deadlines';
import { deliverDocuments, findInstitution, type Delivery } from '../shared/deliver-documents';
import type { Role } from '../shared/roles';
import { MEANS_GROUNDS, RESULT_LABELS, type Lawyer, type LegalAidIntake, type Proceeding } from '../kinds/legal-aid/model';
import { claimedTotal, owedFen, recoveredTotal, yuan, type LegalAidState } from '../kinds/legal-aid/state';

const DECISION_TITLES = { award: '仲裁裁决书', judgment: '民事判决书', ruling: '民事裁定书', mediation: '民事调解书', withdrawn: '准予撤诉裁定书' } as const;

export class LegalAidPaperwork {
  constructor(
    private readonly host: CaseHost,
    private readonly intake: LegalAidIntake,
    private readonly s: LegalAidState,
  ) {}

  private async station(): Promise<Station> {
    const centre = await findInstitution(this.intake.centreUnitId);
    return { name: centre?.name ?? '工会法律援助工作站' };
  }

  private workers(): AidedWorker[] {
    return this.s.workers.map((w) => ({ name: w.name, idNumber: w.idNumber, phone: w.phone, claimedFen: w.claimedFen }));
  }

  private debtors(): Debtor[] {
    return this.s.debtors.map((d) => ({ name: d.name, creditCode: d.creditCode, address: d.address, representative: d.representative }));
  }

  private headline(): string {
    return `${this.s.workers[0]?.name ?? ''}${this.s.workers.length > 1 ? `等${this.s.workers.length}人` : ''}与${this.s.debtors.map((d) => d.name).join('、')}${this.intake.dispute}纠纷`;
  }

  private async deliver(d: Omit<Delivery, 'subject' | 'text'> & { what: string; note: string }): Promise<void> {
    const to = d.to.unitId ? await findInstitution(d.to.unitId) : null;
    this.s.documents.push(...await deliverDocuments(this.host, {
      ...d,
      subject: `${d.what}（案件${this.host.caseNo}）：${this.headline()}`,
      text: `${to?.name ?? ''}：\n\n${d.note}\n\n请登录工情系统收件箱查看并确认收到。\n\n${(await this.station()).name}`,
    }));
  }

  async assignmentLetter(step: string, lawyer: Lawyer, acceptBy: number): Promise<void> {
    const station = await this.station();
    this.s.documents.push(...await deliverDocuments(this.host, {
      step, to: { unitId: lawyer.unitId, role: 'legal_aid_lawyer', userId: lawyer.userId },
      documents: [{
        kind: 'legal-aid-assignment',
        data: {
          station, lawyer: { name: lawyer.name, firm: lawyer.firm, phone: lawyer.phone }, workers: this.workers(), debtors: this.debtors(),
          dispute: this.intake.dispute, decidedOn: shanghaiDate(Date.parse(this.s.decision?.at ?? this.intake.appliedAt)),
          meansTest: this.s.meansTest ? MEANS_GROUNDS[this.s.meansTest.ground] : '法院委派诉前调解，无需审查经济困难状况',
          acceptBy: shanghaiDate(acceptBy), issuedOn: shanghaiDate(nowMs()),
        },
      }],
      subject: `指派函（案件${this.host.caseNo}）：${this.headline()}`,
      text: `${lawyer.firm} ${lawyer.name}：\n\n${station.name}指派您承办${this.headline()}法律援助案件，指派函附后。请于${shanghaiDate(acceptBy)}前登录工情系统接受或拒绝指派。\n\n${station.name}`,
    }));
  }

  private lawyer(lawyer: Lawyer): AidLawyer {
    return { name: lawyer.name, firm: lawyer.firm, phone: lawyer.phone };
  }

  private earlier(p: Proceeding | undefined): EarlierDecision | undefined {
    if (!p?.result) return undefined;
    return { title: DECISION_TITLES[p.result.kind], number: p.externalNo ?? '', issuedBy: p.institution, servedOn: p.result.servedOn, awardedFen: p.result.awardedFen };
  }

  /** The filing of a proceeding, to the institution registered for it (the second instance's court is not: it is kept). */
  async file(p: Proceeding, lawyer: Lawyer): Promise<void> {
    const { requests, facts } = p;
    const station = await this.station();
    const issuedOn = shanghaiDate(nowMs());
    const base = { station, workers: this.workers(), debtors: this.debtors(), lawyer: this.lawyer(lawyer), issuedOn };
    const before = this.s.proceedings.filter((x) => x.no < p.no && x.type !== 'enforcement' && x.result).pop();
    const step = `proceeding-${p.no}`;
    const to = (unitId: string | null, role: Role) => ({ unitId: unitId ?? this.intake.centreUnitId, role: unitId ? role : 'district_staff' as Role });
    if (p.type === 'arbitration') {
      await this.deliver({
        step, to: to(this.intake.arbitrationUnitId, 'arbitration_clerk'), what: '劳动仲裁申请书',
        documents: [{ kind: 'arbitration-application', data: { ...base, addressedTo: p.institution, dispute: this.intake.dispute, requests, facts, evidence: this.evidence() } }],
        note: `${this.headline()}一案，申请人委托法律援助律师${lawyer.name}申请劳动仲裁，请求金额${yuan(p.claimedFen)}，仲裁申请书附后。`,
      });
    } else if (p.type === 'first_instance') {
      const supportedBy = this.s.support?.decision?.support ? await this.procuratorateName() : undefined;
      await this.deliver({
        step, to: to(this.intake.courtUnitId, 'court_clerk'), what: '民事起诉状',
        documents: [{ kind: 'civil-complaint', data: { ...base, court: p.institution, dispute: this.intake.dispute, requests, facts, evidence: this.evidence(), earlier: this.earlier(before), supportedBy } }],
        note: `${this.headline()}一案，原告委托法律援助律师${lawyer.name}提起诉讼${supportedBy ? `，${supportedBy}支持起诉` : ''}，起诉状附后。`,
      });
    } else if (p.type === 'second_instance') {
      const earlier = this.earlier(before)!;
      const kind = before?.result?.kind === 'ruling' ? 'ruling' as const : 'judgment' as const;
      await this.deliver({
        step, to: to(this.intake.courtUnitId, 'court_clerk'), what: '上诉状',
        documents: [{ kind: 'appeal-petition', data: { ...base, court: p.institution, earlier: { ...earlier, kind }, requests, reasons: facts } }],
        note: `${this.headline()}一案，上诉人不服${earlier.issuedBy}${earlier.number}${RESULT_LABELS[kind]}，依法提起上诉（经原审法院向${p.institution}提出），上诉状附后。`,
      });
    } else {
      const basis = this.earlier(before) ?? { title: '民事调解书', number: '', issuedBy: p.institution, servedOn: issuedOn, awardedFen: owedFen(this.s) };
      await this.deliver({
        step, to: to(this.intake.courtUnitId, 'court_clerk'), what: '强制执行申请书',
        documents: [{ kind: 'aid-enforcement-application', data: { ...base, court: p.institution, basis, awardedFen: owedFen(this.s), recoveredFen: recoveredTotal(this.s) } }],
        note: `${this.headline()}一案，被执行人未履行生效法律文书确定的义务，申请执行人申请强制执行，申请书附后。`,
      });
    }
  }

  private evidence(): string[] {
    return this.s.evidence.filter((e) => e.holder === 'worker').map((e) => e.name);
  }

  private async procuratorateName(): Promise<string> {
    return (this.intake.procuratorateUnitId ? (await findInstitution(this.intake.procuratorateUnitId))?.name : undefined) ?? '人民检察院';
  }

  async askForSupport(): Promise<void> {
    const procuratorate = await this.procuratorateName();
    await this.deliver({
      step: 'support', to: { unitId: this.intake.procuratorateUnitId!, role: 'procurator' }, what: '支持起诉申请书',
      documents: [{
        kind: 'support-prosecution-request',
        data: { station: await this.station(), procuratorate, workers: this.workers(), debtors: this.debtors(), dispute: this.intake.dispute, claimedFen: claimedTotal(this.s), facts: this.intake.facts, reasons: this.s.support!.reasons, issuedOn: shanghaiDate(nowMs()) },
      }],
      note: `${this.headline()}一案，职工请求支付${yuan(claimedTotal(this.s))}，现依照《中华人民共和国民事诉讼法》第十五条申请贵院支持起诉，申请书附后。`,
    });
  }

  async reportToCourt(mediatorName: string): Promise<void> {
    const d = this.s.delegated!;
    const court = (this.intake.courtUnitId ? (await findInstitution(this.intake.courtUnitId))?.name : undefined) ?? '人民法院';
    await this.deliver({
      step: 'delegated-report', to: { unitId: this.intake.courtUnitId!, role: 'court_clerk' }, what: '诉前调解情况报告',
      documents: [{
        kind: 'pre-litigation-report',
        data: {
          station: await this.station(), court, courtRef: this.intake.courtRef ?? '', workers: this.workers(), debtors: this.debtors(),
          dispute: this.intake.dispute, mediator: { name: mediatorName }, receivedOn: shanghaiDate(Date.parse(this.intake.appliedAt)),
          result: d.result === 'agreed' ? { kind: 'agreed', totalFen: d.totalFen, payment: d.payment ?? '' } : { kind: 'failed', reasons: d.reasons },
          issuedOn: shanghaiDate(nowMs()),
        },
      }],
      note: `贵院委派（${this.intake.courtRef ?? ''}）的${this.headline()}诉前调解${d.result === 'agreed' ? '已达成调解协议' : '未能达成协议，现退回贵院依法处理'}，报告附后。`,
    });
  }

  /** every document sent to this institution has been received */
  allReceived(unitId: string | null): boolean {
    return this.s.documents.filter((d) => d.addressedTo === unitId).every((d) => d.received);
  }
}
