/** The mediation case's live state and how each validated command changes it. Pure (no Temporal calls): unit-testable. */
import { applyPayment } from './payments';
import type { PartyFacts } from '../../../activities/types';
import { ROLE_LABELS } from '../../shared/roles';
import { claimBy, claimEvent, type Claim } from '../../shared/core-features/claim';
import { takeOverBy, takeOverEvent } from '../../shared/core-features/take-over';
import type {
  Agreement, CaseDocumentRef, DepartedWorker, EmployerParty, Extension, Installment, MediationCommand, MediationInput, MediationOutcome,
  MediationStage, ReviewDecision, Session, WorkerParty,
} from './model';
import { MEDIATION_STAGE_LABELS } from './model';
import type { ReviewAcceptance } from './review-acceptance';
import { applyReviewAcceptance } from './review-acceptance-commands';
import { correctParty, extendMediation, leaveCase } from './party-changes';
import { applyAfterAgreement, type AfterAgreementState } from './after-agreement';

export interface MediationState extends AfterAgreementState {
  stage: MediationStage;
  outcome: MediationOutcome | null;
  employer: EmployerParty;
  workers: WorkerParty[];
  /** elected by ten or more workers (party numbers); absent in cases from before it was recorded */
  representatives?: number[];
  /** codes texted again, by `<draft version>:<party number>` */
  codeResends?: Record<string, number>;
  sessions: Session[];
  agreement: Agreement | null;
  refusal: { side: 'worker' | 'employer'; reason: string } | null;
  submitted: boolean;
  review: ReviewDecision | null;
  rejection: { reason: string; next: 'mediation' | 'arbitration' } | null;
  /** why the last review was rejected: kept after the case went back to mediation, for the mediator's new draft */
  lastRejection?: string | null;
  /**
   * Drafts made so far, across rounds: a draft after a rejected review is a new version, so its codes and SMS are new
   * (each is keyed by version) and the earlier ones are worthless.
   */
  drafts?: number;
  installments: Installment[];
  documents: CaseDocumentRef[];
  created: boolean;
  /** the station's mediator who took the case (接单); absent in cases from before the pool could be claimed */
  claim?: Claim | null;
  /** the workers asked for a union legal-aid lawyer for the arbitration (absent in cases from before it could be asked) */
  legalAid?: { note: string | null; started: boolean } | null;
  /** the commission's acceptance of the current review application (absent in cases from before it was modelled) */
  reviewAcceptance?: ReviewAcceptance | null;
  /** workers who withdrew or were split off, and extensions by consent (absent in cases from before either could be) */
  departed?: DepartedWorker[];
  extensions?: Extension[];
}

export function initialMediationState(input: MediationInput): MediationState {
  return {
    stage: 'mediating', outcome: null, employer: input.intake.employer, workers: input.intake.workers, sessions: [],
    agreement: null, refusal: null, submitted: false, review: null, rejection: null, installments: [], documents: [], created: false,
  };
}

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

export function workerFacts(w: WorkerParty, agreedFen: number | null = null): PartyFacts {
  return { partyNo: w.partyNo, side: 'worker', name: w.name, phone: w.phone, idNumber: w.idNumber, claimedFen: w.claimedFen, agreedFen };
}

export function employerFacts(e: EmployerParty): PartyFacts {
  return { partyNo: e.partyNo, side: 'employer', name: e.name, phone: e.phone, enterpriseId: e.enterpriseId };
}

/** The name of a party of the case by its number (the employer is party 1), or null when it is none of them. */
export function partyName(s: Pick<MediationState, 'employer' | 'workers'>, partyNo: unknown): string | null {
  if (partyNo === s.employer.partyNo) return s.employer.name;
  return s.workers.find((w) => w.partyNo === partyNo)?.name ?? null;
}

/** Every party has confirmed the current draft: the agreement is reached (signed). */
export function agreementReached(s: MediationState): boolean {
  return s.agreement !== null && s.agreement.signedAt !== null;
}

export interface AppliedMediationCommand {
  type: string;
  summary: string;
  data: Record<string, unknown>;
  parties?: PartyFacts[];
}

/** `newCaseNo`: the number the workflow gave the case a worker is split off to. */
/** `defaultCourt`: the district's court (where the employer is registered), the enforcement court unless one was chosen. */
export function applyMediationCommand(s: MediationState, cmd: MediationCommand, now: string, newCaseNo?: string, defaultCourt = ''): AppliedMediationCommand {
  const by = cmd.actor.name;
  switch (cmd.action) {
    case 'withdrawWorker': case 'splitOffWorker': return leaveCase(s, cmd, now, newCaseNo);
    case 'extendMediation': return extendMediation(s, cmd, now);
    case 'correctParty': return correctParty(s, cmd);
    case 'recordPropertyLead': case 'chooseEnforcementCourt': case 'performWithoutReview': case 'recordPaymentOrder':
      return applyAfterAgreement(s, cmd, by, now, defaultCourt);
    case 'setWorkers': {
      // The employer is party 1; workers follow in the order the mediator listed them.
      // A list typed again on the page carries no claim items: a worker's items (and address) stay while their claim does.
      const before = new Map(s.workers.map((w) => [w.idNumber, w]));
      s.workers = cmd.payload.workers.map((w, i) => {
        const was = before.get(w.idNumber);
        const kept = was && !w.claims && was.claims && was.claimedFen === w.claimedFen ? { claims: was.claims } : {};
        return { ...(was?.address && !w.address ? { address: was.address } : {}), ...kept, ...w, partyNo: i + 2 };
      });
      // a new list numbers the workers anew: whoever was elected is recorded again from it, and the history says so
      const hadRepresentatives = !!s.representatives?.length;
      s.representatives = undefined;
      const claimed = s.workers.reduce((t, w) => t + w.claimedFen, 0);
      return { type: 'workers_registered', summary: `${by}登记申请调解的职工${s.workers.length}人，请求金额合计${yuan(claimed)}${hadRepresentatives ? '；名单已变，职工代表须重新登记' : ''}`, data: { count: s.workers.length, claimedFen: claimed }, parties: s.workers.map((w) => workerFacts(w)) };
    }
    case 'electRepresentatives': {
      s.representatives = [...cmd.payload.partyNos];
      const names = s.representatives.map((no) => s.workers.find((w) => w.partyNo === no)!.name);
      return { type: 'representatives_elected', summary: `${by}登记${s.workers.length}名职工推举的代表：${names.join('、')}`, data: { partyNos: s.representatives } };
    }
    case 'scheduleSession': {
      const { at, mode, place } = cmd.payload;
      const session: Session = { sessionNo: s.sessions.length + 1, at, mode, place: place ?? null, recorded: false, attendees: [], notes: null };
      s.sessions.push(session);
      return { type: 'session_scheduled', summary: `${by}安排第${session.sessionNo}次调解（${mode === 'online' ? '线上' : `现场：${place}`}）`, data: { sessionNo: session.sessionNo, at, mode } };
    }
    case 'recordSession': {
      const session = s.sessions.find((x) => x.sessionNo === cmd.payload.sessionNo)!;
      Object.assign(session, { recorded: true, attendees: [...cmd.payload.attendees], notes: cmd.payload.notes });
      return { type: 'session_recorded', summary: `${by}记录第${session.sessionNo}次调解：${session.attendees.length}方当事人参加。${cmd.payload.notes}`, data: { sessionNo: session.sessionNo, attendees: session.attendees } };
    }
    case 'draftAgreement': {
      const version = Math.max(s.drafts ?? 0, s.agreement?.version ?? 0) + 1;
      s.drafts = version;
      s.agreement = { ...cmd.payload, version, draftedAt: now, confirmedBy: [], signedAt: null };
      s.stage = 'confirming';
      const plan = cmd.payload.payment.kind === 'installments' ? `分${cmd.payload.payment.installments.length}期支付` : `于${cmd.payload.payment.dueDate}前一次性支付`;
      return { type: 'agreement_drafted', summary: `${by}拟定调解协议（第${version}稿）：${s.workers.length}名职工合计${yuan(cmd.payload.totalFen)}，${plan}；已向各方当事人发送确认码`, data: { version, totalFen: cmd.payload.totalFen } };
    }
    case 'confirmAgreement': {
      const a = s.agreement!;
      a.confirmedBy.push(cmd.payload.partyNo);
      const all = s.workers.length + 1;
      const name = partyName(s, cmd.payload.partyNo)!;
      let parties: PartyFacts[] | undefined;
      if (a.confirmedBy.length === all) {
        a.signedAt = now;
        const agreed = new Map(a.terms.map((t) => [t.partyNo, t.amountFen]));
        parties = s.workers.map((w) => workerFacts(w, agreed.get(w.partyNo) ?? 0));
      }
      const left = all - a.confirmedBy.length;
      return {
        type: 'agreement_confirmed',
        summary: `${ROLE_LABELS[cmd.actor.role]}${name}凭短信确认码确认调解协议（第${a.version}稿）${left === 0 ? '；各方均已确认，调解协议达成' : `，尚有${left}方未确认`}`,
        data: { partyNo: cmd.payload.partyNo, version: a.version, remaining: left }, parties,
      };
    }
    case 'recordSignature': {
      const { signedOn, signers, scan } = cmd.payload;
      s.agreement!.signature = { signedOn, signers, scan: { ...scan }, recordedBy: by, recordedAt: now };
      return { type: 'agreement_signed', summary: `${by}登记调解协议纸质文本已于${signedOn}签名盖章（${signers}），扫描件SHA-256：${scan.sha256.slice(0, 16)}…`, data: { signedOn, scanId: scan.id, sha256: scan.sha256 } };
    }
    case 'resendCode': {
      const a = s.agreement!;
      const key = `${a.version}:${cmd.payload.partyNo}`;
      s.codeResends = { ...s.codeResends, [key]: (s.codeResends?.[key] ?? 0) + 1 };
      const side = cmd.payload.partyNo === s.employer.partyNo ? '用人单位' : '职工';
      return { type: 'agreement_code_resent', summary: `${by}向${side}${partyName(s, cmd.payload.partyNo)}重新发送调解协议（第${a.version}稿）确认码`, data: { partyNo: cmd.payload.partyNo, version: a.version } };
    }
    case 'refuse':
      s.refusal = { side: cmd.payload.side, reason: cmd.payload.reason };
      return { type: 'mediation_refused', summary: `${cmd.payload.side === 'worker' ? '职工一方' : '用人单位一方'}拒绝调解（${by}登记）：${cmd.payload.reason}`, data: { side: cmd.payload.side } };
    case 'requestLegalAid':
      s.legalAid = { note: cmd.payload.note ?? null, started: false };
      return { type: 'legal_aid_requested', summary: `职工申请工会律师代理仲裁（${by}登记）${cmd.payload.note ? `：${cmd.payload.note}` : ''}；转入仲裁时转工会法律援助工作站`, data: {} };
    case 'submitForReview':
      s.submitted = true;
      return { type: 'review_submitted', summary: `${by}提交仲裁审查确认申请${cmd.payload.note ? `：${cmd.payload.note}` : ''}`, data: {} };
    case 'confirmReceipt': {
      const doc = s.documents.find((d) => d.id === cmd.payload.documentId)!;
      Object.assign(doc, { received: true, receivedBy: by, receivedAt: now });
      return { type: 'document_received', summary: `${ROLE_LABELS[cmd.actor.role]}${by}确认收到《${doc.title}》`, data: { documentId: doc.id, kind: doc.kind } };
    }
    case 'confirmReview':
      s.review = { number: cmd.payload.decisionNo, effectiveOn: cmd.payload.effectiveOn, confirmedBy: by };
      return { type: 'review_confirmed', summary: `仲裁院审查确认调解协议（${by}），出具调解书（${cmd.payload.decisionNo}），${cmd.payload.effectiveOn}生效`, data: { decisionNo: cmd.payload.decisionNo, effectiveOn: cmd.payload.effectiveOn } };
    case 'acceptReview': case 'declineReview': case 'extendReview':
      return applyReviewAcceptance(s.reviewAcceptance!, cmd, by, now);
    case 'rejectReview':
      s.rejection = { reason: cmd.payload.reason, next: cmd.payload.next };
      s.lastRejection = cmd.payload.reason;
      return { type: 'review_rejected', summary: `仲裁院不予确认调解协议（${by}）：${cmd.payload.reason}；${cmd.payload.next === 'mediation' ? '退回调解' : '转入仲裁'}`, data: { next: cmd.payload.next } };
    case 'claimTask':
      s.claim = claimBy(cmd.actor, cmd.payload.taskId);
      return claimEvent(s.claim);
    case 'takeOver': {
      const from = s.claim!.name;
      s.claim = claimBy(cmd.actor, s.claim!.taskId);
      const t = takeOverEvent(takeOverBy(cmd.actor, s.stage), MEDIATION_STAGE_LABELS[s.stage], cmd.payload.reason);
      return { ...t, summary: `${t.summary}（原由${from}接单办理）`, data: { ...t.data, from } };
    }
    case 'recordPayment': {
      const due = s.installments.find((i) => i.no === cmd.payload.installmentNo)!;
      const carried = applyPayment(s.installments, due.no, cmd.payload.paidFen);
      const rest = due.amountFen - due.paidFen;
      const ahead = carried.length ? `，多付的${carried.map((c) => `${yuan(c.fen)}计入第${c.no}期`).join('、')}` : '';
      return {
        type: 'payment_recorded', summary: `${by}登记第${due.no}期付款${yuan(cmd.payload.paidFen)}${rest > 0 ? `，尚欠${yuan(rest)}` : '，本期已付清'}${ahead}`,
        data: { installmentNo: due.no, paidFen: cmd.payload.paidFen, remainingFen: rest, ...(carried.length ? { carriedForward: carried } : {}) },
      };
    }
  }
}
