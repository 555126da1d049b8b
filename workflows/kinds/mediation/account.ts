/**
 * The mediation in the supervisors' account: the waits of its agreed installments (workflows/mediation/installments.ts),
 * a payment's reminder, its due day and the grace after a missed one. Its SMS and events read by their registry labels
 * and summaries. Pure; read by api/services/case-account through the registry.
 */
import type { MediationPolicy } from '../../../temporal.config';
import { near, span, type KindAccount } from '../account-spec';

const SHANGHAI = 8 * 3_600_000;

/** An installment is due at the end of its day, Asia/Shanghai (endOfDueDay): a wait ending at 23:59 is about one. */
function endOfShanghaiDay(ms: number): string | undefined {
  const shanghai = new Date(ms + SHANGHAI);
  return shanghai.getUTCHours() === 23 && shanghai.getUTCMinutes() === 59 ? shanghai.toISOString().slice(0, 10) : undefined;
}

export const mediationAccount: KindAccount = {
  timerMeaning(t, given) {
    const policy = given as Partial<MediationPolicy>;
    if (policy.installmentGrace !== undefined && near(t.durationMs, policy.installmentGrace)) {
      return { kind: 'other', label: `逾期付款宽限期（${span(policy.installmentGrace)}）届满，届时仍未付清则申请强制执行` };
    }
    const dueDay = endOfShanghaiDay(t.fireAt);
    if (dueDay) return { kind: 'other', label: `分期付款到期（${dueDay}）` };
    const reminded = policy.installmentReminderLead ? endOfShanghaiDay(t.fireAt + policy.installmentReminderLead) : undefined;
    if (reminded) return { kind: 'other', label: `分期付款提醒（${reminded}到期前${span(policy.installmentReminderLead!)}）` };
    return undefined;
  },
};
