/**
 * Another kind's case handed to the union's legal-aid centre (DOMAIN §4): a grievance whose outcome is legal aid or
 * court, or a mediation transferred to arbitration where the workers ask for a lawyer. The legal-aid case is a child
 * workflow of its own kind, its number LA with the parent's ten characters (either number leads to the other). The
 * district's institutions and the policy in force come from the worker side (a local activity), since the config reads
 * the environment, which a workflow may not.
 */
import { inTurns } from './shared/local-turns';
import { executeChild, ParentClosePolicy, proxyLocalActivities, startChild } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/types';
import { activities, nowIso, type CaseHost } from './shared/case-host';
import type { AidedWorkerParty, DebtorParty, LegalAidInput, LegalAidSource } from './kinds/legal-aid/model';
import { LEGAL_AID_OUTCOME_LABELS } from './kinds/legal-aid/model';
import type { legalAid, LegalAidResult } from './legal-aid';

const { legalAidSetup } = inTurns(proxyLocalActivities<Pick<CaseActivities, 'legalAidSetup'>>({
  startToCloseTimeout: '10 seconds', retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
}));

export const legalAidCaseNo = (parentCaseNo: string) => `LA${parentCaseNo.slice(2)}`;

export interface HandOver {
  source: Extract<LegalAidSource, 'grievance' | 'mediation' | 'wage_negotiation'>;
  districtId: string;
  streetId: string;
  dispute: string;
  facts: string;
  workers: AidedWorkerParty[];
  debtors: DebtorParty[];
}

async function childInput(host: CaseHost, h: HandOver): Promise<LegalAidInput | null> {
  const setup = await legalAidSetup({ districtId: h.districtId });
  if (!setup) {
    await activities.persistTransition({ caseNo: host.caseNo, at: nowIso(), events: [host.systemEvent('legal_aid_missing', '本区尚未设立工会法律援助工作站，请线下转交并在回访中记录结果')] });
    return null;
  }
  return {
    caseNo: legalAidCaseNo(host.caseNo),
    intake: {
      ...setup.places, source: h.source, parentCaseNo: host.caseNo, courtRef: null, districtId: h.districtId, streetId: h.streetId,
      centreUnitId: h.districtId, dispute: h.dispute, facts: h.facts, appliedAt: nowIso(), workers: h.workers, debtors: h.debtors,
      filedBy: { role: 'system', name: h.source === 'grievance' ? '工情诉求转入' : h.source === 'mediation' ? '调解转仲裁转入' : '工资集体协商服务菜单' } as never,
    },
    policy: setup.policy,
  };
}

/** The grievance waits for the legal-aid case and records its result (then its street visits the worker). */
export async function awaitLegalAid(host: CaseHost, h: HandOver): Promise<LegalAidResult | null> {
  const input = await childInput(host, h);
  if (!input) return null;
  await host.persistRestPoint({
    caseNo: host.caseNo, at: nowIso(), casePatch: { stage: 'legalAid' },
    events: [host.systemEvent('handed_to_legal_aid', `转工会法律援助工作站（法律援助案件 ${input.caseNo}）`, { legalAidCaseNo: input.caseNo })],
  });
  // The legal-aid case outlives a parent that is closed or terminated meanwhile: it has a lawyer and clocks of its own.
  const result = await executeChild<typeof legalAid>('legalAid', { workflowId: `legal_aid-${input.caseNo}`, args: [input], parentClosePolicy: ParentClosePolicy.ABANDON });
  const money = result.recoveredFen > 0 ? `，职工已收到${(result.recoveredFen / 100).toFixed(2)}元` : '';
  await activities.persistTransition({
    caseNo: host.caseNo, at: nowIso(),
    events: [host.systemEvent('legal_aid_result', `法律援助案件 ${input.caseNo} 办结：${LEGAL_AID_OUTCOME_LABELS[result.outcome]}${money}`, { ...result })],
  });
  return result;
}

/** The mediation goes on to arbitration; the legal-aid case starts beside it and runs on its own. */
export async function startLegalAid(host: CaseHost, h: HandOver): Promise<void> {
  const input = await childInput(host, h);
  if (!input) return;
  await startChild<typeof legalAid>('legalAid', { workflowId: `legal_aid-${input.caseNo}`, args: [input], parentClosePolicy: ParentClosePolicy.ABANDON });
  await activities.persistTransition({
    caseNo: host.caseNo, at: nowIso(),
    events: [host.systemEvent('handed_to_legal_aid', h.source === 'wage_negotiation'
      ? `企业工会申请法律援助，已转工会法律援助工作站（法律援助案件 ${input.caseNo}）` : `职工申请律师代理仲裁，已转工会法律援助工作站（法律援助案件 ${input.caseNo}）`, { legalAidCaseNo: input.caseNo })],
  });
}
