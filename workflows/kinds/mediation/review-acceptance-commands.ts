/** How the commission's acceptance commands change a review's acceptance, and what the case records for each. */
import type { MediationCommand } from './model';
import { REVIEW_DECLINE_GROUNDS, type ReviewAcceptance } from './review-acceptance';

type AcceptanceCommand = Extract<MediationCommand, { action: 'acceptReview' | 'declineReview' | 'extendReview' }>;

export function applyReviewAcceptance(a: ReviewAcceptance, cmd: AcceptanceCommand, by: string, now: string) {
  switch (cmd.action) {
    case 'acceptReview':
      a.acceptedAt = now;
      a.noticeNo = cmd.payload.noticeNo?.trim() || null;
      return {
        type: 'review_accepted', summary: `仲裁委员会受理仲裁审查申请（${by}${a.noticeNo ? `，受理通知书${a.noticeNo}` : ''}），应于受理之日起五个工作日内审查终结（《劳动人事争议仲裁办案规则》第七十六条）`,
        data: { noticeNo: a.noticeNo },
      };
    case 'declineReview':
      a.declined = { ground: cmd.payload.ground, reason: cmd.payload.reason?.trim() || null };
      return {
        type: 'review_declined', summary: `仲裁委员会不予受理仲裁审查申请（${by}）：${REVIEW_DECLINE_GROUNDS[cmd.payload.ground]}${a.declined.reason ? `，${a.declined.reason}` : ''}（第七十五条）；转入仲裁`,
        data: { ground: cmd.payload.ground },
      };
    case 'extendReview':
      a.extension = { approvedBy: cmd.payload.approvedBy.trim(), reason: cmd.payload.reason.trim() };
      return {
        type: 'review_extended', summary: `审查期限经${a.extension.approvedBy}批准延长五个工作日（${by}登记）：${a.extension.reason}（第七十六条）`,
        data: { approvedBy: a.extension.approvedBy },
      };
  }
}
