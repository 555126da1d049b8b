/**
 * The library's key terms: the tokens of published items' titles and keywords, with how many items use each. A worker's
 * description is long and says much besides its point ("我在厂里上班三年了……"); the tokens it shares with these terms
 * are what the library is about, and the rarer a term the more it tells (双胞 says more than 工资). Read from Postgres
 * and kept a minute per database; a staff edit forgets it at once.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema';
import { distinctTokens } from './tokens';

interface Vocabulary { at: number; items: number; frequency: Map<string, number> }
const cache = new WeakMap<Kysely<Database>, Promise<Vocabulary>>();
const MAX_AGE_MS = 60_000;

async function load(db: Kysely<Database>): Promise<Vocabulary> {
  const { rows } = await sql<{ word: string; ndoc: number }>`
    select word, ndoc from ts_stat($q$select to_tsvector('simple', gq_search_tokens(title || ' ' || keywords))
      from library_items where published$q$)`.execute(db);
  const items = await db.selectFrom('library_items').select((eb) => eb.fn.countAll<number>().as('n')).where('published', '=', true).executeTakeFirstOrThrow();
  return { at: Date.now(), items: Number(items.n), frequency: new Map(rows.map((r) => [r.word, Number(r.ndoc)])) };
}

export async function vocabulary(db: Kysely<Database>): Promise<Vocabulary> {
  const cached = cache.get(db);
  if (cached) {
    const v = await cached.catch(() => undefined);
    if (v && Date.now() - v.at < MAX_AGE_MS) return v;
  }
  const fresh = load(db);
  cache.set(db, fresh);
  fresh.catch(() => cache.delete(db));
  return fresh;
}

export function forgetVocabulary(db: Kysely<Database>): void {
  cache.delete(db);
}

/**
 * The terms of a text worth searching by, at most `max`: its tokens that are key terms of the library, rarest first
 * (a term in half the items tells little); when it shares none, its first tokens as they come.
 */
export async function keyTermsOf(db: Kysely<Database>, text: string, max: number): Promise<string[]> {
  const tokens = distinctTokens(text);
  if (tokens.length <= max) return tokens;
  const { frequency, items } = await vocabulary(db);
  const known = tokens.filter((t) => frequency.has(t) && frequency.get(t)! <= Math.max(2, items / 3));
  known.sort((a, b) => frequency.get(a)! - frequency.get(b)!);
  return known.length ? known.slice(0, max) : tokens.slice(0, max);
}
