/**
 * What makes a drafted agreement acceptable before anyone is asked to confirm it: every worker of the case exactly
 * once, amounts that add up to the total, payment dates in the future (a lump sum may be paid today) and in order,
 * installments that add up. Pure.
 */
import { domainError } from '../../shared/domain-error';
import { shanghaiDate } from '../../shared/deadlines';
import { requireDate, requireFen, requireOneOf, requireText } from '../../shared/payload-checks';
import type { AgreementTerms, WorkerParty } from './model';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MAX_INSTALLMENTS = 24;

/** Agreements paid over more than this are not what a station mediates (and a typo such as 2099 is caught). */
const MAX_YEARS = 5;

/** A date from tomorrow on, or from today on when `today` may be the day (a sum paid at the station when it is signed). */
function requireFutureDate(value: unknown, label: string, today: string, todayAllowed = false): string {
  const date = requireDate(value, label);
  if (todayAllowed ? date < today : date <= today) throw domainError('InvalidPayload', `${label}（${date}）须${todayAllowed ? '不早于' : '晚于'}今天（${today}）`);
  const latest = `${Number(today.slice(0, 4)) + MAX_YEARS}${today.slice(4)}`;
  if (date > latest) throw domainError('InvalidPayload', `${label}（${date}）不能晚于${latest}（${MAX_YEARS}年内）`);
  return date;
}

export function checkAgreementTerms(p: Partial<AgreementTerms> | undefined, workers: WorkerParty[], asOf: string): void {
  const today = shanghaiDate(Date.parse(asOf));
  if (workers.length === 0) throw domainError('InvalidPayload', '请先登记申请调解的职工');
  if (!Array.isArray(p?.terms) || p.terms.length === 0) throw domainError('InvalidPayload', '请填写每位职工的调解金额');
  const known = new Map(workers.map((w) => [w.partyNo, w]));
  const seen = new Set<number>();
  let sum = 0;
  for (const t of p.terms) {
    const w = known.get(t?.partyNo as number);
    if (!w) throw domainError('InvalidPayload', `当事人编号 ${String(t?.partyNo)} 不是本案的职工`);
    if (seen.has(w.partyNo)) throw domainError('InvalidPayload', `职工${w.name}的金额填写了两次`);
    seen.add(w.partyNo);
    sum += requireFen(t.amountFen, `职工${w.name}的调解金额`);
  }
  const missing = workers.filter((w) => !seen.has(w.partyNo));
  if (missing.length > 0) throw domainError('InvalidPayload', `还有${missing.length}位职工未填写金额（${missing.slice(0, 3).map((w) => w.name).join('、')}${missing.length > 3 ? '等' : ''}）`);
  const total = requireFen(p.totalFen, '调解总金额', 1);
  if (sum !== total) throw domainError('InvalidPayload', `各职工金额合计${yuan(sum)}元，与调解总金额${yuan(total)}元不符`);
  requireText(p.paymentMethod, '支付方式', 200);

  const plan = p.payment;
  const kind = requireOneOf(plan?.kind, ['lump-sum', 'installments'] as const, '一次性支付或分期支付');
  if (kind === 'lump-sum') {
    // An employer may pay the whole sum at the station on the day the agreement is made (当场支付).
    requireFutureDate((plan as { dueDate?: unknown }).dueDate, '支付日期', today, true);
    return;
  }
  const installments = (plan as { installments?: unknown }).installments;
  if (!Array.isArray(installments) || installments.length < 2 || installments.length > MAX_INSTALLMENTS) {
    throw domainError('InvalidPayload', `分期支付须为2到${MAX_INSTALLMENTS}期`);
  }
  let previous = today;
  let planned = 0;
  installments.forEach((i: { dueDate?: unknown; amountFen?: unknown }, n) => {
    const date = requireFutureDate(i?.dueDate, `第${n + 1}期支付日期`, today);
    if (date <= previous && n > 0) throw domainError('InvalidPayload', `第${n + 1}期支付日期须晚于第${n}期（${previous}）`);
    previous = date;
    planned += requireFen(i?.amountFen, `第${n + 1}期金额`, 1);
  });
  if (planned !== total) throw domainError('InvalidPayload', `各期金额合计${yuan(planned)}元，与调解总金额${yuan(total)}元不符`);
}

/**
 * Two drafts that say the same (the order the workers were typed in, or a JSON client's order of keys, aside): a second
 * one would only text new codes. Every field is named here, so nothing depends on how an object was written.
 */
export function sameTerms(a: AgreementTerms, b: AgreementTerms): boolean {
  const canonical = (t: AgreementTerms) => JSON.stringify([
    [...t.terms].sort((x, y) => x.partyNo - y.partyNo).map((x) => [x.partyNo, x.amountFen]),
    t.totalFen,
    t.payment.kind === 'lump-sum' ? ['lump-sum', t.payment.dueDate] : ['installments', t.payment.installments.map((i) => [i.dueDate, i.amountFen])],
    t.paymentMethod.trim(),
  ]);
  return canonical(a) === canonical(b);
}
