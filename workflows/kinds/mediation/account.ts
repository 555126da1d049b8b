/**
 * The mediation in the supervisors' account: the waits of its agreed installments (workflows/mediation/installments.ts),
 * a payment's reminder, its due day and the grace after a missed one. Its SMS and events read by their registry labels
 * and summaries. Pure; read by api/services/case-account through the registry.
 */
import type { MediationPolicy } from '../../../temporal.config';
import { near, span, TIMER_SLACK_MS, type KindAccount } from '../account-spec';

const SHANGHAI = 8 * 3_600_000;

/** An installment is due at the end of its day, Asia/Shanghai (endOfDueDay): a wait ending at 23:59 is about one. */
function endOfShanghaiDay(ms: number): string | undefined {
  const shanghai = new Date(ms + SHANGHAI);
  return shanghai.getUTCHours() === 23 && shanghai.getUTCMinutes() === 59 ? shanghai.toISOString().slice(0, 10) : undefined;
}

export const mediationAccount: KindAccount = {
  // Every party's message of one occasion (a draft's codes to 44 parties) is one send: its keys end in the party's index.
  fanOut: ['agreement-confirm', 'review-confirmed', 'mediation-transferred', 'installment-reminder', 'installment-missed', 'enforcement-filed'],
  timerMeaning(t, given) {
    const policy = given as Partial<MediationPolicy>;
    if (policy.installmentGrace !== undefined && near(t.durationMs, policy.installmentGrace)) {
      return { kind: 'other', label: `逾期付款宽限期（${span(policy.installmentGrace)}）届满，届时仍未付清则申请强制执行` };
    }
    const lead = policy.installmentReminderLead ?? 0;
    const dueDay = endOfShanghaiDay(t.fireAt);
    const reminded = lead ? endOfShanghaiDay(t.fireAt + lead) : undefined;
    // A lead of whole days (the default: 3) ends the reminder's wait at 23:59 too. The due day's wait starts once the
    // reminder's time has come (or had passed), so it never lasts longer than the lead: a longer one is the reminder's.
    // A shorter one may still be either (a reminder set shortly before its time): it is read as the due day's.
    const longerThanDue = reminded !== undefined && t.durationMs > lead + TIMER_SLACK_MS;
    if (dueDay && !longerThanDue) return { kind: 'other', label: `分期付款到期（${dueDay}）` };
    if (reminded) return { kind: 'other', label: `分期付款提醒（${reminded}到期前${span(lead)}）` };
    return undefined;
  },
};
