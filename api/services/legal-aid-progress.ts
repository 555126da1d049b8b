/**
 * The worker's own view of a legal-aid case, for the phone page: where it stands in words written for the worker, the
 * lawyer's name and phone once one has accepted, each proceeding's milestones with its amounts, what was recovered,
 * and whether the worker may rate it now. Nothing of the other workers: only counts and the case's totals. The
 * worker rates as 'worker' with the rateCase command, which only the worker's page sends.
 */
import type { Client } from '@temporalio/client';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { findCase } from '../../db/queries/cases';
import type { Database } from '../../db/schema';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import {
  LEGAL_AID_OUTCOME_LABELS, PROCEEDING_LABELS, RESULT_LABELS, type LegalAidStage, type LegalAidView,
} from '../../workflows/kinds/legal-aid/model';
import { HttpError } from '../errors';
import { actOnCase, caseView } from './cases';

/** Each stage as the worker reads it: what is happening and who is doing it. */
const WORKER_STAGES: Record<LegalAidStage, string> = {
  screening: '工会法律援助工作站正在审查您的申请',
  assigning: '已决定为您提供法律援助，正在为您指派律师',
  accepting: '已为您指派律师，等待律师接受指派',
  preparing: '律师正在准备证据，并与用人单位协商',
  support: '已申请检察院支持起诉，等待检察院答复',
  proceeding: '仲裁或诉讼进行中',
  deciding: '已有裁判结果，律师正在与您商定下一步',
  performing: '等待用人单位履行付款',
  delegated: '法院委派的诉前调解进行中',
  reporting: '正在向法院报告调解结果',
  closing: '律师正在办理结案',
  rating: '案件已结案，请您评价本次服务',
  closed: '已办结',
};

const yuanOf = (fen: number) => (fen / 100).toFixed(2);

/** The worker's own legal-aid case, if this request carries their proof for it; unknown and not-theirs answer alike. */
export async function ownLegalAidCase(db: Kysely<Database>, req: FastifyRequest, caseNo: string) {
  const row = req.workerCases.includes(caseNo) ? await findCase(db, caseNo) : undefined;
  if (!row || row.kind !== 'legal_aid') throw new HttpError(404, '请用查询编号和手机验证码打开您的法律援助案件', 'NOT_FOUND');
  return row;
}

function proceedingsOf(view: LegalAidView) {
  return view.proceedings.map((p) => ({
    no: p.no, title: `${PROCEEDING_LABELS[p.type]} · ${p.institution}`,
    steps: [
      `${p.filedOn} 提交，请求金额 ${yuanOf(p.claimedFen)} 元`,
      ...(p.acceptedOn ? [`${p.acceptedOn} 受理${p.externalNo ? `（案号 ${p.externalNo}）` : ''}${p.extended ? '，审理期限已依法延长15日' : ''}`] : []),
      ...(p.result ? [`${p.result.servedOn} 收到${RESULT_LABELS[p.result.kind]}：支持 ${yuanOf(p.result.awardedFen)} 元`] : []),
      ...(p.recoveredFen > 0 ? [`本程序已回款 ${yuanOf(p.recoveredFen)} 元`] : []),
    ],
    claimedFen: p.claimedFen, awardedFen: p.result?.awardedFen ?? null, recoveredFen: p.recoveredFen,
  }));
}

/** What happened before and beside the proceedings, in order. */
function milestonesOf(view: LegalAidView): { on: string; text: string }[] {
  const out: { on: string; text: string }[] = [{ on: view.appliedAt, text: view.source === 'court_delegated' ? '法院委派的诉前调解已受理' : '法律援助申请已受理' }];
  if (view.decision) out.push({ on: view.decision.at, text: view.decision.granted ? '决定为您提供法律援助' : `决定不予法律援助：${view.decision.reason ?? ''}` });
  const accepted = view.assignments.find((a) => a.status === 'accepted');
  if (accepted && view.lawyer) out.push({ on: accepted.assignedAt, text: `${view.lawyer.name}律师接受指派，为您代理` });
  if (view.settlement) out.push({ on: view.settlement.at, text: view.settlement.result === 'settled' ? `与用人单位协商和解，约定支付 ${yuanOf(view.settlement.amountFen)} 元` : '与用人单位协商未果' });
  if (view.support) out.push({ on: view.support.requestedAt, text: '已申请检察院支持起诉' });
  if (view.support?.decision) out.push({ on: view.support.decision.at, text: view.support.decision.support ? '检察院决定支持起诉' : '检察院决定不支持起诉' });
  if (view.delegated) out.push({ on: view.delegated.at, text: view.delegated.result === 'agreed' ? `诉前调解达成协议：${yuanOf(view.delegated.totalFen)} 元` : '诉前调解不成，案件退回法院' });
  return out.map((m) => ({ ...m, on: shanghaiDate(Date.parse(m.on)) }));
}

export async function legalAidProgress(db: Kysely<Database>, temporal: Client, caseNo: string) {
  const view = await caseView<LegalAidView>(temporal, caseNo, db);
  const open = view.status === 'open' && !view.archived;
  return {
    view,
    stageText: WORKER_STAGES[view.stage] ?? view.stage,
    outcomeText: view.outcome ? LEGAL_AID_OUTCOME_LABELS[view.outcome] : null,
    refused: view.decision?.granted === false,
    lawyer: view.lawyer ? { name: view.lawyer.name, firm: view.lawyer.firm, phone: view.lawyer.phone } : null,
    claimedFen: view.workers.reduce((t, w) => t + w.claimedFen, 0),
    milestones: milestonesOf(view),
    proceedings: proceedingsOf(view),
    plan: view.plan ? view.plan.installments : null,
    canRate: open && view.stage === 'rating' && view.rating === null,
  };
}

/** The worker rates the closed case (1–5 stars) from their page. */
export async function rateLegalAid(
  { db, temporal }: { db: Kysely<Database>; temporal: Client }, req: FastifyRequest, caseNo: string, body: { rating: number; comment?: string }, key?: string,
): Promise<void> {
  const row = await ownLegalAidCase(db, req, caseNo);
  const comment = body.comment?.trim();
  await actOnCase(temporal, row.case_no, { action: 'rateCase', actor: { role: 'worker', name: row.complainant_name }, payload: { rating: body.rating, ...(comment ? { comment } : {}) } }, key);
}
