/** The legal-aid case's live state and how each validated command changes it. Pure: the rules have passed already. */
import type { PartyFacts } from '../../../activities/types';
import type {
  AidedWorkerParty, Assignment, CaseDocumentRef, DebtorParty, DelegatedResult, EvidenceItem, InstallmentPlan, LegalAidCommand,
  LegalAidInput, LegalAidOutcome, LegalAidStage, MeansTest, PaymentReceipt, ProceduralClock, Proceeding, Settlement, SupportRequest,
} from './model';
import { LEGAL_AID_OUTCOME_LABELS, MEANS_GROUNDS, PROCEEDING_LABELS, RESULT_LABELS } from './model';

export interface LegalAidState {
  stage: LegalAidStage;
  outcome: LegalAidOutcome | null;
  workers: AidedWorkerParty[];
  debtors: DebtorParty[];
  meansTest: MeansTest | null;
  decision: { granted: boolean; reason: string | null; overrideReason: string | null; by: string; at: string } | null;
  decideBy: string | null;
  assignBy: string | null;
  assignments: Assignment[];
  evidence: EvidenceItem[];
  settlement: Settlement | null;
  support: SupportRequest | null;
  /** the support request's letter went out (sent once, before the procurator's step) */
  supportSent: boolean;
  proceedings: Proceeding[];
  /** the filing document of each proceeding went out (by proceeding number) */
  filed: number[];
  /** the lawyer accepted the last result: no further proceeding on it */
  resultAccepted: boolean;
  clocks: ProceduralClock[];
  plan: InstallmentPlan | null;
  payments: PaymentReceipt[];
  delegated: DelegatedResult | null;
  documents: CaseDocumentRef[];
  rating: number | null;
  ratingComment: string | null;
  closingNote: string | null;
  created: boolean;
}

export function initialLegalAidState(input: LegalAidInput): LegalAidState {
  return {
    stage: input.intake.source === 'court_delegated' ? 'assigning' : 'screening', outcome: null,
    workers: input.intake.workers, debtors: input.intake.debtors, meansTest: null, decision: null, decideBy: null, assignBy: null,
    assignments: [], evidence: [], settlement: null, support: null, supportSent: false, proceedings: [], filed: [],
    resultAccepted: false, clocks: [], plan: null, payments: [], delegated: null, documents: [], rating: null, ratingComment: null,
    closingNote: null, created: false,
  };
}

export const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

export function workerFacts(w: AidedWorkerParty): PartyFacts {
  return { partyNo: w.partyNo, side: 'worker', name: w.name, phone: w.phone, idNumber: w.idNumber, claimedFen: w.claimedFen, agreedFen: null };
}

export function debtorFacts(d: DebtorParty): PartyFacts {
  return { partyNo: d.partyNo, side: 'employer', name: d.name, phone: null, enterpriseId: d.enterpriseId };
}

export const claimedTotal = (s: Pick<LegalAidState, 'workers'>) => s.workers.reduce((t, w) => t + w.claimedFen, 0);
export const recoveredTotal = (s: Pick<LegalAidState, 'payments'>) => s.payments.reduce((t, p) => t + p.amountFen, 0);

/** The assignment waiting for its conflict check (one at a time). */
export const checkingAssignment = (s: Pick<LegalAidState, 'assignments'>) => s.assignments.find((a) => a.status === 'checking');
/** The assignment the lawyer has to accept, or has accepted. */
export const currentAssignment = (s: Pick<LegalAidState, 'assignments'>) =>
  [...s.assignments].reverse().find((a) => a.status === 'assigned' || a.status === 'accepted');
export const lawyerOf = (s: Pick<LegalAidState, 'assignments'>) => s.assignments.find((a) => a.status === 'accepted')?.lawyer ?? null;

export const lastProceeding = (s: Pick<LegalAidState, 'proceedings'>): Proceeding | undefined => s.proceedings[s.proceedings.length - 1];
/** The proceeding still running: filed, no result yet. */
export const runningProceeding = (s: Pick<LegalAidState, 'proceedings'>) => {
  const p = lastProceeding(s);
  return p && !p.result ? p : undefined;
};

/** What the debtors owe the workers now: the plan's total, else the last decision's award, else the settlement. */
export function owedFen(s: Pick<LegalAidState, 'plan' | 'proceedings' | 'settlement'>): number {
  if (s.plan) return s.plan.installments.reduce((t, i) => t + i.amountFen, 0);
  const decided = [...s.proceedings].reverse().find((p) => p.type !== 'enforcement' && p.result);
  if (decided) return decided.result!.awardedFen;
  return s.settlement?.result === 'settled' ? s.settlement.amountFen : 0;
}

export const debtorName = (s: Pick<LegalAidState, 'debtors'>, partyNo: number) => s.debtors.find((d) => d.partyNo === partyNo)?.name ?? `第${partyNo}号当事人`;

export interface AppliedLegalAidCommand {
  type: string;
  summary: string;
  data: Record<string, unknown>;
}

/** Changes the state for a command the rules accepted; returns the event it is recorded as. */
export function applyLegalAidCommand(s: LegalAidState, cmd: LegalAidCommand, at: string): AppliedLegalAidCommand {
  const p = cmd.payload ?? {};
  const by = cmd.actor.name;
  switch (cmd.action) {
    case 'recordMeansTest': {
      const passed = p.ground === 'means_tested' ? p.passed === true : true;
      s.meansTest = { ground: p.ground, passed, note: p.note ?? null, by, at };
      return { type: 'means_test_recorded', summary: `经济困难审查：${MEANS_GROUNDS[p.ground as keyof typeof MEANS_GROUNDS]}${passed ? '，符合条件' : '，不符合经济困难标准'}${p.note ? `（${p.note}）` : ''}`, data: { ground: p.ground, passed } };
    }
    case 'grantAid':
      s.decision = { granted: true, reason: null, overrideReason: p.overrideReason ?? null, by, at };
      return { type: 'aid_granted', summary: `决定给予法律援助${p.overrideReason ? `（未通过经济困难审查，经批准给予援助，理由：${p.overrideReason}）` : ''}`, data: { override: !!p.overrideReason } };
    case 'refuseAid':
      s.decision = { granted: false, reason: p.reason, overrideReason: null, by, at };
      return { type: 'aid_refused', summary: `决定不予法律援助：${p.reason}`, data: { reason: p.reason } };
    case 'completeWorker': {
      const w = s.workers.find((x) => x.partyNo === p.partyNo)!;
      w.idNumber = p.idNumber;
      if (p.phone) w.phone = p.phone;
      return { type: 'worker_completed', summary: `补全职工${w.name}的身份证号码${p.phone ? '和手机号码' : ''}`, data: { partyNo: w.partyNo } };
    }
    case 'assignLawyer': {
      const no = s.assignments.length + 1;
      s.assignments.push({ no, lawyerUserId: p.lawyerUserId, lawyer: null, status: 'checking', conflicts: [], overrideReason: p.overrideReason ?? null, assignedAt: at, acceptBy: null, reason: null });
      return { type: 'lawyer_proposed', summary: `拟指派律师（第${no}次指派），正在进行利益冲突审查`, data: { lawyerUserId: p.lawyerUserId, override: !!p.overrideReason } };
    }
    case 'acceptAssignment': {
      const a = currentAssignment(s)!;
      a.status = 'accepted';
      return { type: 'assignment_accepted', summary: `${by}接受指派，代理本案`, data: { assignmentNo: a.no } };
    }
    case 'declineAssignment': {
      const a = currentAssignment(s)!;
      a.status = 'declined';
      a.reason = p.reason;
      return { type: 'assignment_declined', summary: `${by}拒绝指派：${p.reason}`, data: { assignmentNo: a.no, reason: p.reason } };
    }
    case 'recordEvidence':
      s.evidence = p.items;
      return { type: 'evidence_recorded', summary: `证据清单：职工持有${p.items.filter((i: EvidenceItem) => i.holder === 'worker').length}项，需用人单位提供${p.items.filter((i: EvidenceItem) => i.holder === 'employer').length}项`, data: { count: p.items.length } };
    case 'recordSettlement':
      s.settlement = { result: p.result, amountFen: p.result === 'settled' ? p.amountFen : 0, note: p.note, at };
      return { type: 'settlement_recorded', summary: p.result === 'settled' ? `与用人单位协商和解，约定支付${yuan(p.amountFen)}：${p.note}` : `与用人单位协商未果：${p.note}`, data: { result: p.result, amountFen: s.settlement.amountFen } };
    case 'requestSupport':
      s.support = { requestedAt: at, reasons: p.reasons, decision: null };
      return { type: 'support_requested', summary: `申请检察院支持起诉：${p.reasons}`, data: {} };
    case 'decideSupport':
      s.support!.decision = { support: p.support, letterNo: p.letterNo ?? null, reason: p.reason, by, at };
      return { type: p.support ? 'support_granted' : 'support_declined', summary: p.support ? `检察院决定支持起诉${p.letterNo ? `（${p.letterNo}）` : ''}：${p.reason}` : `检察院决定不支持起诉：${p.reason}`, data: { support: p.support, letterNo: p.letterNo ?? null } };
    case 'fileProceeding': {
      const no = s.proceedings.length + 1;
      s.proceedings.push({ no, type: p.type, institution: p.institution, externalNo: null, filedOn: p.filedOn, acceptedOn: null, extended: false, claimedFen: p.claimedFen, requests: p.requests, facts: p.facts, result: null, recoveredFen: 0 });
      s.resultAccepted = false;
      return { type: 'proceeding_filed', summary: `${p.filedOn}向${p.institution}提起${PROCEEDING_LABELS[p.type as keyof typeof PROCEEDING_LABELS]}，请求金额${yuan(p.claimedFen)}`, data: { proceedingNo: no, type: p.type, claimedFen: p.claimedFen } };
    }
    case 'recordAcceptance': {
      const r = runningProceeding(s)!;
      r.externalNo = p.externalNo;
      r.acceptedOn = p.acceptedOn;
      return { type: 'proceeding_accepted', summary: `${r.institution}于${p.acceptedOn}受理（案号${p.externalNo}）`, data: { proceedingNo: r.no, externalNo: p.externalNo } };
    }
    case 'extendAward': {
      const r = runningProceeding(s)!;
      r.extended = true;
      return { type: 'award_extended', summary: `仲裁委员会批准延长审理期限15日：${p.reason}`, data: { proceedingNo: r.no } };
    }
    case 'recordResult': {
      const r = runningProceeding(s)!;
      r.result = { kind: p.kind, decidedOn: p.decidedOn, servedOn: p.servedOn, awardedFen: p.awardedFen, summary: p.summary, final: p.final === true };
      return { type: 'result_recorded', summary: `${PROCEEDING_LABELS[r.type]}${RESULT_LABELS[r.result.kind]}（${p.servedOn}送达）：支持${yuan(p.awardedFen)}（请求${yuan(r.claimedFen)}）。${p.summary}`, data: { proceedingNo: r.no, kind: p.kind, awardedFen: p.awardedFen, claimedFen: r.claimedFen } };
    }
    case 'acceptResult':
      s.resultAccepted = true;
      return { type: 'result_accepted', summary: `不再上诉或起诉，裁判结果进入履行${p.note ? `：${p.note}` : ''}`, data: {} };
    case 'setInstallments': {
      s.plan = { debtorPartyNos: p.debtorPartyNos, installments: p.installments.map((i: { dueDate: string; amountFen: number }, n: number) => ({ no: n + 1, ...i })) };
      const names = p.debtorPartyNos.map((n: number) => debtorName(s, n)).join('、');
      return { type: 'installments_set', summary: `分期履行方案：${p.installments.length}期，共${yuan(owedFen(s))}，由${names}${p.debtorPartyNos.length > 1 ? '承担连带责任' : '支付'}`, data: { count: p.installments.length, debtorPartyNos: p.debtorPartyNos } };
    }
    case 'recordReceipt': {
      const no = s.payments.length + 1;
      s.payments.push({ no, debtorPartyNo: p.debtorPartyNo, amountFen: p.amountFen, paidOn: p.paidOn, recordedBy: by });
      const last = lastProceeding(s);
      if (last) last.recoveredFen += p.amountFen;
      return { type: 'payment_received', summary: `${p.paidOn}收到${debtorName(s, p.debtorPartyNo)}支付${yuan(p.amountFen)}，累计回款${yuan(recoveredTotal(s))}`, data: { debtorPartyNo: p.debtorPartyNo, amountFen: p.amountFen } };
    }
    case 'recordDelegatedResult':
      s.delegated = { result: p.result, totalFen: p.result === 'agreed' ? p.totalFen : 0, payment: p.payment ?? null, reasons: p.reasons ?? [], at };
      return { type: 'delegated_result', summary: p.result === 'agreed' ? `诉前调解达成协议：${yuan(p.totalFen)}，${p.payment}` : `诉前调解不成：${(p.reasons ?? []).join('；')}`, data: { result: p.result } };
    case 'closeCase':
      s.outcome = p.outcome;
      s.closingNote = p.note;
      return { type: 'case_concluded', summary: `结案：${LEGAL_AID_OUTCOME_LABELS[p.outcome as LegalAidOutcome]}，累计回款${yuan(recoveredTotal(s))}。${p.note}`, data: { outcome: p.outcome, recoveredFen: recoveredTotal(s) } };
    case 'confirmReceipt': {
      const d = s.documents.find((x) => x.id === p.documentId)!;
      d.received = true;
      d.receivedBy = by;
      d.receivedAt = at;
      return { type: 'document_received', summary: `${by}确认收到《${d.title}》`, data: { documentId: d.id } };
    }
    case 'rateCase':
      s.rating = p.rating;
      s.ratingComment = p.comment ?? null;
      return { type: 'rated', summary: `职工评价：${p.rating}星${p.comment ? `，${p.comment}` : ''}`, data: { rating: p.rating } };
  }
}
