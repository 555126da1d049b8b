/** Pure: the colour a complaint count earns (DOMAIN §2), and what each colour asks for. Shared by workflow, activity and pages. */
import type { Role } from '../shared/roles';

export type RiskColour = 'none' | 'blue' | 'yellow' | 'red';
export type RiskUnitType = 'street' | 'enterprise';

/** complaints in the window at which a unit turns blue, yellow, red (each at least the one before) */
export interface RiskThresholds {
  blue: number;
  yellow: number;
  red: number;
}

export interface RiskWarningPolicy {
  /** complaints of every kind counted over this many days back from the run */
  windowDays: number;
  street: RiskThresholds;
  enterprise: RiskThresholds;
  /** how long each follow-up has before district staff are reminded */
  dueDays: { visit: number; talk: number; inspect: number };
  /** the partner department that inspects with the union on red */
  inspectDepartment: string;
}

export const COLOUR_LABELS: Record<RiskColour, string> = { none: '无', blue: '蓝色', yellow: '黄色', red: '红色' };
export const UNIT_TYPE_LABELS: Record<RiskUnitType, string> = { street: '街道（园区）', enterprise: '企业' };
export const COLOUR_RANK: Record<RiskColour, number> = { none: 0, blue: 1, yellow: 2, red: 3 };

export function colourFor(complaints: number, t: RiskThresholds): RiskColour {
  if (complaints >= t.red) return 'red';
  if (complaints >= t.yellow) return 'yellow';
  if (complaints >= t.blue) return 'blue';
  return 'none';
}

export type FollowUpAction = 'visit' | 'talk' | 'inspect';
export const ACTION_OF: Record<Exclude<RiskColour, 'none'>, FollowUpAction> = { blue: 'visit', yellow: 'talk', red: 'inspect' };
export const ACTION_LABELS: Record<FollowUpAction, string> = { visit: '日常走访重点关注', talk: '约谈工会主席', inspect: '会同人社局联合检查' };

/** Who holds the follow-up: the street's caseworker notes a visit; the district talks; HR & social security inspects. */
export function followUpAssignee(action: FollowUpAction, units: { streetId: string; districtId: string }, policy: RiskWarningPolicy): { role: Role; unitId: string; department: string | null } {
  if (action === 'visit') return { role: 'street_caseworker', unitId: units.streetId, department: null };
  if (action === 'talk') return { role: 'district_staff', unitId: units.districtId, department: null };
  return { role: 'partner_department', unitId: units.districtId, department: policy.inspectDepartment };
}

/** The follow-up's key and workflow id: one per unit, colour and day of change, whoever and however often asks. */
export const followUpId = (unitType: RiskUnitType, unitId: string, colour: RiskColour, day: string) => `risk-${unitType}-${unitId}-${colour}-${day}`;
