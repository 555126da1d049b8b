/**
 * What the staff page of a legal-aid case shows: who the workers and the debtors are, the screening and who was
 * assigned (with any conflicts found), each proceeding's record with its figures, the clocks, payments by debtor, the
 * documents and who received them, and each action valid now with its form, filled with what the case knows.
 */
import { shanghaiDate, shanghaiMinute } from '../../shared/deadlines';
import type { FormBody } from '../../shared/present/form-values';
import type { ActionGroup, PageContext } from '../kind-spec';
import { LEGAL_AID_ACTION_GROUPS } from './actions';
import {
  LEGAL_AID_ACTION_LABELS, LEGAL_AID_OUTCOME_LABELS, LEGAL_AID_SOURCE_LABELS, LEGAL_AID_STAGE_LABELS, MEANS_GROUNDS, PROCEEDING_LABELS,
  RESULT_LABELS, type LegalAidView,
} from './model';
import { claimedTotal, debtorName, owedFen } from './state';

const inGroup = (group: ActionGroup) => Object.entries(LEGAL_AID_ACTION_GROUPS).filter(([, g]) => g === group).map(([name]) => name);
const MAIN = inGroup('main');
const IRREVERSIBLE = inGroup('irreversible');
const yuanText = (fen: number) => (fen / 100).toFixed(2);
const labelOf = (name: string) => LEGAL_AID_ACTION_LABELS[name as keyof typeof LEGAL_AID_ACTION_LABELS] ?? name;

function defaults(view: LegalAidView, now: number): Record<string, FormBody> {
  const today = shanghaiDate(now);
  const last = view.proceedings[view.proceedings.length - 1];
  const nextType = !last ? 'arbitration' : last.type === 'arbitration' ? 'first_instance' : last.type === 'first_instance' ? 'second_instance' : 'enforcement';
  return {
    recordMeansTest: { ground: 'migrant_worker_pay' },
    fileProceeding: {
      type: nextType, filedOn: today, claimedYuan: yuanText(last?.claimedFen ?? view.workers.reduce((t, w) => t + w.claimedFen, 0)),
      requests: last?.requests.join('\n') ?? '', facts: last?.facts ?? view.facts,
    },
    recordAcceptance: { acceptedOn: today },
    recordResult: { decidedOn: today, servedOn: today, kind: last?.type === 'arbitration' ? 'award' : 'judgment' },
    recordReceipt: { paidOn: today, debtorPartyNo: String(view.debtors[0]?.partyNo ?? '') },
    setInstallments: { debtorPartyNos: view.debtors.map((d) => String(d.partyNo)) },
    recordEvidence: { items: view.evidence.map((e) => `${e.name}，${e.holder === 'worker' ? '职工' : '用人单位'}，${{ held: '已持有', requested: '已申请调取', produced: '已提供', missing: '缺失' }[e.status]}`).join('\n') },
    recordSettlement: { result: 'failed' },
    decideSupport: { support: 'true' },
    recordDelegatedResult: { result: 'agreed' },
  };
}

export function legalAidPageModel({ view, actions: names, failed, staff, unitNames, now }: PageContext<LegalAidView>) {
  const initial = defaults(view, now);
  const actions = names.map((name) => {
    const error = failed?.action === name ? failed.message : undefined;
    return {
      name, label: labelOf(name), error, values: error ? failed!.values : initial[name] ?? {},
      receivable: name === 'confirmReceipt' ? view.documents.filter((d) => !d.received && d.addressedTo === staff.unitId) : undefined,
      debtors: view.debtors,
    };
  });
  const other = actions.filter((a) => !MAIN.includes(a.name) && !IRREVERSIBLE.includes(a.name));
  return {
    view,
    error: failed && !names.includes(failed.action) ? failed.message : undefined,
    stageName: LEGAL_AID_STAGE_LABELS[view.stage] ?? view.stage,
    sourceName: LEGAL_AID_SOURCE_LABELS[view.source] ?? view.source,
    outcomeName: view.outcome ? LEGAL_AID_OUTCOME_LABELS[view.outcome] : null,
    claimedFen: claimedTotal(view), owedFen: owedFen(view),
    meansGround: view.meansTest ? MEANS_GROUNDS[view.meansTest.ground] : null,
    assignments: view.assignments.map((a) => ({ ...a, lawyerName: a.lawyer ? `${a.lawyer.firm} ${a.lawyer.name}` : `律师（编号${a.lawyerUserId}）` })),
    proceedings: view.proceedings.map((p) => ({
      ...p, typeName: PROCEEDING_LABELS[p.type], resultName: p.result ? RESULT_LABELS[p.result.kind] : null,
    })),
    clocks: view.clocks.map((c) => ({ ...c, due: shanghaiMinute(Date.parse(c.dueAt)), state: c.expired ? '已届满' : c.settled ? '已办理' : c.warned ? '即将届满' : '计时中' })),
    payments: view.payments.map((p) => ({ ...p, debtor: debtorName(view, p.debtorPartyNo) })),
    documents: [...view.documents].reverse().map((d) => ({ ...d, shortSha: d.sha256.slice(0, 12), addressedName: d.addressedTo ? unitNames.get(d.addressedTo) ?? d.addressedTo : null })),
    mainActions: actions.filter((a) => MAIN.includes(a.name)).sort((x, y) => MAIN.indexOf(x.name) - MAIN.indexOf(y.name)),
    otherActions: other,
    irreversibleActions: actions.filter((a) => IRREVERSIBLE.includes(a.name)),
    otherSummary: other.map((a) => a.label).join('、'),
    irreversibleSummary: actions.filter((a) => IRREVERSIBLE.includes(a.name)).map((a) => a.label).join('、'),
  };
}
