/** What the early warning's workflows ask of the outside world (activities/risk/). */
import type { RiskColour, RiskUnitType, RiskWarningPolicy } from '../../workflows/risk-warning/grade';

/** A change of colour whose follow-up is not recorded yet (a new one, or one an interrupted run did not get to). */
export interface PendingFollowUp {
  followupId: string;
  unitType: RiskUnitType;
  unitId: string;
  unitName: string;
  streetId: string;
  streetName: string;
  districtId: string;
  enterpriseId: string | null;
  colour: Exclude<RiskColour, 'none'>;
  changedOn: string;
  complaints: number;
}

export interface RecomputeResult {
  units: number;
  changed: number;
  pending: PendingFollowUp[];
}

export interface FollowUpRecord {
  followupId: string;
  unitType: RiskUnitType;
  unitId: string;
  streetId: string;
  colour: Exclude<RiskColour, 'none'>;
  changedOn: string;
  action: 'visit' | 'talk' | 'inspect';
  title: string;
  role: string;
  unitOfAssignee: string;
  department: string | null;
  openedAt: string;
  dueAt: string;
}

export interface RiskActivities {
  /** counts complaints in the window, stores each unit's colour and every change, lists follow-ups still to record */
  recomputeRiskColours(q: { now: string; policy: RiskWarningPolicy }): Promise<RecomputeResult>;
  /** the follow-up's row, once (its key is unique); false when it was already there */
  recordFollowUp(f: FollowUpRecord): Promise<boolean>;
  escalateFollowUp(q: { followupId: string; level: number }): Promise<void>;
  closeFollowUp(q: { followupId: string; at: string; by: string; note: string }): Promise<void>;
}
