/**
 * A grievance handed to the district's union mediation station (DOMAIN §3: outcome "to arbitration" or "mediate at
 * the station"): the station's case is a child workflow of its own kind (mediation → arbitration, case number MA with
 * the grievance's digits), and the grievance waits for its result and records it before the follow-up visit.
 */
import { inTurns } from './shared/local-turns';
import { executeChild, ParentClosePolicy, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/types';
import { activities, nowIso, type CaseHost } from './shared/case-host';
import type { GrievanceInput } from './kinds/grievance/model';
import type { GrievanceState } from './kinds/grievance/state';
import { MEDIATION_OUTCOME_LABELS, type MediationInput } from './kinds/mediation/model';
import type { mediationArbitration, MediationResult } from './mediation-arbitration';

const { findDistrictInstitutions } = inTurns(proxyLocalActivities<Pick<CaseActivities, 'findDistrictInstitutions'>>({
  startToCloseTimeout: '10 seconds', retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
}));

/** The station's case number for a grievance: the same ten characters, so either number leads to the other. */
export const stationCaseNo = (grievanceCaseNo: string) => `MA${grievanceCaseNo.slice(2)}`;

export async function handOverToStation(host: CaseHost, input: GrievanceInput, s: GrievanceState, payload: Record<string, unknown>): Promise<MediationResult | null> {
  const { caseNo, intake } = input;
  const places = await findDistrictInstitutions({ districtId: intake.districtId });
  if (!places || !input.mediationPolicy) {
    await activities.persistTransition({ caseNo, at: nowIso(), events: [host.systemEvent('station_missing', '本区尚未登记调解站、仲裁院或法院，请线下转交并在回访中记录结果')] });
    return null;
  }
  const child: MediationInput = {
    caseNo: stationCaseNo(caseNo),
    intake: {
      ...places, source: 'grievance', parentCaseNo: caseNo, directToArbitration: s.outcome === 'arbitration',
      districtId: intake.districtId, streetId: intake.streetId, dispute: intake.category === 'unpaid_wages' ? '拖欠工资' : intake.description.slice(0, 30),
      appliedAt: nowIso(),
      employer: {
        partyNo: 1, name: intake.enterpriseName, enterpriseId: intake.enterpriseId, address: String(payload.employerAddress ?? '') || '（待补充）',
        representative: { role: '法定代表人', name: String(payload.employerRepresentative ?? '') || '（待补充）' }, phone: String(payload.employerPhone ?? ''),
      },
      // The complainant; the station registers the group's other workers with their ID numbers.
      workers: [{ partyNo: 2, name: intake.complainantName, phone: intake.complainantPhone, idNumber: '', claimedFen: intake.workerCount > 1 ? 0 : intake.claimedFen }],
      filedBy: { role: 'system', name: '工情诉求转入' } as never,
    },
    policy: input.mediationPolicy,
  };
  // A rest point: the grievance now waits on the station, so the outcome command is answered here.
  await host.persistRestPoint({
    caseNo, at: nowIso(), casePatch: { stage: 'station' },
    events: [host.systemEvent('handed_to_station', `${s.outcome === 'arbitration' ? '转调解站出具转仲裁函，移送仲裁院' : '转调解站调解'}（调解案件 ${child.caseNo}）`, { mediationCaseNo: child.caseNo })],
  });
  // The station's case outlives a grievance that is closed or terminated meanwhile: it has parties and deadlines of its own.
  const result = await executeChild<typeof mediationArbitration>('mediationArbitration', {
    workflowId: `mediation-${child.caseNo}`, args: [child], parentClosePolicy: ParentClosePolicy.ABANDON,
  });
  const money = result.paidFen > 0 ? `，职工已收到${(result.paidFen / 100).toFixed(2)}元` : '';
  await activities.persistTransition({
    caseNo, at: nowIso(),
    events: [host.systemEvent('station_result', `调解站案件 ${child.caseNo} 办结：${MEDIATION_OUTCOME_LABELS[result.outcome]}${money}`, { ...result })],
  });
  return result;
}
