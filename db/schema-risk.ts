/** Table types of the red / yellow / blue early warning (migration 022). */
import type { Generated } from 'kysely';
import type { Timestamp } from './schema';

export type RiskColour = 'none' | 'blue' | 'yellow' | 'red';
export type RiskUnitType = 'street' | 'enterprise';

export interface RiskColourTable {
  unit_type: RiskUnitType;
  unit_id: string;
  street_id: string;
  colour: RiskColour;
  complaints: number;
  computed_at: Timestamp;
  changed_at: Timestamp;
}

export interface RiskColourChangeTable {
  id: Generated<number>;
  unit_type: RiskUnitType;
  unit_id: string;
  street_id: string;
  from_colour: RiskColour;
  to_colour: RiskColour;
  complaints: number;
  /** YYYY-MM-DD, Asia/Shanghai */
  changed_on: string;
  at: Timestamp;
}

export interface RiskFollowupTable {
  followup_id: string;
  unit_type: RiskUnitType;
  unit_id: string;
  street_id: string;
  colour: Exclude<RiskColour, 'none'>;
  changed_on: string;
  action: 'visit' | 'talk' | 'inspect';
  title: string;
  assignee_role: string;
  org_unit_id: string;
  department: string | null;
  status: 'open' | 'done';
  escalation_level: Generated<number>;
  due_at: Timestamp;
  opened_at: Timestamp;
  closed_at: Date | null;
  closed_by: string | null;
  note: string | null;
}

export interface RiskTables {
  risk_colours: RiskColourTable;
  risk_colour_changes: RiskColourChangeTable;
  risk_followups: RiskFollowupTable;
}
