/**
 * Library search (issue 23): the items whose Chinese tokens match the query, best first, from a bounded set of
 * candidates (CANDIDATES). Rank = ts_rank over the weighted tokens (title and keywords A, law and summary B, body C;
 * normalised by length so a long body does not win by size), + 1 when the item holds every token of the query, + 0.5 when its title or keywords alone do. A two-word query
 * like "加班 休息日" thus puts the item about both above items about either. docs/library.md explains the choice.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, LibraryKind } from '../../../db/schema';
import { distinctTokens, searchTokens, tsQueryOf } from './tokens';
import { keyTermsOf } from './vocabulary';

export interface LibraryHit {
  id: number; slug: string; kind: LibraryKind; topic: string; title: string;
  law: string | null; article: string | null; summary: string; published: boolean; rank: number;
}

export interface LibrarySearch { limit?: number; topic?: string; includeUnpublished?: boolean }

/** A query of more tokens than this is a description, not a few words: search by its key terms. */
const SHORT_QUERY_TOKENS = 8;
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'`);
/**
 * Rows each way of matching may bring before ranking (all tokens in the title or keywords; all tokens anywhere; any
 * token): ranking reads every candidate's tokens, so a common word in a big library must not make it read them all.
 * The seeded library is far below this; bench/library.ts measures 10,000 items.
 */
const CANDIDATES = 200;
/** how many of the best by tokens a description's phrases then re-rank */
const RERANKED = 40;

export async function queryTermsOf(db: Kysely<Database>, text: string): Promise<string[]> {
  const tokens = distinctTokens(text);
  return tokens.length <= SHORT_QUERY_TOKENS ? tokens : keyTermsOf(db, text, SHORT_QUERY_TOKENS);
}

export async function searchLibrary(db: Kysely<Database>, text: string, opts: LibrarySearch = {}): Promise<LibraryHit[]> {
  return searchLibraryByTerms(db, await queryTermsOf(db, text), opts);
}

/**
 * `phrases` (a description's keywords, vocabulary.ts keyPhrasesOf) add half their length in characters for each the
 * item's title or keywords hold as a phrase (its tokens next to each other), a quarter for each its other text does: a worker's long text is then matched by
 * its words, not by every pair of characters in it.
 */
export async function searchLibraryByTerms(db: Kysely<Database>, terms: readonly string[], opts: LibrarySearch = {}, phrases: readonly string[] = []): Promise<LibraryHit[]> {
  if (!terms.length) return [];
  const limit = opts.limit ?? 20;
  const any = tsQueryOf(terms, '|');
  const all = tsQueryOf(terms, '&');
  const allInTitle = tsQueryOf(terms, '&', 'A');
  const where = sql`${opts.includeUnpublished ? sql`` : sql`and published`} ${opts.topic ? sql`and topic = ${opts.topic}` : sql``}`;
  const candidates = (query: string) => sql`(select id from library_items where search @@ to_tsquery('simple', ${query}) ${where} limit ${CANDIDATES})`;
  const phraseBonus = phrases.map((p) => {
    const tokens = searchTokens(p);
    const weight = [...p].length / 2;
    return sql`+ case when search @@ to_tsquery('simple', ${tokens.map((t) => `'${t}':A`).join(' <-> ')}) then ${weight}::float8
      when search @@ to_tsquery('simple', ${tsQueryOf(tokens, '<->')}) then ${weight / 2}::float8 else 0 end`;
  });
  const { rows } = await sql<LibraryHit>`
    with candidates as (
      ${candidates(allInTitle)} union ${terms.length > 1 ? sql`${candidates(all)} union` : sql``} ${candidates(any)}
    ), ranked as (
      select i.id, slug, kind, topic, title, law, article, summary, published, search,
        (ts_rank(${WEIGHTS}, search, to_tsquery('simple', ${any}), 1)
          + case when search @@ to_tsquery('simple', ${all}) then 1 else 0 end
          + case when search @@ to_tsquery('simple', ${allInTitle}) then 0.5 else 0 end)::float8 as base
      from library_items i join candidates c on c.id = i.id
      order by base desc, i.id limit ${phrases.length ? Math.max(limit, RERANKED) : limit})
    select id, slug, kind, topic, title, law, article, summary, published, (base ${sql.join(phraseBonus, sql` `)})::float8 as rank
    from ranked order by rank desc, id limit ${limit}`.execute(db);
  return rows;
}
