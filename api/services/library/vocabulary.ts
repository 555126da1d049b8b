/**
 * The library's key terms: the tokens of published items' titles and keywords, with how many items use each. A worker's
 * description is long and says much besides its point ("我在厂里上班三年了……"); the tokens it shares with these terms
 * are what the library is about, and the rarer a term the more it tells (双胞 says more than 工资). Read from Postgres
 * and kept a minute per database (then read again behind the requests); a staff edit forgets it at once.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema';
import { distinctTokens } from './tokens';

interface Vocabulary { at: number; items: number; frequency: Map<string, number>; phrases: string[] }
const cache = new WeakMap<Kysely<Database>, Promise<Vocabulary>>();
const MAX_AGE_MS = 60_000;
const refreshing = new WeakSet<Kysely<Database>>();

async function load(db: Kysely<Database>): Promise<Vocabulary> {
  // the stored tokens of weight A: title and keywords (migration 018)
  const { rows } = await sql<{ word: string; ndoc: number }>`
    select word, ndoc from ts_stat('select search from library_items where published', 'a')`.execute(db);
  const items = await db.selectFrom('library_items').select((eb) => eb.fn.countAll<number>().as('n')).where('published', '=', true).executeTakeFirstOrThrow();
  const { rows: words } = await sql<{ w: string }>`
    select distinct w from library_items, regexp_split_to_table(keywords, '\\s+') as w
    where published and w ~ '^[\u3400-\u9fff0-9]{2,12}$' and w ~ '[\u3400-\u9fff]'`.execute(db);
  // longest first: "高温津贴" is found before "高温" and counts for more
  const phrases = words.map((r) => r.w).sort((a, b) => b.length - a.length);
  return { at: Date.now(), items: Number(items.n), frequency: new Map(rows.map((r) => [r.word, Number(r.ndoc)])), phrases };
}

export async function vocabulary(db: Kysely<Database>): Promise<Vocabulary> {
  const cached = cache.get(db);
  if (!cached) {
    const fresh = load(db);
    cache.set(db, fresh);
    fresh.catch(() => cache.delete(db));
    return fresh;
  }
  const v = await cached;
  // Older than a minute: answered from it still, while the next is read (a request never waits for the reading).
  if (Date.now() - v.at >= MAX_AGE_MS && !refreshing.has(db)) {
    refreshing.add(db);
    load(db).then((next) => cache.set(db, Promise.resolve(next)), () => undefined).finally(() => refreshing.delete(db));
  }
  return v;
}

export function forgetVocabulary(db: Kysely<Database>): void {
  cache.delete(db);
}

/**
 * The terms of a text worth searching by, at most `max`: the tokens of the library's keywords it contains, then its
 * other tokens that are key terms of the library, rarest first (a term in half the items tells little); when it
 * shares none, its first tokens as they come.
 */
export async function keyTermsOf(db: Kysely<Database>, text: string, max: number): Promise<string[]> {
  const tokens = distinctTokens(text);
  if (tokens.length <= max) return tokens;
  const { frequency, items } = await vocabulary(db);
  const fromPhrases = distinctTokens((await keyPhrasesOf(db, text, max)).join(' '));
  const known = tokens.filter((t) => !fromPhrases.includes(t) && frequency.has(t) && frequency.get(t)! <= Math.max(2, items / 3));
  known.sort((a, b) => frequency.get(a)! - frequency.get(b)!);
  const terms = [...fromPhrases, ...known].slice(0, max);
  return terms.length ? terms : tokens.slice(0, max);
}

/**
 * The keywords staff gave the items (双胞胎, 高温津贴, 35度) that a text contains, longest first, at most `max`: a
 * dictionary the library itself keeps, so a description is matched by whole words where it can be.
 */
export async function keyPhrasesOf(db: Kysely<Database>, text: string, max: number): Promise<string[]> {
  const { phrases } = await vocabulary(db);
  const found: string[] = [];
  for (const p of phrases) {
    if (found.length >= max) break;
    if (text.includes(p) && !found.some((f) => f.includes(p))) found.push(p);
  }
  return found;
}
