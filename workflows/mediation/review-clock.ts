/**
 * The clock of 劳动人事争议仲裁办案规则 (2017) Art. 74: the parties apply jointly for the commission's review within 15
 * days of the agreement taking effect (when the last party confirmed it), counted on the holiday calendar. Watched in
 * the background while the mediator's submit step runs: a warning before it ends, and a miss recorded when it passed
 * unsubmitted (the commission may then refuse the application). Submitting ends the watch.
 */
import { condition } from '@temporalio/workflow';
import type { MediationPolicy } from '../../temporal.config';
import { activities, nowIso, nowMs, type CaseHost } from '../shared/case-host';
import { shanghaiDate } from '../shared/deadlines';
import type { StatutoryClock } from '../shared/statutory-clock';
import type { MediationState } from '../kinds/mediation/state';

const DAY = 86_400_000;
const STATUTE = '《劳动人事争议仲裁办案规则》第七十四条';

/** Waits until `at()` (which the calendar may move) or the submission; true when submitted first. */
async function submittedBefore(at: () => number, submitted: () => boolean): Promise<boolean> {
  for (;;) {
    const t = at();
    if (submitted()) return true;
    if (t <= nowMs()) return false;
    const woke = await condition(() => submitted() || at() !== t, t - nowMs());
    if (!woke) return submitted();
  }
}

/** The deadline (counted before the submit step opens, so the calendar is read at the same point on replay). */
export async function reviewApplicationDeadline(clock: StatutoryClock, s: MediationState, policy: MediationPolicy): Promise<() => number> {
  const days = policy.reviewApplicationDays ?? 15;
  return clock.deadline(`申请仲裁审查确认（调解协议生效之日起${days}日）`, Date.parse(s.agreement!.signedAt!), days);
}

export async function watchReviewApplication(host: CaseHost, clock: StatutoryClock, s: MediationState, policy: MediationPolicy, due: () => number): Promise<void> {
  // performing the agreement without review (Art. 15) ends the watch as submitting does: nothing is late then
  const submitted = () => s.submitted || !!s.directPerformance;
  const lead = policy.reviewApplicationWarning ?? 3 * DAY;
  const record = (type: string, summary: string) => activities.persistTransition({
    caseNo: host.caseNo, at: nowIso(), events: [host.systemEvent(type, summary, { dueAt: new Date(due()).toISOString(), dueDay: shanghaiDate(due()) })],
  });
  if (!(await submittedBefore(() => due() - lead, submitted))) {
    await record('review_application_due_soon', `提醒：调解协议的仲裁审查确认申请须于${shanghaiDate(due())}前提交（${STATUTE}），请调解员尽快提交`);
    if (!(await submittedBefore(due, submitted))) {
      await record('review_application_late', `调解协议生效已逾${policy.reviewApplicationDays ?? 15}日（${shanghaiDate(due())}届满）仍未申请仲裁审查确认（${STATUTE}），仲裁委员会可能不予受理；已记录在案`);
    }
  }
  clock.release(due);
}
