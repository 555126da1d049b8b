/**
 * From raw values to scores (docs/negotiation-index.md): each leaf's raw value becomes 0–100 by its scoring; a
 * second-level indicator is the weighted sum of its leaves, a dimension the weighted sum of its second-level
 * indicators, the total the weighted sum of the dimensions. Weights at each level sum to 1, so every score stays 0–100.
 * A leaf without a value scores 0: what is neither recorded nor computed earns nothing.
 */
import type { EnterpriseScore, IndexTree, Leaf, RawValues, Scoring } from './types';

const clamp = (x: number) => Math.min(100, Math.max(0, x));

/** null: no value. */
export function scoreLeaf(scoring: Scoring, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  switch (scoring.kind) {
    case 'linear': return clamp(((value - scoring.min) / (scoring.max - scoring.min)) * 100);
    case 'inverse': return clamp(((scoring.worst - value) / (scoring.worst - scoring.best)) * 100);
    case 'boolean': return value >= 1 ? 100 : 0;
  }
}

const weighted = <T extends { weight: number }>(items: T[], score: (item: T) => number) => items.reduce((sum, i) => sum + i.weight * score(i), 0);

export function scoreEnterprise(tree: IndexTree, values: RawValues): EnterpriseScore {
  const branches: Record<string, number> = {};
  const dimensions: Record<string, number> = {};
  let valued = 0;
  let leaves = 0;
  const leafScore = (leaf: Leaf) => {
    leaves++;
    const s = scoreLeaf(leaf.scoring, values[leaf.code]);
    if (s !== null) valued++;
    return s ?? 0;
  };
  for (const dim of tree.dimensions) {
    for (const b of dim.children) branches[b.code] = weighted(b.children, leafScore);
    dimensions[dim.code] = weighted(dim.children, (b) => branches[b.code]);
  }
  return { dimensions, branches, total: weighted(tree.dimensions, (d) => dimensions[d.code]), valued, leaves };
}

export interface ScoredEnterprise {
  enterpriseId: string;
  name: string;
  streetId: string;
  score: EnterpriseScore;
}

/** A street's or the city's scores: the plain mean of its enterprises' (each enterprise weighs the same). */
export interface AreaScore {
  id: string;
  name: string;
  enterprises: number;
  dimensions: Record<string, number>;
  total: number;
}

export function meanOf(id: string, name: string, tree: IndexTree, scored: ScoredEnterprise[]): AreaScore {
  const n = scored.length;
  const mean = (f: (s: ScoredEnterprise) => number) => (n ? scored.reduce((a, s) => a + f(s), 0) / n : 0);
  const dimensions = Object.fromEntries(tree.dimensions.map((d) => [d.code, mean((s) => s.score.dimensions[d.code])]));
  return { id, name, enterprises: n, dimensions, total: mean((s) => s.score.total) };
}

export interface RollUp {
  city: AreaScore;
  streets: (AreaScore & { enterprises: number; rows: ScoredEnterprise[] })[];
}

/**
 * Streets and the city from enterprises: each street the mean of its enterprises, the city the mean of all its
 * enterprises (not of the streets' means, so a street with more enterprises counts for more). Streets with no
 * enterprise in the index are listed with none.
 */
export function rollUp(tree: IndexTree, city: { id: string; name: string }, streets: { id: string; name: string }[], scored: ScoredEnterprise[]): RollUp {
  return {
    city: meanOf(city.id, city.name, tree, scored),
    streets: streets.map((st) => {
      const rows = scored.filter((s) => s.streetId === st.id);
      return { ...meanOf(st.id, st.name, tree, rows), rows };
    }),
  };
}
