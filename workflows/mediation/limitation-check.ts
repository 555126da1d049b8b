/** On transfer, the station records where the one-year limitation period stands (Art. 27), warning when little is left. */
import { activities, nowIso, nowMs, type CaseHost } from '../shared/case-host';
import type { StatutoryClock } from '../shared/statutory-clock';
import type { MediationIntake } from '../kinds/mediation/model';
import { checkLimitation } from '../kinds/mediation/limitation';

export async function recordLimitation(host: CaseHost, clock: StatutoryClock, intake: MediationIntake & { disputeArose: string }, warnDays: number): Promise<void> {
  const applied = Date.parse(intake.appliedAt);
  const first = await clock.deadline('仲裁时效（争议发生之日起一年）', Date.parse(`${intake.disputeArose}T12:00:00+08:00`), { years: 1 });
  const restarted = await clock.deadline('仲裁时效（申请调解之日起重新计算一年）', applied, { years: 1 });
  const c = checkLimitation(intake.disputeArose, applied, first(), restarted(), nowMs(), warnDays);
  clock.release(first);
  clock.release(restarted);
  await activities.persistTransition({
    caseNo: host.caseNo, at: nowIso(),
    events: [host.systemEvent(c.warn ? 'limitation_warning' : 'limitation_noted', c.summary, {
      disputeArose: intake.disputeArose, endsAt: c.endsAt === null ? null : new Date(c.endsAt).toISOString(), daysLeft: c.daysLeft,
    })],
  });
}
