/**
 * A search query cut the way Postgres cuts the library's text (gq_search_tokens, migration 018): two adjacent Han
 * characters a token, a lone Han character a token, Latin letters and digits a word. test/integration/library-search.test.ts
 * pins the two to agree. Tokens are only [a-z0-9] or Han characters, so they are safe inside to_tsquery.
 */
const RUN = /[a-z0-9]+|[\u3400-\u9fff]+/g;

/** In the order of the text, so that a phrase's tokens stand next to each other (tsquery's <->). */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.toLowerCase().matchAll(RUN)) {
    if (/^[a-z0-9]/.test(run)) { out.push(run); continue; }
    const chars = [...run];
    if (chars.length === 1) out.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  }
  return out;
}

/** The distinct tokens in the order they first appear. */
export function distinctTokens(text: string): string[] {
  return [...new Set(searchTokens(text))];
}

/**
 * A tsquery joining the tokens with & or |. A lone Han character matches every token it begins ("薪" finds 薪资 and
 * 薪酬), since the text holds it only inside pairs.
 */
export function tsQueryOf(tokens: readonly string[], op: '&' | '|' | '<->', weights = ''): string {
  return tokens.map((t) => (t.length === 1 && /[^a-z0-9]/.test(t) ? `'${t}':*${weights}` : `'${t}'${weights ? `:${weights}` : ''}`)).join(` ${op} `);
}
