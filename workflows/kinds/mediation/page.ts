/**
 * What the staff page of a mediation case shows (issue 16): the live view (masked for outsiders by caseDetail) turned
 * into what a mediator or clerk reads at a glance (who the parties are and what each was promised, who has confirmed,
 * which documents went where and who received them), and each action valid now with its form already filled with
 * what the case knows (each worker's claim, the total, the next installment's balance), or with what was typed when
 * the action was refused.
 */
import { REVIEW_DECLINE_GROUNDS } from './review-acceptance';
import { COURT_BASES, PAYMENT_ORDER_RESULTS, PROPERTY_LEAD_KINDS } from './after-agreement';
import { shanghaiDate } from '../../shared/deadlines';
import type { FormBody } from '../../shared/present/form-values';
import { claimableTasks } from '../../shared/core-features/claim';
import type { ActionGroup, PageContext } from '../kind-spec';
import { MEDIATION_ACTION_GROUPS } from './actions';
import { CONSENT_WAYS, CORRECTABLE_FIELDS, MEDIATION_ACTION_LABELS, MEDIATION_OUTCOME_LABELS, MEDIATION_STAGE_LABELS, SOURCE_LABELS, type MediationView } from './model';

const INSTALLMENT_STATES = { due: '待付', paid: '已付清', missed: '逾期未付' } as const;
const DEFAULT_PAYMENT_METHOD = '以银行转账方式支付至各申请人本人银行账户';
const inGroup = (group: ActionGroup) => Object.entries(MEDIATION_ACTION_GROUPS).filter(([, g]) => g === group).map(([name]) => name);
/** The mediator's own work: these forms come first, in the order the process needs them (the registry's order). */
const MAIN_ACTIONS = inGroup('main').flatMap((n) => (n === 'submitForReview' ? [n, 'recordSignature'] : [n]));
const IRREVERSIBLE_ACTIONS = inGroup('irreversible');


const yuanText = (fen: number) => (fen / 100).toFixed(2);
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** What each action's form shows when it is first offered. */
function defaults(view: MediationView, now: number): Record<string, FormBody> {
  const agreed = new Map(view.agreement?.terms.map((t) => [t.partyNo, t.amountFen]) ?? []);
  const amounts = view.workers.map((w) => ({ w, fen: agreed.get(w.partyNo) ?? w.claimedFen }));
  const plan = view.agreement?.payment;
  const open = view.installments.find((i) => i.status !== 'paid');
  return {
    setWorkers: { workers: view.workers.map((w) => `${w.name}，${w.phone}，${w.idNumber}，${yuanText(w.claimedFen)}${w.address ? `，${w.address}` : ''}`).join('\n') },
    scheduleSession: { mode: 'in_person' },
    electRepresentatives: { partyNos: (view.representatives ?? []).map(String) },
    recordSession: { sessionNo: String(view.sessions.find((s) => !s.recorded)?.sessionNo ?? ''), attendees: [view.employer, ...view.workers].map((p) => String(p.partyNo)) },
    draftAgreement: {
      // the name rides along for the reader; the form reads the number and the amount
      terms: amounts.map(({ w, fen }) => `${w.partyNo} ${w.name} ${yuanText(fen)}`).join('\n'),
      totalYuan: yuanText(amounts.reduce((t, a) => t + a.fen, 0)),
      paymentKind: plan?.kind ?? 'lump-sum',
      dueDate: plan?.kind === 'lump-sum' ? plan.dueDate : '',
      installments: plan?.kind === 'installments' ? plan.installments.map((i) => `${i.dueDate}，${yuanText(i.amountFen)}`).join('\n') : '',
      paymentMethod: view.agreement?.paymentMethod ?? DEFAULT_PAYMENT_METHOD,
    },
    confirmReview: { effectiveOn: shanghaiDate(now) },
    rejectReview: { next: 'mediation' },
    refuse: { side: 'employer' },
    recordPropertyLead: { kind: 'bank_account' },
    chooseEnforcementCourt: { basis: view.enforcementCourt?.basis ?? 'registered', courtUnitId: view.enforcementCourt?.basis === 'property' ? view.enforcementCourt.unitId : '' },
    performWithoutReview: { paymentClaim: 'yes' },
    recordPaymentOrder: { result: 'issued' },
    recordPayment: open ? { installmentNo: String(open.no), paidYuan: yuanText(open.amountFen - open.paidFen) } : {},
  };
}

export function mediationPageModel({ view, actions: actionNames, failed, staff, unitNames: names, courts = [], now }: PageContext<MediationView>) {
  const agreed = new Map(view.agreement?.terms.map((t) => [t.partyNo, t.amountFen]) ?? []);
  const confirmed = new Set(view.agreement?.confirmedBy ?? []);
  const partyName = new Map<number, string>([[view.employer.partyNo, view.employer.name], ...view.workers.map((w) => [w.partyNo, w.name] as [number, string])]);
  const parties = [view.employer, ...view.workers];
  const initial = defaults(view, now);

  const actions = actionNames.map((name) => {
    const error = failed?.action === name ? failed.message : undefined;
    const values = error ? failed!.values : initial[name] ?? {};
    const ticked = new Set([values.attendees ?? [], values.partyNos ?? []].flat());
    return {
      name, error, values,
      candidates: name === 'electRepresentatives' ? view.workers.map((w) => ({ partyNo: w.partyNo, name: w.name, checked: ticked.has(String(w.partyNo)) })) : undefined,
      attendees: name === 'recordSession' ? parties.map((p) => ({ partyNo: p.partyNo, name: p.name, employer: p.partyNo === view.employer.partyNo, checked: ticked.has(String(p.partyNo)) })) : undefined,
      lumpSum: values.paymentKind !== 'installments',
      // a clerk confirms receipt of what was addressed to their own institution
      receivable: name === 'confirmReceipt' ? view.documents.filter((d) => !d.received && d.addressedTo === staff.unitId) : undefined,
      // the parties still to confirm: the employer first, as on the list
      unconfirmed: name === 'resendCode' ? parties.filter((p) => !confirmed.has(p.partyNo)).map((p) => ({ partyNo: p.partyNo, name: p.name, employer: p.partyNo === view.employer.partyNo })) : undefined,
      // who may leave the case (withdraw, split off) and whose details may be corrected (the employer first)
      leavers: name === 'withdrawWorker' || name === 'splitOffWorker' ? view.workers.map((w) => ({ partyNo: w.partyNo, name: w.name, selected: values.partyNo === String(w.partyNo) })) : undefined,
      correctable: name === 'correctParty' ? parties.map((p) => ({ partyNo: p.partyNo, name: p.name, employer: p.partyNo === view.employer.partyNo, selected: values.partyNo === String(p.partyNo) })) : undefined,
      correctFields: name === 'correctParty' ? Object.entries(CORRECTABLE_FIELDS).map(([value, label]) => ({ value, label, selected: values.field === value })) : undefined,
      consentWays: name === 'extendMediation' ? Object.entries(CONSENT_WAYS).map(([value, label]) => ({ value, label, selected: (values.how ?? 'in_person') === value })) : undefined,
      // the station's pooled task this mediator may take (接单)
      claimable: name === 'claimTask' ? claimableTasks(view.openTasks, staff) : undefined,
      openSessions: name === 'recordSession' ? view.sessions.filter((s) => !s.recorded) : undefined,
      // the courts to choose from, the district's own (where the employer is registered) not among them
      courts: name === 'chooseEnforcementCourt' ? courts.filter((c) => c.unitId !== view.places.courtUnitId).map((c) => ({ ...c, selected: values.courtUnitId === c.unitId })) : undefined,
      choices: name === 'recordPropertyLead' ? options(PROPERTY_LEAD_KINDS) : name === 'chooseEnforcementCourt' ? options(COURT_BASES)
        : name === 'recordPaymentOrder' ? options(PAYMENT_ORDER_RESULTS) : undefined,
      declineGrounds: name === 'declineReview' ? Object.entries(REVIEW_DECLINE_GROUNDS).map(([value, label]) => ({ value, label })) : undefined,
      openInstallments: name === 'recordPayment' ? view.installments.filter((i) => i.status !== 'paid').map((i) => ({ ...i, owedFen: i.amountFen - i.paidFen })) : undefined,
    };
  });
  // once the workers' representatives are recorded, changing them is no longer the next step
  const main = view.representatives ? MAIN_ACTIONS.filter((n) => n !== 'electRepresentatives') : MAIN_ACTIONS;
  const other = actions.filter((a) => !main.includes(a.name) && !IRREVERSIBLE_ACTIONS.includes(a.name));
  // A refused action no longer offered (the case moved on meanwhile) has no form to show its error in.
  const error = failed && !actionNames.includes(failed.action) ? failed.message : undefined;

  return {
    view, error,
    // not stageLabel etc.: a helper wins over a field of the same name
    stageName: MEDIATION_STAGE_LABELS[view.stage] ?? view.stage,
    sourceName: SOURCE_LABELS[view.source] ?? view.source,
    claimedBy: view.claim?.name ?? null,
    outcomeName: view.outcome ? MEDIATION_OUTCOME_LABELS[view.outcome] : null,
    claimedFen: view.workers.reduce((t, w) => t + w.claimedFen, 0),
    workers: view.workers.map((w) => ({ ...w, agreedFen: agreed.get(w.partyNo) ?? null, confirmed: confirmed.has(w.partyNo), representative: view.representatives?.includes(w.partyNo) ?? false })),
    representativeNames: (view.representatives ?? []).map((no) => partyName.get(no) ?? `当事人${no}`).join('、'),
    // a long list starts folded, so that a phone reaches the agreement and the forms without scrolling past 43 cards
    workersOpen: view.workers.length <= 8,
    employerConfirmed: confirmed.has(view.employer.partyNo),
    agreement: view.agreement && {
      ...view.agreement,
      confirmedCount: view.agreement.confirmedBy.length, partyCount: parties.length,
      waiting: parties.filter((p) => !confirmed.has(p.partyNo)).map((p) => p.name),
      lumpSum: view.agreement.payment.kind === 'lump-sum' ? view.agreement.payment.dueDate : null,
      plan: view.agreement.payment.kind === 'installments' ? view.agreement.payment.installments.map((i, n) => ({ no: n + 1, ...i })) : [],
    },
    sessions: view.sessions.map((s) => ({ ...s, attendeeNames: s.attendees.map((no) => partyName.get(no) ?? `当事人${no}`).join('、') })),
    installments: view.installments.map((i) => ({ ...i, stateLabel: INSTALLMENT_STATES[i.status] ?? i.status })),
    documents: [...view.documents].reverse().map((d) => ({
      ...d, shortSha: d.sha256.slice(0, 12), addressedName: d.addressedTo ? names.get(d.addressedTo) ?? d.addressedTo : null,
    })),
    mainActions: actions.filter((a) => main.includes(a.name)).sort((x, y) => main.indexOf(x.name) - main.indexOf(y.name)),
    otherActions: other,
    irreversibleActions: actions.filter((a) => IRREVERSIBLE_ACTIONS.includes(a.name)),
    irreversibleOpen: actions.some((a) => IRREVERSIBLE_ACTIONS.includes(a.name) && a.error),
    irreversibleSummary: actions.filter((a) => IRREVERSIBLE_ACTIONS.includes(a.name)).map((a) => MEDIATION_ACTION_LABELS[a.name as keyof typeof MEDIATION_ACTION_LABELS] ?? a.name).join('、'),
    otherSummary: other.map((a) => MEDIATION_ACTION_LABELS[a.name as keyof typeof MEDIATION_ACTION_LABELS] ?? a.name).join('、'),
    otherOpen: other.some((a) => a.error),
  };
}
