/**
 * Changes to who is in a mediation and how they are known (issue 21, "one worker must not hold 42 hostage"): a worker
 * withdraws or is split off to a case of their own, and the agreement then covers the rest; both sides extend the
 * mediation past the 15 days; the mediator corrects a party's details. Pure, like state.ts, which dispatches here.
 */
import type { PartyFacts } from '../../../activities/types';
import { maskPhone } from '../../shared/present/format';
import { CONSENT_WAYS, CORRECTABLE_FIELDS, type MediationCommand, type MediationPayloads } from './model';
import { employerFacts, workerFacts, type AppliedMediationCommand, type MediationState } from './state';

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;
type Cmd<A extends keyof MediationPayloads> = Extract<MediationCommand, { action: A }>;

/** Every worker of the case left it (a case that never had any, waiting for its list, has not). */
export function allWorkersLeft(s: Pick<MediationState, 'workers' | 'departed'>): boolean {
  return s.workers.length === 0 && (s.departed?.length ?? 0) > 0;
}

/**
 * A draft awaiting confirmation loses the leaver's share: the total falls by it, taken from the last installments
 * back. Those who confirmed keep their confirmation (no one's own share changed, and the employer owes less); when all
 * who remain have confirmed, the agreement is reached.
 */
function takeShareOut(s: MediationState, partyNo: number, now: string): PartyFacts[] | undefined {
  const a = s.agreement;
  if (!a) return undefined;
  const share = a.terms.find((t) => t.partyNo === partyNo)?.amountFen ?? 0;
  a.terms = a.terms.filter((t) => t.partyNo !== partyNo);
  a.confirmedBy = a.confirmedBy.filter((no) => no !== partyNo);
  if (a.terms.length === 0 || s.workers.length === 0) {
    s.agreement = null;
    s.stage = 'mediating';
    return undefined;
  }
  a.totalFen -= share;
  if (a.payment.kind === 'installments') {
    let left = share;
    const plan = a.payment.installments.map((i) => ({ ...i }));
    for (let n = plan.length - 1; n >= 0 && left > 0; n--) {
      const cut = Math.min(left, plan[n].amountFen);
      plan[n].amountFen -= cut;
      left -= cut;
    }
    const kept = plan.filter((i) => i.amountFen > 0);
    a.payment = kept.length > 1 ? { kind: 'installments', installments: kept } : { kind: 'lump-sum', dueDate: kept[0].dueDate };
  }
  if (a.confirmedBy.length < s.workers.length + 1) return undefined;
  a.signedAt = now;
  const agreed = new Map(a.terms.map((t) => [t.partyNo, t.amountFen]));
  return s.workers.map((w) => workerFacts(w, agreed.get(w.partyNo) ?? 0));
}

export function leaveCase(s: MediationState, cmd: Cmd<'withdrawWorker'> | Cmd<'splitOffWorker'>, now: string, newCaseNo?: string): AppliedMediationCommand {
  const { partyNo, reason } = cmd.payload;
  const worker = s.workers.find((w) => w.partyNo === partyNo)!;
  s.workers = s.workers.filter((w) => w.partyNo !== partyNo);
  const wasRepresentative = !!s.representatives?.includes(partyNo);
  if (s.representatives) s.representatives = s.representatives.filter((no) => no !== partyNo);
  const hadDraft = s.agreement !== null;
  const parties = takeShareOut(s, partyNo, now);
  const rest = s.workers.length === 0 ? '；本案已无其他职工' : `；调解协议只涉及其余${s.workers.length}名职工`;
  const draft = hadDraft && s.agreement ? `，待确认的调解协议（第${s.agreement.version}稿）改为合计${yuan(s.agreement.totalFen)}${s.agreement.signedAt ? '，其余各方均已确认，调解协议达成' : ''}` : '';
  const note = `${wasRepresentative ? '；其职工代表身份随之终止' : ''}${rest}${draft}`;
  const by = cmd.actor.name;
  if (cmd.action === 'withdrawWorker') {
    const settled = cmd.payload.settled === true;
    const recoveredFen = settled ? cmd.payload.recoveredFen ?? 0 : 0;
    (s.departed ??= []).push({ ...worker, way: 'withdrawn', reason, at: now, settled, ...(settled ? { recoveredFen } : {}) });
    return {
      type: 'worker_withdrawn',
      summary: `职工${worker.name}${settled ? `已获足额支付${yuan(recoveredFen)}，撤回调解申请` : '撤回调解申请'}（${by}登记）：${reason}${note}`,
      data: { partyNo, reason, settled, ...(settled ? { recoveredFen } : {}) }, parties,
    };
  }
  (s.departed ??= []).push({ ...worker, way: 'split_off', reason, at: now, newCaseNo });
  const next = cmd.payload.next === 'arbitration' ? '转入仲裁' : '单独调解';
  return {
    type: 'worker_split_off',
    summary: `职工${worker.name}分案办理（${by}登记，新案件 ${newCaseNo}，${next}）：${reason}${note}`,
    data: { partyNo, newCaseNo, reason, next: cmd.payload.next }, parties,
  };
}

export function extendMediation(s: MediationState, cmd: Cmd<'extendMediation'>, now: string): AppliedMediationCommand {
  const { until, consents } = cmd.payload;
  (s.extensions ??= []).push({ until, consents: consents.map((c) => ({ ...c })), by: cmd.actor.name, at: now });
  const who = consents.map((c) => `${c.side === 'worker' ? '职工' : '用人单位'}${c.name}（${CONSENT_WAYS[c.how]}）`).join('、');
  return {
    type: 'mediation_extended',
    summary: `经双方当事人同意，调解期限延长至${until}（${cmd.actor.name}登记；同意人：${who}）`,
    data: { until, consents },
  };
}

export function correctParty(s: MediationState, cmd: Cmd<'correctParty'>): AppliedMediationCommand {
  const { partyNo, field, value } = cmd.payload;
  const employer = partyNo === s.employer.partyNo;
  const worker = s.workers.find((w) => w.partyNo === partyNo);
  let from: string;
  if (employer) {
    const e = { ...s.employer, representative: { ...s.employer.representative } };
    from = field === 'representative' ? e.representative.name : (field === 'creditCode' ? e.creditCode : e[field]) ?? '';
    if (field === 'representative') e.representative.name = value;
    else e[field] = value;
    s.employer = e;
  } else {
    from = worker!.phone;
    s.workers = s.workers.map((w) => (w.partyNo === partyNo ? { ...w, phone: value } : w));
  }
  const agreed = new Map((s.agreement?.signedAt ? s.agreement.terms : []).map((t) => [t.partyNo, t.amountFen]));
  const facts = employer ? employerFacts(s.employer) : workerFacts(s.workers.find((w) => w.partyNo === partyNo)!, agreed.get(partyNo) ?? null);
  const name = employer ? s.employer.name : worker!.name;
  return {
    type: 'party_corrected',
    // a phone is masked in the text every reader of the history sees; the data keeps both numbers for the record
    summary: `${cmd.actor.name}更正${name}的${CORRECTABLE_FIELDS[field]}：${(field === 'phone' && from ? maskPhone(from) : from) || '（空）'} → ${field === 'phone' ? maskPhone(value) : value}`,
    data: { partyNo, field, from, to: value }, parties: [facts],
  };
}
