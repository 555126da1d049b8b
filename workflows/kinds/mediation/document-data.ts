/**
 * The data of each legal document of a mediation case, made from the case's state alone (activities/documents renders
 * it). Pure, so the same state always gives the same document.
 */
import type {
  CaseFileData, EnforcementApplicationData, PaymentOrderApplicationData, WorkersArbitrationApplicationData, SessionRecord, MediationAgreementData, PaymentTerms, ReviewApplicationData, TransferLetterData, Worker,
} from '../../../activities/documents/types';
import { shanghaiDate } from '../../shared/deadlines';
import type { Agreement, MediationIntake, MediationView } from './model';
import { claimItemName } from './claim-items';
import { partyName, type MediationState } from './state';
import { COURT_BASES, PROPERTY_LEAD_KINDS, type CourtBasis } from './after-agreement';

export interface DocumentContext {
  intake: MediationIntake;
  s: MediationState;
  stationName: string;
  mediatorName: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  issuedOn: string;
  /**
   * Electing representatives is the workers' choice (劳动争议调解仲裁法 Art. 7): a group that elected none is named in
   * full and every worker signs. Not set in cases whose history predates the choice: their documents name the first
   * three, as they always did.
   */
  electionOptional?: boolean;
}

function paymentTerms(a: Agreement): PaymentTerms {
  return a.payment.kind === 'lump-sum' ? { kind: 'lump-sum', dueDate: a.payment.dueDate } : { kind: 'installments', installments: a.payment.installments.map((i) => ({ ...i })) };
}

function workersOf(s: MediationState): Worker[] {
  const agreed = new Map((s.agreement?.terms ?? []).map((t) => [t.partyNo, t.amountFen]));
  return s.workers.map((w) => ({
    name: w.name, idNumber: w.idNumber, claimedFen: w.claimedFen, agreedFen: agreed.get(w.partyNo) ?? 0,
    ...(w.address ? { address: w.address } : {}), ...(w.phone ? { phone: w.phone } : {}),
    ...(w.claims?.length ? { claims: w.claims.map((x) => ({ item: claimItemName(x), amountFen: x.amountFen })) } : {}),
  }));
}

/**
 * The parties as every document names them; `fullIds` for what goes to the institute or the court (DOMAIN: masking
 * belongs on outsiders' pages and on what is published, not on a filing).
 */
function base(c: DocumentContext, fullIds = true) {
  // as corrected by the mediator, if it was
  const e = c.s.employer ?? c.intake.employer;
  const elected = c.s.representatives ?? (c.electionOptional ? [] : undefined);
  return {
    station: { name: c.stationName },
    employer: { name: e.name, creditCode: e.creditCode, address: e.address, representative: e.representative },
    workers: workersOf(c.s),
    dispute: c.intake.dispute,
    ...(c.intake.facts ? { facts: c.intake.facts } : {}),
    issuedOn: c.issuedOn,
    fullIds,
    // the elected, by their place in the list; cases from before the election was recorded keep the documents' default
    ...(elected ? { representatives: elected.map((no) => c.s.workers.findIndex((w) => w.partyNo === no) + 1) } : {}),
  };
}

/** The documents of a transfer: a case transferred before its workers elected anyone names nobody for them, rather than whoever is listed first. */
function transferBase(c: DocumentContext) {
  const b = base(c);
  return { ...b, representatives: b.representatives ?? [] };
}

const appliedOn = (c: DocumentContext) => shanghaiDay(c.intake.appliedAt);
const shanghaiDay = (iso: string) => shanghaiDate(Date.parse(iso));
const PAYMENT_METHOD_DEFAULT = '以银行转账方式支付至各申请人本人银行账户';

/** The day the agreement bears: the paper's signing, else the last party's consent, else (a draft) the day it was drafted. */
export function agreementDate(a: Agreement): string {
  return a.signature?.signedOn ?? shanghaiDay(a.signedAt ?? a.draftedAt);
}

/** The agreement as filed with the review (`fullIds`), or as a party's own copy (masked: it names the other workers). */
export function agreementData(c: DocumentContext, fullIds = true): MediationAgreementData {
  const a = c.s.agreement!;
  return {
    ...base(c, fullIds), issuedOn: agreementDate(a), mediator: { name: c.mediatorName }, appliedOn: appliedOn(c),
    paymentMethod: a.paymentMethod || PAYMENT_METHOD_DEFAULT, terms: paymentTerms(a),
  };
}

export function reviewApplicationData(c: DocumentContext, arbitrationName: string): ReviewApplicationData {
  const a = c.s.agreement!;
  const sig = a.signature;
  return {
    ...base(c), mediator: { name: c.mediatorName }, addressedTo: arbitrationName, agreementSignedOn: agreementDate(a),
    signature: sig ? { signedOn: sig.signedOn, signers: sig.signers, sha256: sig.scan.sha256 } : null, consentedParties: a.confirmedBy.length,
    paymentMethod: a.paymentMethod || PAYMENT_METHOD_DEFAULT, terms: paymentTerms(a),
  };
}

export function transferLetterData(c: DocumentContext, arbitrationName: string, reasons: string[], withCaseFile = false): TransferLetterData {
  const held = c.s.sessions.filter((x) => x.recorded).length;
  const attachments = withCaseFile
    ? [`调解案卷材料（调解申请、当事人、调解记录${held}次、调解不成的原因）`, '当事人身份证明材料']
    : ['劳动争议调解申请书', `调解记录（${held}次）`, '当事人身份证明材料'];
  if (c.s.representatives?.length) attachments.push('推举书（附后）');
  if (c.s.directPerformance && c.s.agreement) {
    const agreedOn = agreementDate(c.s.agreement);
    return { ...transferBase(c), mediator: { name: c.mediatorName }, addressedTo: arbitrationName, appliedOn: appliedOn(c), reasons, ground: 'not_performed', agreedOn, attachments: [...attachments, '调解协议书'] };
  }
  const ground = c.s.refusal || c.s.rejection || c.intake.directToArbitration ? 'other' : 'deadline';
  return { ...transferBase(c), mediator: { name: c.mediatorName }, addressedTo: arbitrationName, appliedOn: appliedOn(c), reasons, ground, attachments };
}

/** The workers' own application for arbitration, made with the transfer letter for them to sign (Art. 28). */
export function workersApplicationData(c: DocumentContext, arbitrationName: string, reasons: string[]): WorkersArbitrationApplicationData {
  const commission = arbitrationName.replace(/仲裁院$/, '仲裁委员会');
  const agreed = c.s.directPerformance && c.s.agreement ? { agreedOn: agreementDate(c.s.agreement) } : {};
  return { ...transferBase(c), addressedTo: commission, appliedOn: appliedOn(c), reasons: reasons.map((r) => r.replace(/[。；]$/, '')), ...agreed };
}

/** How the case reached the station, as the case file says it after 申请人于<date>. */
function sourceText(intake: MediationIntake): string {
  switch (intake.source) {
    case 'grievance': return `经工会维权诉求（${intake.parentCaseNo}）转调解站调解`;
    case 'referral': return `经仲裁院委托调解${intake.referralNo ? `（委托编号${intake.referralNo}）` : ''}`;
    default: return '到调解站申请调解';
  }
}

/** Who took part in a session: every name for a small case, the first few and the count for a large group. */
function attendeeText(s: MediationState, partyNos: number[]): string {
  const names = partyNos.map((no) => partyName(s, no) ?? `当事人${no}`);
  return names.length > 8 ? `${names.slice(0, 5).join('、')}等${names.length}方` : names.join('、');
}

function sessionRecords(s: MediationState): SessionRecord[] {
  return s.sessions.map((x) => {
    const local = new Date(Date.parse(x.at) + 8 * 3_600_000).toISOString();
    return {
      on: local.slice(0, 10), time: local.slice(11, 16), how: x.mode === 'online' ? '线上调解' : `现场调解（${x.place ?? '调解站'}）`,
      recorded: x.recorded, attendees: x.recorded ? attendeeText(s, x.attendees) : '', notes: x.notes ?? '',
    };
  });
}

/** The case file handed over with the transfer letter (Art. 14: the application, the parties, every session). */
export function caseFileData(c: DocumentContext, arbitrationName: string, reasons: string[]): CaseFileData {
  return {
    ...transferBase(c), mediator: { name: c.mediatorName }, addressedTo: arbitrationName,
    appliedOn: appliedOn(c), source: sourceText(c.intake), sessions: sessionRecords(c.s), reasons,
  };
}

/** What each worker was paid so far: the payments in proportion to what each was agreed (the last worker takes the rest). */
function paidShares(s: MediationState): number[] {
  const total = s.agreement!.totalFen;
  const paid = s.installments.reduce((t, i) => t + i.paidFen, 0);
  const agreed = workersOf(s).map((w) => w.agreedFen);
  const shares = agreed.map((a) => Math.floor((paid * a) / total));
  if (shares.length > 0) shares[shares.length - 1] += paid - shares.reduce((t, x) => t + x, 0);
  return shares;
}

/**
 * `court.basis`: why this court (the application lists the property leads with it); absent in cases that applied
 * before the court could be chosen, whose application stays as it was.
 */
export function enforcementData(c: DocumentContext, courtName: string, arbitrationName: string, missed: { dueDate: string; paidFen: number }, court?: { basis: CourtBasis }): EnforcementApplicationData {
  const shares = paidShares(c.s);
  const review = c.s.review!;
  return {
    ...base(c),
    workers: workersOf(c.s).map((w, i) => ({ ...w, paidFen: shares[i] })),
    court: courtName,
    basis: { title: '调解书', number: review.number, issuedBy: arbitrationName, effectiveOn: review.effectiveOn },
    terms: paymentTerms(c.s.agreement!),
    missed,
    ...(court ? {
      courtBasis: COURT_BASES[court.basis],
      propertyLeads: (c.s.propertyLeads ?? []).map((l) => ({ kind: PROPERTY_LEAD_KINDS[l.kind], detail: l.detail, location: l.location })),
    } : {}),
  };
}

/** 支付令申请书 (Art. 16): what is owed under the agreement itself, never reviewed. */
export function paymentOrderData(c: DocumentContext, courtName: string, missed: { dueDate: string; paidFen: number }): PaymentOrderApplicationData {
  const shares = paidShares(c.s);
  return {
    ...base(c),
    workers: workersOf(c.s).map((w, i) => ({ ...w, paidFen: shares[i] })),
    court: courtName, agreementSignedOn: agreementDate(c.s.agreement!), terms: paymentTerms(c.s.agreement!), missed,
  };
}

/**
 * A party's own copy of the agreement, from the live view (the confirmation page): the same text the institute gets,
 * with the identity numbers masked, since every party's copy names all the workers.
 */
export function partyCopyData(view: MediationView, dispute: string, stationName: string, mediatorName: string): MediationAgreementData {
  const s = { ...view, representatives: view.representatives ?? undefined } as unknown as MediationState;
  const intake = { employer: view.employer, dispute, appliedAt: view.appliedAt } as MediationIntake;
  return agreementData({ intake, s, stationName, mediatorName, issuedOn: agreementDate(view.agreement!), electionOptional: true }, false);
}
