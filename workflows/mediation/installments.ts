/**
 * Following the agreed payments (DOMAIN §3): a reminder before each due date, a missed one told to the mediator and the
 * workers, then a grace period; an installment still unpaid after it ends the following (the caller applies for
 * enforcement). Payments arrive as commands (recordPayment) and change the installments the loop watches.
 */
import { condition } from '@temporalio/workflow';
import type { MediationPolicy } from '../../temporal.config';
import { activities, nowIso, nowMs, type CaseHost } from '../shared/case-host';
import type { Installment, MediationIntake } from '../kinds/mediation/model';
import type { MediationState } from '../kinds/mediation/state';
import type { MediationParties } from './parties';

/** An installment is due by the end of its day, Asia/Shanghai. */
export function endOfDueDay(dueDate: string): number {
  return Date.parse(`${dueDate}T23:59:59.999+08:00`);
}

/** Waits until `at` or until the installment is paid; true when paid. */
async function paidBy(inst: Installment, at: number): Promise<boolean> {
  const paid = () => inst.status === 'paid';
  if (!paid() && at > nowMs()) await condition(paid, at - nowMs());
  return paid();
}

export async function followInstallments(
  host: CaseHost, intake: MediationIntake, s: MediationState, policy: MediationPolicy, parties: MediationParties,
): Promise<{ dueDate: string; paidFen: number } | null> {
  for (const inst of s.installments) {
    const due = endOfDueDay(inst.dueDate);
    if (!(await paidBy(inst, due - policy.installmentReminderLead)) && due > nowMs()) parties.remindInstallment(inst);
    if (await paidBy(inst, due)) continue;
    inst.status = 'missed';
    const owed = inst.amountFen - inst.paidFen;
    await activities.persistTransition({
      caseNo: host.caseNo, at: nowIso(),
      events: [host.systemEvent('installment_missed', `${intake.employer.name}未于${inst.dueDate}前付清第${inst.no}期款项（尚欠${(owed / 100).toFixed(2)}元），已通知调解员和职工`, { installmentNo: inst.no, owedFen: owed })],
    });
    parties.tellMissed(inst, policy.installmentGrace);
    if (await paidBy(inst, nowMs() + policy.installmentGrace)) continue;
    return { dueDate: inst.dueDate, paidFen: inst.paidFen };
  }
  return null;
}
