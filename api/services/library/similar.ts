/**
 * "Cases like mine" (issue 23): for what a worker is about to write, the library items and the closed grievances most
 * like it, the grievances anonymised. The closed cases are many (100,000 in bench/library.ts), so they are searched in
 * two steps, each reading at most a bounded number of rows: first those holding all of the description's three rarest
 * key terms, then, if that found too few, those holding any. The category the worker chose counts a little.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema';
import { CATEGORY_LABELS, OUTCOME_LABELS } from '../../../workflows/kinds/grievance/model';
import { anonymise, excerpt } from './anonymise';
import { searchLibraryByTerms, type LibraryHit } from './search';
import { tsQueryOf } from './tokens';
import { keyPhrasesOf, keyTermsOf } from './vocabulary';

export interface SimilarCase {
  caseNo: string; category: string; categoryLabel: string; outcome: string | null; outcomeLabel: string;
  excerpt: string; workerCount: number; recoveredFen: number | null; closedAt: string;
}
export interface Similar { terms: string[]; items: LibraryHit[]; cases: SimilarCase[] }

const KEY_TERMS = 8;
const STRICT_TERMS = 3;
/** rows a step reads before ranking: bounded, so a common term in 100,000 cases costs no more than a rare one */
const CANDIDATES = 400;

interface CaseRow {
  case_no: string; category: string; description: string; outcome: string | null; worker_count: number;
  recovered_fen: number | null; updated_at: Date; complainant_name: string; complainant_phone: string | null;
  enterprise_name: string; rank: number;
}

async function closedCases(db: Kysely<Database>, match: string, rankBy: string, category: string | undefined, exclude: string[], limit: number) {
  const { rows } = await sql<CaseRow>`
    with candidates as (
      select g.case_no, g.category, g.description, g.search, c.outcome, c.worker_count, c.recovered_fen, c.updated_at,
        c.complainant_name, c.complainant_phone, c.enterprise_name
      from grievance_cases g join cases c on c.case_no = g.case_no
      where g.search @@ to_tsquery('simple', ${match}) and c.status = 'closed'
        ${exclude.length ? sql`and g.case_no <> all(${exclude})` : sql``}
      limit ${CANDIDATES})
    select *, (ts_rank(search, to_tsquery('simple', ${rankBy}), 1)
      + case when category = ${category ?? ''} then 0.3 else 0 end)::float8 as rank
    from candidates order by rank desc, updated_at desc limit ${limit}`.execute(db);
  return rows;
}

function present(r: CaseRow): SimilarCase {
  return {
    caseNo: r.case_no, category: r.category,
    categoryLabel: (CATEGORY_LABELS as Record<string, string>)[r.category] ?? r.category,
    outcome: r.outcome, outcomeLabel: r.outcome ? (OUTCOME_LABELS as Record<string, string>)[r.outcome] ?? r.outcome : '已办结',
    excerpt: excerpt(anonymise(r.description, { name: r.complainant_name, phone: r.complainant_phone, enterprise: r.enterprise_name })),
    workerCount: r.worker_count, recoveredFen: r.recovered_fen, closedAt: r.updated_at.toISOString(),
  };
}

export async function similarCases(db: Kysely<Database>, terms: string[], category?: string, limit = 3): Promise<SimilarCase[]> {
  if (!terms.length) return [];
  const any = tsQueryOf(terms, '|');
  const found = terms.length > 1 ? await closedCases(db, tsQueryOf(terms.slice(0, STRICT_TERMS), '&'), any, category, [], limit) : [];
  if (found.length < limit) found.push(...await closedCases(db, any, any, category, found.map((r) => r.case_no), limit - found.length));
  return found.map(present);
}

export async function casesLikeMine(db: Kysely<Database>, description: string, opts: { category?: string; items?: number; cases?: number } = {}): Promise<Similar> {
  const [terms, phrases] = await Promise.all([keyTermsOf(db, description, KEY_TERMS), keyPhrasesOf(db, description, KEY_TERMS)]);
  const [hits, cases] = await Promise.all([
    searchLibraryByTerms(db, terms, { limit: 12 }, phrases),
    similarCases(db, terms, opts.category, opts.cases ?? 3),
  ]);
  // A worker's own words read like a typical case more than like a statute: the law first, then one typical case.
  const want = opts.items ?? 3;
  const law = hits.filter((h) => h.kind !== 'case').slice(0, want - 1);
  const typical = hits.filter((h) => h.kind === 'case').slice(0, want - law.length);
  return { terms, items: [...law, ...typical], cases };
}
