/**
 * Who a legal-aid case texts: the workers at each milestone (their case number and what happened; they follow the case
 * on the progress page with a code texted to their phone), the assigned lawyer, and the lawyer with a supervisor when
 * a procedural clock nears its end or runs out. Every message goes out in the background, keyed so that a retry or a
 * replay never texts anyone twice.
 */
import type { Contact, SmsRequest } from '../../activities/types';
import { activities, type CaseHost } from '../shared/case-host';
import type { Lawyer, LegalAidIntake, ProceduralClock } from '../kinds/legal-aid/model';
import type { LegalAidState } from '../kinds/legal-aid/state';

export class LegalAidNotices {
  constructor(
    private readonly host: CaseHost,
    private readonly intake: LegalAidIntake,
    private readonly s: LegalAidState,
  ) {}

  private send(reqs: SmsRequest[]): void {
    if (reqs.length > 0) this.host.inBackground(this.host.sendSms(() => activities.sendSmsBatch(reqs)));
  }

  /** A milestone, told to every worker of the case (`step` keys it: one message a milestone, ever). */
  tellWorkers(step: string, message: string): void {
    const caseNo = this.host.caseNo;
    this.send(this.s.workers.filter((w) => w.phone).map((w, i) => ({
      key: `${this.host.workflowId}:${step}:worker:${i}`, caseNo, template: 'legal-aid-notice',
      to: { role: 'worker', name: w.name, phone: w.phone }, vars: { caseNo, message },
    })));
  }

  tellLawyer(step: string, lawyer: Lawyer, acceptBy: number): void {
    const caseNo = this.host.caseNo;
    this.send([{
      key: `${this.host.workflowId}:${step}:lawyer`, caseNo, template: 'legal-aid-assigned',
      to: { role: 'legal_aid_lawyer', name: lawyer.name, phone: lawyer.phone },
      vars: { caseNo, name: lawyer.name, debtor: this.s.debtors[0]?.name ?? '', dispute: this.intake.dispute, workerCount: this.s.workers.length, acceptBy: new Date(acceptBy).toISOString() },
    }]);
  }

  /** A clock's warning or expiry: the lawyer who represents the workers and the centre's staff (the supervisors). */
  async tellClock(clock: ProceduralClock, expired: boolean, lawyer: Lawyer | null): Promise<Contact[]> {
    const staff = await activities.findContacts({ unitId: this.intake.centreUnitId, roles: ['district_staff'] });
    const to: Contact[] = [...(lawyer ? [{ role: 'legal_aid_lawyer' as const, name: lawyer.name, phone: lawyer.phone }] : []), ...staff];
    const caseNo = this.host.caseNo;
    this.send(to.map((c, i) => ({
      key: `${this.host.workflowId}:clock:${clock.id}:${expired ? 'expired' : 'warning'}:${c.role}:${i}`, caseNo, template: 'legal-aid-clock', to: c,
      vars: { caseNo, label: clock.label, dueAt: clock.dueAt, expired: expired ? 1 : '' },
    })));
    return to;
  }
}
