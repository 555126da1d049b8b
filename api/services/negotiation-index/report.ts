/**
 * A year's index for a person's area: the tree in force, each enterprise's raw values (computed from the system's
 * rows, entered by staff), its scores, and the streets' and the city's means (workflows/shared/negotiation-index).
 */
import type { Kysely } from 'kysely';
import { yearFacts } from '../../../db/queries/negotiation-index-computed';
import { currentTree, enteredValuesOfYear, enterprisesInIndex } from '../../../db/queries/negotiation-index';
import type { SignedInStaff } from '../../../db/queries/staff';
import type { Database } from '../../../db/schema';
import {
  NO_FACTS, rawValuesOf, rollUp, scoreEnterprise, type AreaScore, type IndexTree, type ScoredEnterprise,
} from '../../../workflows/shared/negotiation-index';
import { shanghaiDate } from '../../../workflows/shared/deadlines';
import { indexAreaOf, type IndexArea } from './area';

/** The year an index page opens on: this year in Asia/Shanghai. */
export const thisYear = () => Number(shanghaiDate(Date.now()).slice(0, 4));

export interface IndexReport {
  year: number;
  treeVersion: number;
  tree: IndexTree;
  /** null for a street chair, who reads their own street only */
  city: AreaScore | null;
  streets: (AreaScore & { rows: ScoredEnterprise[] })[];
}

/** What the index reads for an area and year: the tree in force, the enterprises in it, their facts and entered values. */
export async function loadIndexInputs(db: Kysely<Database>, area: IndexArea, year: number) {
  const streetIds = area.streets.map((s) => s.id);
  const [{ version, tree }, enterprises, facts, entered] = await Promise.all([
    currentTree(db), enterprisesInIndex(db, year, streetIds), yearFacts(db, year, streetIds), enteredValuesOfYear(db, year, streetIds),
  ]);
  return { version, tree, enterprises, facts, entered };
}

/** Scoring and roll-up of what was loaded: no I/O. */
export function scoreIndex(area: IndexArea, year: number, inputs: Awaited<ReturnType<typeof loadIndexInputs>>): IndexReport {
  const { version, tree, enterprises, facts, entered } = inputs;
  const scored: ScoredEnterprise[] = enterprises.map((e) => ({
    enterpriseId: e.id, name: e.name, streetId: e.streetId,
    score: scoreEnterprise(tree, rawValuesOf(tree, facts.get(e.id) ?? NO_FACTS, entered.get(e.id) ?? {})),
  }));
  const r = rollUp(tree, area.district, area.streets, scored);
  return { year, treeVersion: version, tree, city: area.streetOnly ? null : r.city, streets: r.streets };
}

/** The computation for an area given as data (the bench calls it for its own thousand enterprises). */
export async function computeIndex(db: Kysely<Database>, area: IndexArea, year: number): Promise<IndexReport> {
  return scoreIndex(area, year, await loadIndexInputs(db, area, year));
}

export async function indexReport(db: Kysely<Database>, staff: SignedInStaff, year: number): Promise<IndexReport> {
  return computeIndex(db, await indexAreaOf(db, staff), year);
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const roundAll = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round2(v)]));

/** The JSON answer: scores to two decimals, the dimensions named. */
export function reportJson(r: IndexReport) {
  const area = (a: AreaScore) => ({ id: a.id, name: a.name, enterprises: a.enterprises, total: round2(a.total), dimensions: roundAll(a.dimensions) });
  return {
    year: r.year, treeVersion: r.treeVersion,
    dimensions: r.tree.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight })),
    city: r.city && area(r.city),
    streets: r.streets.map((s) => ({
      ...area(s),
      enterpriseScores: s.rows.map((e) => ({
        enterpriseId: e.enterpriseId, name: e.name, total: round2(e.score.total), dimensions: roundAll(e.score.dimensions),
        branches: roundAll(e.score.branches), valuedLeaves: e.score.valued, leaves: e.score.leaves,
      })),
    })),
  };
}
