/**
 * What the staff page of a wage round shows: the plan and where the round stands, the request and its answer clock,
 * every offer with its clauses, the congress votes, signing and filing with their clocks, the "4+X" supervision and
 * the services asked for, the workers' posts counted, the documents; and each action valid now with its form, filled
 * with what the round knows, or with what was typed when the action was refused.
 */
import { shanghaiDate, shanghaiMinute } from '../../shared/deadlines';
import type { FormBody } from '../../shared/present/form-values';
import { actionForms } from '../../shared/present/action-forms';
import type { PageContext } from '../kind-spec';
import {
  SERVICE_LABELS, SIDE_LABELS, SUPERVISORS, WAGE_ACTION_LABELS, WAGE_OUTCOME_LABELS, WAGE_STAGE_LABELS, type WageRoundView,
} from './model';
import { supervises } from './rules';

const MAIN = ['requestNegotiation', 'recordAnswer', 'makeOffer', 'reachAgreement', 'recordCongressVote', 'recordSigning', 'fileWithHr',
  'recordSupervision', 'claimTask', 'confirmReceipt', 'recordServiceDone'];
const IRREVERSIBLE = ['recordHrObjection', 'closeRound'];
const labelOf = (name: string) => WAGE_ACTION_LABELS[name as keyof typeof WAGE_ACTION_LABELS] ?? name;
const when = (iso: string | null | undefined) => (iso ? shanghaiMinute(Date.parse(iso)) : null);

function defaults(view: WageRoundView, now: number): Record<string, FormBody> {
  const today = shanghaiDate(now);
  const last = view.offers.at(-1);
  return {
    requestNegotiation: { from: 'union', sentOn: today },
    recordAnswer: { agreed: 'true', answeredOn: today },
    makeOffer: { side: last?.side === 'union' ? 'employer' : 'union', clauses: last ? last.clauses.map((c) => `${c.item}：${c.terms}`).join('\n') : '' },
    reachAgreement: { offerNo: last ? String(last.offerNo) : '' },
    recordCongressVote: { heldOn: today },
    recordSigning: { signedOn: today },
    fileWithHr: { filedOn: today },
  };
}

function choices(table: Record<string, string>, chosen: unknown) {
  return Object.entries(table).map(([value, label]) => ({ value, label, selected: value === chosen }));
}

function formFor(name: string, view: WageRoundView, values: FormBody, staff: PageContext<WageRoundView>['staff']) {
  switch (name) {
    case 'requestNegotiation': return { sides: choices(SIDE_LABELS, values.from) };
    case 'makeOffer': return { sides: choices(SIDE_LABELS, values.side), first: view.offers.length === 0 };
    case 'reachAgreement': return { offerChoices: view.offers.map((o) => ({ value: String(o.offerNo), label: `第${o.offerNo}份（${SIDE_LABELS[o.side]}）`, selected: String(o.offerNo) === values.offerNo })) };
    case 'recordSupervision': return { supervisionChoices: view.supervision.filter((t) => t.note === null && supervises(staff, t.party, view)).map((t) => ({ value: t.taskId, label: SUPERVISORS[t.party] })) };
    case 'requestService': return { services: choices(SERVICE_LABELS, values.service) };
    case 'recordServiceDone': return { serviceChoices: view.services.filter((r) => !r.done && r.service !== 'legal_aid').map((r) => ({ value: String(r.requestNo), label: `${SERVICE_LABELS[r.service]}：${r.note}` })) };
    case 'claimTask': return { claimable: view.openTasks.filter((t) => t.kind === 'service' && !t.userId && t.role === staff.role && t.unitId === staff.unitId) };
    case 'confirmReceipt': return { receivable: view.documents.filter((d) => !d.received && d.addressedTo === staff.unitId) };
    default: return {};
  }
}

export function wagePageModel({ view, actions: names, failed, staff, unitNames, now }: PageContext<WageRoundView>) {
  const forms = actionForms({
    names, failed, initial: defaults(view, now), label: labelOf, main: MAIN, irreversible: IRREVERSIBLE,
    choices: (name, values) => formFor(name, view, values, staff),
  });
  return {
    view,
    stageName: WAGE_STAGE_LABELS[view.stage] ?? view.stage,
    outcomeName: view.outcome ? WAGE_OUTCOME_LABELS[view.outcome] : null,
    request: view.request && { ...view.request, fromName: SIDE_LABELS[view.request.from], answerByText: when(view.request.answerBy) },
    offers: [...view.offers].reverse().map((o) => ({ ...o, sideName: SIDE_LABELS[o.side], agreed: o.offerNo === view.agreedOfferNo, atText: when(o.at) })),
    votes: view.votes.map((v) => ({ ...v, result: v.passed ? '通过' : '未通过' })),
    fileByText: when(view.signing?.fileBy), objectionByText: when(view.filing?.objectionBy),
    supervision: view.supervision.map((t) => ({ ...t, partyName: SUPERVISORS[t.party] })),
    services: view.services.map((r) => ({ ...r, serviceName: SERVICE_LABELS[r.service] })),
    documents: [...view.documents].reverse().map((d) => ({ ...d, shortSha: d.sha256.slice(0, 12), addressedName: d.addressedTo ? unitNames.get(d.addressedTo) ?? d.addressedTo : null })),
    ...forms,
  };
}
