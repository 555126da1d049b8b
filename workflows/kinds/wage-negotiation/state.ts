/**
 * A wage round's state and how each accepted command changes it. Pure: the workflow holds the state, the rules
 * (rules.ts) decide first whether a command may change it at all.
 */
import { claimBy, claimEvent } from '../../shared/core-features/claim';
import type { AppliedCommand } from '../../shared/case-runner';
import { SERVICE_LABELS, SIDE_LABELS, SUPERVISORS, type WageCommand, type WageRoundInput, type WageRoundView } from './model';

export type WageState = Omit<WageRoundView, 'kind' | 'caseNo' | 'status' | 'openTasks' | 'districtId' | 'streetId' | 'asOf'
  | 'enterpriseId' | 'enterpriseName' | 'unionUnitId' | 'hrUnitId' | 'year' | 'plannedStart' | 'postCount' | 'removedPostNos'
  | 'suggestions' | 'comments' | 'removedPosts'> & {
  created: boolean;
  /** each post's kind, by number less one (wage_posts.post_no), removed ones included */
  postKinds: ('suggestion' | 'comment')[];
  /** posts removed by moderation, by number: a second removal is refused */
  removed: number[];
  /** a pooled service task taken by a mentor: the step reads it as its assignee */
  claims: ReturnType<typeof claimBy>[];
};

export function initialWageState(_input: WageRoundInput): WageState {
  return {
    created: false, stage: 'planned', outcome: null, request: null, supervision: [], offers: [], impasse: null, agreedOfferNo: null,
    votes: [], signing: null, filing: null, objections: [], effectiveOn: null, services: [], mentors: [],
    documents: [], closingNote: null, postKinds: [], removed: [], claims: [],
  };
}

/** The posts as the view counts them, from each post's kind and the numbers moderation removed. */
export function postCounts(s: Pick<WageState, 'postKinds' | 'removed'>) {
  const kept = s.postKinds.filter((_, i) => !s.removed.includes(i + 1));
  return {
    suggestions: kept.filter((k) => k === 'suggestion').length, comments: kept.filter((k) => k === 'comment').length,
    removedPosts: s.removed.length, postCount: s.postKinds.length, removedPostNos: s.removed,
  };
}

export const unionRounds = (s: Pick<WageState, 'offers'>) => s.offers.filter((o) => o.side === 'union').length;
export const agreedOffer = (s: Pick<WageState, 'offers' | 'agreedOfferNo'>) => s.offers.find((o) => o.offerNo === s.agreedOfferNo) ?? null;
export const clausesText = (clauses: { item: string; terms: string }[]) => clauses.map((c, i) => `${i + 1}. ${c.item}：${c.terms}`).join('\n');

/** What the command did, for its event; `now` is the workflow's time. */
export function applyWageCommand(s: WageState, cmd: WageCommand, now: string): AppliedCommand {
  const p = cmd.payload ?? {};
  const by = cmd.actor.name;
  switch (cmd.action) {
    case 'requestNegotiation':
      s.request = { from: p.from, sentOn: p.sentOn, note: p.note ?? '', answerBy: null, answer: null };
      s.stage = 'requested';
      return { type: 'negotiation_requested', summary: `${SIDE_LABELS[p.from as 'union']}于${p.sentOn}发出书面协商要约${p.note ? `：${p.note}` : ''}`, data: { from: p.from, sentOn: p.sentOn } };
    case 'recordAnswer':
      s.request!.answer = { agreed: p.agreed, on: p.answeredOn, note: p.note ?? '' };
      if (p.agreed) s.stage = 'negotiating';
      return {
        type: p.agreed ? 'negotiation_answered' : 'negotiation_refused',
        summary: `对方于${p.answeredOn}${p.agreed ? '同意进行协商' : '拒绝协商'}${p.note ? `：${p.note}` : ''}`, data: { agreed: p.agreed, answeredOn: p.answeredOn },
      };
    case 'makeOffer': {
      const offerNo = s.offers.length + 1;
      const round = unionRounds(s) + (p.side === 'union' ? 1 : 0);
      s.offers.push({ offerNo, side: p.side, round: Math.max(round, 1), clauses: p.clauses, note: p.note ?? '', by, at: now });
      const kind = offerNo === 1 ? '协商方案' : p.side === 'union' ? '职工方报价' : '企业方回应';
      return { type: 'offer_made', summary: `${SIDE_LABELS[p.side as 'union']}提出第${offerNo}份${kind}（${p.clauses.length}项条款）：${clausesText(p.clauses)}`, data: { offerNo, side: p.side, clauses: p.clauses } };
    }
    case 'reachAgreement':
      s.agreedOfferNo = p.offerNo;
      s.stage = 'congress';
      return { type: 'agreement_reached', summary: `双方就第${p.offerNo}份方案达成一致，形成工资专项集体合同草案，提交职工代表大会审议`, data: { offerNo: p.offerNo } };
    case 'recordCongressVote': {
      const passed = p.present * 3 >= p.representatives * 2 && p.inFavour * 2 > p.representatives;
      s.votes.push({ heldOn: p.heldOn, representatives: p.representatives, present: p.present, inFavour: p.inFavour, passed, at: now });
      s.stage = passed ? 'signing' : 'negotiating';
      if (!passed) s.agreedOfferNo = null;
      const why = p.present * 3 < p.representatives * 2 ? '出席代表不足应到代表的三分之二' : '赞成票未超过全体代表的半数';
      return {
        type: passed ? 'congress_passed' : 'congress_rejected',
        summary: `职工代表大会于${p.heldOn}审议：代表${p.representatives}人，出席${p.present}人，赞成${p.inFavour}人，${passed ? '草案通过' : `草案未通过（${why}），退回重新协商`}`,
        data: { representatives: p.representatives, present: p.present, inFavour: p.inFavour, passed },
      };
    }
    case 'recordSigning':
      s.signing = { signedOn: p.signedOn, unionSignatory: p.unionSignatory, employerSignatory: p.employerSignatory, fileBy: '' };
      s.stage = 'filing';
      return { type: 'contract_signed', summary: `双方首席代表于${p.signedOn}签订工资专项集体合同（职工方：${p.unionSignatory}；企业方：${p.employerSignatory}）`, data: { signedOn: p.signedOn } };
    case 'fileWithHr':
      s.filing = { filedOn: p.filedOn, objectionBy: '' };
      s.stage = 'review';
      return { type: 'contract_filed', summary: `合同文本于${p.filedOn}报送人力社保部门审查`, data: { filedOn: p.filedOn } };
    case 'recordHrObjection':
      s.objections.push({ reason: p.reason, by, at: now });
      s.filing = null;
      s.signing = null;
      s.agreedOfferNo = null;
      s.stage = 'negotiating';
      return { type: 'hr_objection', summary: `人力社保部门提出审查意见：${p.reason}。双方应就意见重新协商`, data: { reason: p.reason } };
    case 'recordSupervision': {
      const t = s.supervision.find((x) => x.taskId === p.taskId)!;
      t.note = p.note;
      t.by = by;
      return { type: 'supervision_recorded', summary: `${SUPERVISORS[t.party]}督导情况：${p.note}`, data: { taskId: t.taskId, party: t.party } };
    }
    case 'requestService': {
      const requestNo = s.services.length + 1;
      s.services.push({
        requestNo, service: p.service, note: p.note, taskId: null, takenBy: null, legalAidCaseNo: null, done: false,
        ...(p.service === 'legal_aid' ? { applicant: { name: p.applicantName, phone: p.applicantPhone } } : {}),
      });
      return { type: 'service_requested', summary: `企业工会申请${SERVICE_LABELS[p.service as 'mentor']}服务：${p.note}`, data: { requestNo, service: p.service } };
    }
    case 'recordServiceDone': {
      const r = s.services.find((x) => x.requestNo === p.requestNo)!;
      r.done = true;
      r.takenBy ??= by;
      return { type: 'service_done', summary: `${SERVICE_LABELS[r.service]}服务已完成：${p.note}`, data: { requestNo: r.requestNo } };
    }
    case 'claimTask': {
      const c = claimBy(cmd.actor, p.taskId);
      s.claims.push(c);
      const r = s.services.find((x) => x.taskId === p.taskId);
      if (r) {
        r.takenBy = by;
        r.takenByUserId = cmd.actor.userId;
      }
      if (cmd.actor.role === 'negotiation_mentor' && !s.mentors.some((m) => m.userId === cmd.actor.userId)) {
        s.mentors.push({ userId: cmd.actor.userId!, name: by, since: now });
      }
      return claimEvent(c, r ? `${SERVICE_LABELS[r.service]}服务申请` : undefined);
    }
    case 'moderatePost':
      s.removed.push(p.postNo);
      return { type: 'post_removed', summary: `删除职工第${p.postNo}条留言：${p.reason}`, data: { postNo: p.postNo, reason: p.reason } };
    case 'postSuggestion': {
      s.postKinds.push(p.kind);
      return { type: p.kind === 'suggestion' ? 'suggestion_posted' : 'comment_posted', summary: `职工（${p.phoneMasked}）在协商码页面发表${p.kind === 'suggestion' ? '建议' : '评论'}`, data: { postNo: s.postKinds.length, kind: p.kind } };
    }
    case 'closeRound':
      s.outcome = 'not_held';
      s.closingNote = p.reason;
      return { type: 'round_closed', summary: `结束本年度工资集体协商（未达成）：${p.reason}`, data: { reason: p.reason } };
    case 'confirmReceipt': {
      const d = s.documents.find((x) => x.id === p.documentId)!;
      d.received = true;
      d.receivedBy = by;
      d.receivedAt = now;
      return { type: 'document_received', summary: `${by}确认收到《${d.title}》`, data: { documentId: d.id } };
    }
  }
}
