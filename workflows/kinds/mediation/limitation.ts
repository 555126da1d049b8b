/**
 * The one-year limitation period for arbitration (劳动争议调解仲裁法 Art. 27), as the station can tell it when a case
 * transfers: counted from the day the dispute arose; applying to the union's mediation asks a body for relief and
 * interrupts it, so it runs a full year again from the application, unless it had already run out by then. Claims
 * for wages owed while the employment lasts are not bound by it until the employment ends (Art. 27, para. 4).
 */
import { shanghaiDate } from '../../shared/deadlines';

export interface LimitationCheck {
  /** the end of the period (last millisecond, Shanghai), or null when it had run out before the application */
  endsAt: number | null;
  /** days left at `now`, or null when it had run out */
  daysLeft: number | null;
  summary: string;
  /** worth a warning: run out, or less left than the station's threshold */
  warn: boolean;
}

const DAY = 86_400_000;
const WAGES_EXCEPTION = '（劳动关系存续期间因拖欠劳动报酬发生争议的，不受一年期限限制，但劳动关系终止的，应当自终止之日起一年内提出）';

/**
 * `firstEnd`: a year from the day the dispute arose; `restartedEnd`: a year from the application (both on the holiday
 * calendar, StatutoryClock).
 */
export function checkLimitation(disputeArose: string, appliedAt: number, firstEnd: number, restartedEnd: number, now: number, warnDays: number): LimitationCheck {
  if (firstEnd < appliedAt) {
    return {
      endsAt: null, daysLeft: null, warn: true,
      summary: `争议发生于${disputeArose}，申请调解时已超过一年仲裁时效（《劳动争议调解仲裁法》第二十七条）${WAGES_EXCEPTION}；请提示当事人准备时效中止、中断或不受限制的证据`,
    };
  }
  const endsAt = restartedEnd;
  const daysLeft = Math.max(0, Math.floor((endsAt - now) / DAY));
  return {
    endsAt, daysLeft, warn: daysLeft <= warnDays,
    summary: `争议发生于${disputeArose}；申请调解使仲裁时效中断，自${shanghaiDate(appliedAt)}起重新计算一年，至${shanghaiDate(endsAt)}届满，尚余${daysLeft}日（《劳动争议调解仲裁法》第二十七条）${WAGES_EXCEPTION}`,
  };
}

/** Why a dispute over whether an employment relationship exists goes on to arbitration once mediated. */
export const EMPLOYMENT_DISPUTE_REASON = '本案争议涉及确认劳动关系，仲裁委员会不受理其调解协议的仲裁审查申请（《劳动人事争议仲裁办案规则》第七十五条），转入仲裁处理';
