/** The wage-negotiation tables (migration 016): the yearly plan, a round's own facts, its offers, the workers' posts. */
import type { Generated } from 'kysely';
import type { Timestamp } from './schema';

export interface WagePlanTable {
  id: Generated<number>;
  year: number;
  enterprise_id: string;
  /** a date (YYYY-MM-DD); pg returns a Date unless read as text */
  planned_start: string | Date;
  note: Generated<string>;
  case_no: string | null;
  opened_at: Timestamp | null;
  updated_by: number | null;
  updated_at: Generated<Timestamp>;
}

export interface WageRoundTable {
  case_no: string;
  enterprise_id: string;
  year: number;
  public_code: string;
  planned_start: string | Date;
  requested_at: Timestamp | null;
  answered_at: Timestamp | null;
  agreed_at: Timestamp | null;
  signed_at: Timestamp | null;
  filed_at: Timestamp | null;
  effective_at: Timestamp | null;
  published_at: Timestamp | null;
  offers: Generated<number>;
  agreement_text: string | null;
}

export interface WageOfferTable {
  case_no: string;
  offer_no: number;
  side: 'union' | 'employer';
  clauses: unknown;
  note: Generated<string>;
  made_at: Timestamp;
}

export interface WagePostTable {
  case_no: string;
  post_no: number;
  kind: 'suggestion' | 'comment';
  text: string;
  phone_masked: string;
  posted_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by: string | null;
  removed_reason: string | null;
}

export interface WageTables {
  wage_plans: WagePlanTable;
  wage_rounds: WageRoundTable;
  wage_offers: WageOfferTable;
  wage_posts: WagePostTable;
}
