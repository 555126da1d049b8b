/**
 * The court the enforcement application goes to (民事诉讼法: the court where the person subject to enforcement is
 * domiciled, or where the property to be enforced is): the district's court unless the mediator chose the court where
 * the property is. The choice is checked when applying, with the institutions as they are then: one that is not a
 * court falls back to the district's, and the case records why.
 */
import { activities, nowIso, type CaseHost } from '../shared/case-host';
import { findInstitution } from '../shared/deliver-documents';
import type { CourtBasis } from '../kinds/mediation/after-agreement';
import type { MediationIntake } from '../kinds/mediation/model';
import type { MediationState } from '../kinds/mediation/state';

/** One patch for the behaviour: a chosen court, the leads listed in the application. */
export const ENFORCEMENT_COURT_PATCH = 'mediation-enforcement-court';

export interface EnforcementCourt { unitId: string; name: string; basis: CourtBasis }

export async function enforcementCourt(host: CaseHost, intake: MediationIntake, s: MediationState): Promise<EnforcementCourt> {
  const registered = async (): Promise<EnforcementCourt> =>
    ({ unitId: intake.courtUnitId, name: (await findInstitution(intake.courtUnitId))?.name ?? '人民法院', basis: 'registered' });
  const chosen = s.enforcementCourt;
  if (!chosen || chosen.basis === 'registered' || chosen.unitId === intake.courtUnitId) return registered();
  const found = await findInstitution(chosen.unitId);
  if (found?.kind === 'court') return { unitId: found.unitId, name: found.name, basis: 'property' };
  const fallback = await registered();
  await activities.persistTransition({
    caseNo: host.caseNo, at: nowIso(),
    events: [host.systemEvent('enforcement_court_fallback', `调解员选择的财产所在地法院（${found?.name ?? chosen.unitId}）${found ? '不是人民法院' : '不在系统登记的机构中'}，强制执行申请改向被执行人住所地的${fallback.name}提出`, { chosen: chosen.unitId, unitId: fallback.unitId })],
  });
  return fallback;
}
