/**
 * Statements Postgres parses and plans once per connection instead of at every call: those whose text carries the
 * PREPARED mark are sent as named prepared statements (pg's `name`), the rest as before. Only hot statements of a fixed
 * text are marked: a new case's creation (4 KB of SQL, every filing) and the session lookup of every staff request.
 * Measured on one connection, the creation's backend CPU fell from 1.1 to 0.56 ms a case (parse, analysis and plan
 * skipped); bench/ shows Postgres among the costs that decide how near intake comes to the engine's limit.
 */
import pg from 'pg';

/** Put anywhere in a statement's text (a comment, so Postgres ignores it). */
export const PREPARED = '/*prepared*/';

/** One name per text in this process; pg refuses a name reused for another text. Bounded: past it, unnamed as before. */
const names = new Map<string, string>();
const MAX_PREPARED = 200;

function nameOf(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_PREPARED) return known;
  const name = `gq_prepared_${names.size + 1}`;
  names.set(text, name);
  return name;
}

/** pg's Client, sending marked statements (text and values, as Kysely sends them) by name; the pool's `Client`. */
export class PreparingClient extends pg.Client {
  // pg's overloads cannot be restated one by one here; every call not recognised goes through untouched.
  query(...args: unknown[]): never {
    const [text, values] = args;
    const name = args.length <= 2 && typeof text === 'string' && text.includes(PREPARED) ? nameOf(text) : undefined;
    const call = super.query as (...a: unknown[]) => never;
    return name ? call.call(this, { name, text, values }) : call.apply(this, args);
  }
}
