/**
 * The arbitration commission's side of a review (劳动人事争议仲裁办案规则 2017): it first decides whether to accept the
 * application (Art. 75, with the cases it does not accept), then decides the review within five days of accepting it,
 * extendable by five with the approval of the commission's chair or whom they delegate (Art. 76); 五日 in the rules are
 * working days (Art. 81). Cases started before this was modelled go straight to the decision.
 */
export const REVIEW_DECLINE_GROUNDS = {
  outside_scope: '不属于仲裁委员会受理争议范围',
  jurisdiction: '不属于本仲裁委员会管辖',
  late: '超出规定的仲裁审查申请期间',
  employment_relationship: '属于确认劳动关系的争议',
  court_confirmed: '调解协议已经人民法院司法确认',
} as const;
export type ReviewDeclineGround = keyof typeof REVIEW_DECLINE_GROUNDS;

export const REVIEW_DAYS = { workingDays: 5 } as const;
export const REVIEW_EXTENDED_DAYS = { workingDays: 10 } as const;

export interface ReviewAcceptance {
  /** whether this review waits for acceptance first (cases from before it was modelled do not) */
  required: boolean;
  acceptedAt: string | null;
  /** 受理通知书 number, when the commission gave one */
  noticeNo: string | null;
  declined: { ground: ReviewDeclineGround; reason: string | null } | null;
  extension: { approvedBy: string; reason: string } | null;
}

export type ReviewAcceptancePayloads = {
  /** 受理仲裁审查申请 (Art. 75) */
  acceptReview: { noticeNo?: string };
  /** 不予受理 (Art. 75): the case goes on to arbitration */
  declineReview: { ground: ReviewDeclineGround; reason?: string };
  /** 延长审查期限五日 (Art. 76), with who approved it */
  extendReview: { approvedBy: string; reason: string };
};

export const REVIEW_ACCEPTANCE_LABELS: Record<keyof ReviewAcceptancePayloads, string> = {
  acceptReview: '受理仲裁审查申请',
  declineReview: '不予受理仲裁审查申请',
  extendReview: '延长审查期限（五日）',
};

/** Why the case transfers when the commission does not accept the application. */
export function declinedTransferReason(d: NonNullable<ReviewAcceptance['declined']>): string {
  return `仲裁委员会不予受理仲裁审查申请：${REVIEW_DECLINE_GROUNDS[d.ground]}${d.reason ? `（${d.reason}）` : ''}（《劳动人事争议仲裁办案规则》第七十五条）`;
}

/** Which step of the review the clerk is at: acceptance first (when required), then the decision. */
export function reviewPhase(a: ReviewAcceptance | null | undefined): 'accept' | 'decide' | 'declined' {
  if (a?.declined) return 'declined';
  return a?.required && !a.acceptedAt ? 'accept' : 'decide';
}
