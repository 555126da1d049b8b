/**
 * The lawyer's representation, step by step until an outcome (DOMAIN §4): evidence and an attempt to settle; a request
 * for the procuratorate's support (民事诉讼法 Art. 15); each proceeding (arbitration, first instance, second instance,
 * enforcement) filed with its document, accepted, decided; after each decision the clock for the next one (a suit
 * within 15 days of an award, an appeal within 15 days of a judgment or 10 of a ruling) and, once a decision stands,
 * following the debtors' payments under the 2 years for enforcement. Each step is a task of the lawyer's; the case
 * may continue as new between any two of them.
 */
import type { LegalAidPolicy } from '../../temporal.config';
import { activities, nowIso, nowMs, type CaseHost } from '../shared/case-host';
import { shanghaiDate } from '../shared/deadlines';
import { humanStep, type Assignee, type StepSpec } from '../shared/human-step';
import type { StatutoryClock } from '../shared/statutory-clock';
import { PROCEEDING_LABELS, RESULT_LABELS, type Lawyer, type LegalAidIntake, type Proceeding } from '../kinds/legal-aid/model';
import { lastProceeding, owedFen, recoveredTotal, runningProceeding, yuan, type LegalAidState } from '../kinds/legal-aid/state';
import type { ClockKeeper } from './clocks';
import type { LegalAidNotices } from './notices';
import type { LegalAidPaperwork } from './paperwork';

export interface RepresentationParts {
  host: CaseHost;
  intake: LegalAidIntake;
  policy: LegalAidPolicy;
  s: LegalAidState;
  clock: StatutoryClock;
  keeper: ClockKeeper;
  notices: LegalAidNotices;
  paperwork: LegalAidPaperwork;
  lawyer: Lawyer;
  /** between steps: continues the case as new when its history has grown long (never returns then) */
  betweenSteps(): Promise<void>;
}

type Next = 'support' | 'proceeding' | 'deciding' | 'performing' | 'closing' | 'preparing';

/** What the case waits for now, from its state alone (so a continued run picks up where the last one stopped). */
export function nextStep(s: LegalAidState): Next {
  if (s.support && !s.support.decision) return 'support';
  if (runningProceeding(s)) return 'proceeding';
  const last = lastProceeding(s);
  if (last?.result) {
    const r = last.result;
    if (r.kind === 'withdrawn' || last.type === 'enforcement') return 'closing';
    if (!s.resultAccepted && r.kind !== 'mediation' && last.type !== 'second_instance') return 'deciding';
    return owedFen(s) > recoveredTotal(s) ? 'performing' : 'closing';
  }
  if (s.settlement?.result === 'settled') return owedFen(s) > recoveredTotal(s) ? 'performing' : 'closing';
  return 'preparing';
}

/** How long a court has for its decision, as the lawyer's follow-up task counts it (民事诉讼法 Arts. 152, 183). */
const COURT_TERMS = {
  first_instance: { months: 6, statute: '一审审理期限（6个月，《民事诉讼法》第一百五十二条）' },
  second_instance: { months: 3, statute: '二审审理期限（3个月，《民事诉讼法》第一百八十三条）' },
  enforcement: { months: 6, statute: '执行期限（6个月）' },
} as const;

export async function represent(parts: RepresentationParts): Promise<void> {
  const { host, policy, s, keeper, notices, paperwork, lawyer } = parts;
  const byLawyer = (): Assignee => ({ role: 'legal_aid_lawyer', unitId: lawyer.unitId, department: null, userId: lawyer.userId });
  const step = (spec: Omit<StepSpec, 'assignee' | 'abandoned' | 'casePatch'> & { assignee?: () => Assignee }) => humanStep(host, {
    assignee: byLawyer, abandoned: () => s.outcome !== null, casePatch: { stage: s.stage }, ...spec,
  }, policy);

  while (s.outcome === null) {
    await parts.betweenSteps();
    const next = nextStep(s);
    if (next === 'preparing') {
      s.stage = 'preparing';
      await step({
        kind: 'prepare', title: '整理证据、与用人单位协商，或提起仲裁、诉讼', dueAt: nowMs() + policy.followUpDue,
        done: () => nextStep(s) !== 'preparing',
      });
    } else if (next === 'support') {
      if (!s.supportSent) {
        await paperwork.askForSupport();
        s.supportSent = true;
        notices.tellWorkers('support', '律师已申请检察院支持起诉，检察院将审查答复。');
      }
      s.stage = 'support';
      await step({
        kind: 'support', title: '审查支持起诉申请并答复', dueAt: nowMs() + policy.supportDue,
        assignee: () => ({ role: 'procurator', unitId: parts.intake.procuratorateUnitId!, department: null }),
        done: () => !!s.support?.decision,
      });
      if (s.support?.decision) notices.tellWorkers('support-decided', s.support.decision.support ? '检察院决定支持起诉。' : '检察院决定不支持起诉，律师将继续代理您起诉。');
    } else if (next === 'proceeding') {
      await proceed(parts, runningProceeding(s)!, step);
    } else if (next === 'deciding') {
      await decide(parts, lastProceeding(s)!, step);
    } else if (next === 'performing') {
      s.stage = 'performing';
      const basis = [...s.proceedings].reverse().find((p) => p.result && p.type !== 'enforcement');
      const from = s.plan ? s.plan.installments[s.plan.installments.length - 1].dueDate : shanghaiDate(nowMs());
      const id = basis ? `enforce-${basis.no}${s.plan ? '-plan' : ''}` : null;
      if (id) {
        for (const c of s.clocks) if (c.id.startsWith(`enforce-${basis!.no}`) && c.id !== id) keeper.settle(c.id);
        await keeper.start({ id, label: '申请强制执行期间（2年）', statute: '《民事诉讼法》关于申请执行期间的规定', startOn: from, period: { years: 2 } });
      }
      const planned = !!s.plan;
      const end = await step({
        kind: 'perform', title: `跟进履行，登记回款（应付${yuan(owedFen(s))}）`,
        dueAt: id ? keeper.dueOf(id) : nowMs() + policy.followUpDue, whenOverdue: id ? 'end' : undefined,
        done: () => recoveredTotal(s) >= owedFen(s) || !!runningProceeding(s) || planned !== !!s.plan,
      });
      if (id && (recoveredTotal(s) >= owedFen(s) || runningProceeding(s))) keeper.settle(id);
      if (recoveredTotal(s) >= owedFen(s) && owedFen(s) > 0) notices.tellWorkers('recovered', `应付款项${yuan(owedFen(s))}已全部到位，律师将办理结案。`);
      if (end === 'overdue') {
        await host.persistRestPoint({ caseNo: host.caseNo, at: nowIso(), events: [host.systemEvent('enforcement_lapsed', '申请强制执行期间届满，未申请执行，请律师登记结案')] });
        s.stage = 'closing';
        await step({ kind: 'close', title: '登记结案结果', dueAt: nowMs() + policy.followUpDue, done: () => s.outcome !== null });
      }
    } else {
      s.stage = 'closing';
      await step({ kind: 'close', title: '登记结案结果', dueAt: nowMs() + policy.followUpDue, done: () => s.outcome !== null || nextStep(s) !== 'closing' });
    }
  }
}

type Step = (spec: Omit<StepSpec, 'assignee' | 'abandoned' | 'casePatch'> & { assignee?: () => Assignee }) => Promise<unknown>;

/** A proceeding from filing to its result: the document, acceptance, then the wait for the decision. */
async function proceed(parts: RepresentationParts, p: Proceeding, step: Step): Promise<void> {
  const { s, keeper, notices, paperwork, lawyer, policy, clock } = parts;
  const label = PROCEEDING_LABELS[p.type];
  s.stage = 'proceeding';
  if (!s.filed.includes(p.no)) {
    await paperwork.file(p, lawyer);
    s.filed.push(p.no);
    notices.tellWorkers(`filed-${p.no}`, `律师已向${p.institution}提起${label}，请求金额${yuan(p.claimedFen)}。`);
  }
  if (!p.acceptedOn) {
    await step({ kind: 'proceeding', title: `登记${label}受理情况与案号`, dueAt: nowMs() + policy.followUpDue, done: () => !!p.acceptedOn || !!p.result });
    if (!p.acceptedOn) return;
  }
  let due: () => number;
  if (p.type === 'arbitration') {
    const base = await keeper.start({ id: `award-${p.no}`, label: '仲裁裁决期限（受理之日起45日）', statute: '《劳动争议调解仲裁法》第四十三条', startOn: p.acceptedOn, period: { days: 45 } });
    due = () => keeper.dueOf(p.extended ? `award-${p.no}-extended` : base.id)();
  } else {
    const term = COURT_TERMS[p.type];
    due = await clock.deadline(term.statute, Date.parse(`${p.acceptedOn}T12:00:00+08:00`), { months: term.months });
  }
  for (;;) {
    const extended = p.extended;
    await step({ kind: 'proceeding', title: `跟进${label}（${p.institution}${p.externalNo}），登记结果`, dueAt: due, done: () => !!p.result || p.extended !== extended });
    if (p.result || s.outcome !== null) break;
    // The commission extended the award's term: 45 + 15 days from acceptance, and the step follows the new end.
    keeper.settle(`award-${p.no}`);
    await keeper.start({ id: `award-${p.no}-extended`, label: '延长后的仲裁裁决期限（45日+15日）', statute: '《劳动争议调解仲裁法》第四十三条', startOn: p.acceptedOn, period: { days: 60 } });
  }
  keeper.settle(`award-${p.no}`);
  keeper.settle(`award-${p.no}-extended`);
  if (p.type !== 'arbitration') clock.release(due);
  if (p.result) notices.tellWorkers(`result-${p.no}`, `${label}结果：${RESULT_LABELS[p.result.kind]}，支持${yuan(p.result.awardedFen)}。律师将与您商量下一步。`);
}

/** After an award, a judgment or a ruling: sue or appeal within the clock, or let the decision stand. */
async function decide(parts: RepresentationParts, p: Proceeding, step: Step): Promise<void> {
  const { s, keeper, host } = parts;
  const r = p.result!;
  s.stage = 'deciding';
  const clock = p.type === 'arbitration'
    ? { id: `suit-${p.no}`, label: '对仲裁裁决提起诉讼（收到裁决书之日起15日）', statute: '《劳动争议调解仲裁法》第四十八条、第五十条', period: { days: 15 } }
    : { id: `appeal-${p.no}`, label: `提起上诉（${r.kind === 'ruling' ? '裁定书送达之日起10日' : '判决书送达之日起15日'}）`, statute: '《民事诉讼法》第一百七十一条', period: { days: r.kind === 'ruling' ? 10 : 15 } };
  const c = await keeper.start({ ...clock, startOn: r.servedOn });
  const verb = p.type === 'arbitration' ? '起诉' : '上诉';
  const end = await step({
    kind: 'decide', title: `决定是否${verb}（${shanghaiDate(Date.parse(c.dueAt))}前）`, dueAt: keeper.dueOf(c.id), whenOverdue: 'end',
    done: () => s.resultAccepted || !!runningProceeding(s),
  });
  if (end !== 'overdue') keeper.settle(c.id);
  if (end === 'overdue') {
    s.resultAccepted = true;
    await activities.persistTransition({
      caseNo: host.caseNo, at: nowIso(),
      events: [host.systemEvent('decision_effective', `${clock.label}届满，未${verb}，${PROCEEDING_LABELS[p.type]}${RESULT_LABELS[r.kind]}发生法律效力`, { proceedingNo: p.no })],
    });
  }
}
