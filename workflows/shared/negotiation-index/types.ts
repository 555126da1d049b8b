/**
 * The negotiation index's indicator tree (DOMAIN §5, issue 22): dimensions → second-level indicators → leaves, each
 * weighted. The tree is data (tree.json, then versions saved by the city union); these are its shapes.
 */

/** How a leaf's raw value becomes a 0–100 score. */
export type Scoring =
  /** more is better: ≤ min scores 0, ≥ max scores 100, linear between */
  | { kind: 'linear'; min: number; max: number }
  /** fewer is better: ≤ best scores 100, ≥ worst scores 0, linear between */
  | { kind: 'inverse'; best: number; worst: number }
  /** 1 (是) scores 100, 0 (否) scores 0 */
  | { kind: 'boolean' };

/** What the system computes from its own rows (db/queries/negotiation-index-computed.ts). */
export const MEASURES = {
  suggestions: '协商码上职工提出的建议数（不含被审核删除的）',
  offers: '协商中双方提出的方案和报价次数',
  daysToAgreement: '从提出协商要求到达成协议的天数',
  grievances: '当年针对该企业的职工投诉件数',
  agreementReached: '当年是否达成协议',
  filedOnTime: '签订后是否在规定天数内报送人社部门',
  effectiveOnTime: '报送后是否在规定天数内生效',
  publishedOnTime: '生效后是否在规定天数内向职工公布',
} as const;
export type Measure = keyof typeof MEASURES;

/** Where a leaf's raw value comes from: entered by the city union's staff (within min..max), or computed. */
export type Source =
  | { kind: 'entered'; min: number; max: number }
  | { kind: 'computed'; measure: Measure; withinDays?: number };

export interface Leaf {
  code: string;
  name: string;
  weight: number;
  unit: string;
  scoring: Scoring;
  source: Source;
}

export interface Branch {
  code: string;
  name: string;
  weight: number;
  children: Leaf[];
}

export interface Dimension {
  code: string;
  name: string;
  weight: number;
  children: Branch[];
}

export interface IndexTree {
  title: string;
  dimensions: Dimension[];
}

/** Raw values of one enterprise and year by leaf code; a leaf without a value scores 0. */
export type RawValues = Record<string, number | null | undefined>;

export interface EnterpriseScore {
  /** 0–100 per dimension code */
  dimensions: Record<string, number>;
  /** 0–100 per second-level code */
  branches: Record<string, number>;
  total: number;
  /** leaves with a value, of all leaves */
  valued: number;
  leaves: number;
}
