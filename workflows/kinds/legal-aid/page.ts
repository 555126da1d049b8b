/**
 * What the staff page of a legal-aid case shows: who the workers and the debtors are, the screening and who was
 * assigned (with any conflicts found), each proceeding's record with its figures, the clocks, payments by debtor, the
 * documents and who received them, and each action valid now with its form, filled with what the case knows (money in
 * yuan in fields named …Fen, as form.ts reads them), or with what was typed when the action was refused.
 */
import { shanghaiDate, shanghaiMinute } from '../../shared/deadlines';
import type { FormBody } from '../../shared/present/form-values';
import { actionForms } from '../../shared/present/action-forms';
import type { ActionGroup, PageContext } from '../kind-spec';
import { LEGAL_AID_ACTION_GROUPS } from './actions';
import {
  CLOSING_OUTCOMES, LEGAL_AID_ACTION_LABELS, LEGAL_AID_OUTCOME_LABELS, LEGAL_AID_SOURCE_LABELS, LEGAL_AID_STAGE_LABELS, MEANS_GROUNDS,
  PROCEEDING_LABELS, RESULT_LABELS, type Assignment, type EvidenceItem, type LegalAidView, type ProceedingType,
} from './model';
import { claimedTotal, debtorName, owedFen, runningProceeding } from './state';

const inGroup = (group: ActionGroup) => Object.entries(LEGAL_AID_ACTION_GROUPS).filter(([, g]) => g === group).map(([name]) => name);
const MAIN = inGroup('main');
const IRREVERSIBLE = inGroup('irreversible');
const yuanText = (fen: number) => (fen / 100).toFixed(2);
const labelOf = (name: string) => LEGAL_AID_ACTION_LABELS[name as keyof typeof LEGAL_AID_ACTION_LABELS] ?? name;

const HOLDER_WORDS: Record<EvidenceItem['holder'], string> = { worker: '职工', employer: '用人单位' };
const EVIDENCE_WORDS: Record<EvidenceItem['status'], string> = { held: '已持有', requested: '已申请调取', produced: '已提供', missing: '缺失' };
const ASSIGNMENT_WORDS: Record<Assignment['status'], string> = {
  checking: '利益冲突审查中', conflict: '存在利益冲突，未指派', unknown_lawyer: '不是在册律师，未指派', assigned: '已指派，待律师接受',
  accepted: '已接受指派', declined: '律师拒绝指派', lapsed: '逾期未接受',
};
const CONFLICT_WORDS = { declared_relative: '律师申报的近亲属', declared_former_client: '律师申报的原委托人', past_case: '律师或其律所曾代理的案件' } as const;

/** What may follow the last decided proceeding (as the rules say): the form offers these types only. */
function nextTypes(view: LegalAidView): ProceedingType[] {
  const last = view.proceedings[view.proceedings.length - 1];
  if (!last) return ['arbitration', 'first_instance'];
  if (!last.result) return [];
  if (last.type === 'arbitration') return ['first_instance', 'enforcement'];
  if (last.type === 'first_instance') return ['second_instance', 'enforcement'];
  return ['enforcement'];
}

/** What each action's form shows when it is first offered. */
function defaults(view: LegalAidView, now: number): Record<string, FormBody> {
  const today = shanghaiDate(now);
  const last = view.proceedings[view.proceedings.length - 1];
  const running = runningProceeding(view);
  return {
    recordMeansTest: { ground: 'migrant_worker_pay' },
    fileProceeding: {
      type: nextTypes(view)[0] ?? '', filedOn: today,
      claimedFen: yuanText(last?.result?.awardedFen && nextTypes(view)[0] === 'enforcement' ? last.result.awardedFen : last?.claimedFen ?? claimedTotal(view)),
      requests: last?.requests.join('\n') ?? '', facts: last?.facts ?? view.facts,
    },
    recordAcceptance: { acceptedOn: today },
    recordResult: { decidedOn: today, servedOn: today, kind: running?.type === 'arbitration' ? 'award' : 'judgment', final: 'false' },
    recordReceipt: { paidOn: today, debtorPartyNo: String(view.plan?.debtorPartyNos[0] ?? view.debtors[0]?.partyNo ?? '') },
    setInstallments: { debtorPartyNos: view.debtors.map((d) => String(d.partyNo)) },
    recordEvidence: { items: view.evidence.map((e) => `${e.name}，${HOLDER_WORDS[e.holder]}，${EVIDENCE_WORDS[e.status]}`).join('\n') },
    recordSettlement: { result: 'failed' },
    decideSupport: { support: 'true' },
    recordDelegatedResult: { result: 'agreed', totalFen: yuanText(claimedTotal(view)) },
  };
}

/** The choices a form offers, marked with what its values hold (a refused form keeps what was typed). */
function choices(table: Record<string, string>, keys: readonly string[], chosen: unknown) {
  return keys.map((value) => ({ value, label: table[value] ?? value, selected: value === chosen }));
}

function formFor(name: string, view: LegalAidView, values: FormBody, staff: { unitId?: string; userId?: number }) {
  const running = runningProceeding(view);
  const ticked = new Set([values.debtorPartyNos ?? []].flat());
  switch (name) {
    case 'recordMeansTest': return { grounds: choices(MEANS_GROUNDS, Object.keys(MEANS_GROUNDS), values.ground) };
    case 'grantAid': return { needsReason: view.meansTest !== null && !view.meansTest.passed };
    case 'assignLawyer': {
      const refused = view.assignments.filter((a) => ['conflict', 'declined', 'lapsed', 'unknown_lawyer'].includes(a.status));
      return { conflicted: view.assignments.some((a) => a.status === 'conflict'), refusedLawyers: refused.map((a) => `${a.lawyer?.name ?? `编号${a.lawyerUserId}`}（${ASSIGNMENT_WORDS[a.status]}）`).join('、') };
    }
    case 'fileProceeding': return { types: choices(PROCEEDING_LABELS, nextTypes(view), values.type) };
    case 'recordResult': {
      const kinds = running?.type === 'arbitration' ? ['award', 'mediation', 'withdrawn'] : ['judgment', 'ruling', 'mediation', 'withdrawn'];
      return { kinds: choices(RESULT_LABELS, kinds, values.kind), arbitration: running?.type === 'arbitration' };
    }
    case 'setInstallments': return { debtorChoices: view.debtors.map((d) => ({ partyNo: d.partyNo, name: d.name, checked: ticked.has(String(d.partyNo)) })) };
    case 'completeWorker': return { workerChoices: view.workers.map((w) => ({ partyNo: w.partyNo, name: w.name, missing: !w.idNumber, selected: values.partyNo ? String(w.partyNo) === values.partyNo : !w.idNumber })) };
    case 'recordReceipt': return { debtorChoices: view.debtors.map((d) => ({ partyNo: d.partyNo, name: d.name, selected: String(d.partyNo) === values.debtorPartyNo })) };
    case 'closeCase': return { outcomes: choices(LEGAL_AID_OUTCOME_LABELS, CLOSING_OUTCOMES, values.outcome) };
    // the institution confirms receipt of what was addressed to it
    case 'confirmReceipt': return { receivable: view.documents.filter((d) => !d.received && (d.addressedUserId !== undefined ? d.addressedUserId === staff.userId : d.addressedTo === staff.unitId)) };
    default: return {};
  }
}

/** The record of the case as a reader takes it in: words for codes, yuan for fen, names for party numbers. */
function records(view: LegalAidView, unitNames: Map<string, string>) {
  const plan = view.plan;
  const byDebtor = view.debtors.map((d) => {
    const paid = view.payments.filter((p) => p.debtorPartyNo === d.partyNo);
    return { partyNo: d.partyNo, name: d.name, payments: paid, totalFen: paid.reduce((t, p) => t + p.amountFen, 0) };
  }).filter((d) => d.payments.length > 0);
  return {
    meansGround: view.meansTest ? MEANS_GROUNDS[view.meansTest.ground] : null,
    assignments: view.assignments.map((a) => ({
      ...a, statusName: ASSIGNMENT_WORDS[a.status] ?? a.status, lawyerName: a.lawyer ? `${a.lawyer.firm} ${a.lawyer.name}` : `律师（用户编号${a.lawyerUserId}）`,
      conflicts: a.conflicts.map((c) => ({ ...c, sourceName: CONFLICT_WORDS[c.source] ?? c.source })),
    })),
    evidence: view.evidence.map((e) => ({ ...e, holderName: HOLDER_WORDS[e.holder], statusName: EVIDENCE_WORDS[e.status], missing: e.status === 'missing' })),
    proceedings: view.proceedings.map((p) => ({ ...p, typeName: PROCEEDING_LABELS[p.type], resultName: p.result ? RESULT_LABELS[p.result.kind] : null })),
    clocks: view.clocks.map((c) => ({
      ...c, due: shanghaiMinute(Date.parse(c.dueAt)), open: !c.expired && !c.settled,
      state: c.expired ? '已届满' : c.settled ? '已办理' : c.warned ? '即将届满' : '计时中',
    })),
    plan: plan && {
      debtorNames: plan.debtorPartyNos.map((n) => debtorName(view, n)).join('、'), joint: plan.debtorPartyNos.length > 1,
      installments: plan.installments, totalFen: plan.installments.reduce((t, i) => t + i.amountFen, 0),
    },
    paymentsByDebtor: byDebtor,
    documents: [...view.documents].reverse().map((d) => ({ ...d, shortSha: d.sha256.slice(0, 12), addressedName: d.addressedTo ? unitNames.get(d.addressedTo) ?? d.addressedTo : null })),
  };
}

export function legalAidPageModel({ view, actions: names, failed, staff, unitNames, now }: PageContext<LegalAidView>) {
  const forms = actionForms({
    names, failed, initial: defaults(view, now), label: labelOf, main: MAIN, irreversible: IRREVERSIBLE,
    choices: (name, values) => formFor(name, view, values, staff),
  });
  return {
    view,
    // not stageLabel etc.: a helper wins over a field of the same name
    stageName: LEGAL_AID_STAGE_LABELS[view.stage] ?? view.stage,
    sourceName: LEGAL_AID_SOURCE_LABELS[view.source] ?? view.source,
    outcomeName: view.outcome ? LEGAL_AID_OUTCOME_LABELS[view.outcome] : null,
    claimedFen: claimedTotal(view), owedFen: owedFen(view),
    // a long list starts folded, so that a phone reaches the forms without scrolling past every worker
    workersOpen: view.workers.length <= 8,
    ...records(view, unitNames),
    ...forms,
  };
}
