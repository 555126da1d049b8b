import { type Kysely, sql } from 'kysely';

/**
 * The workers' law & case library (issue 23): items district staff keep (/staff/library), every change to them
 * recorded, and a Chinese full-text index over the items and over grievance descriptions ("cases like mine").
 *
 * Chinese has no spaces, and PostgreSQL ships no Chinese parser, so `gq_search_tokens` cuts text the way CJK search
 * engines without a dictionary do (Lucene's CJKAnalyzer): every two adjacent Han characters make a token (a run of one
 * character is a token of its own), and Latin letters and digits make words. The tokens go into an ordinary tsvector
 * ('simple': no stemming, no stop words) with a GIN index. A query cut the same way (api/services/library/tokens.ts)
 * finds "双胞胎" in "生育双胞胎的" with no word list to keep up to date, and a two-character query like 高温 is one token
 * (pg_trgm needs three characters and, in a C locale, ignores Han characters). docs/library.md says more.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function gq_search_tokens(t text) returns text language sql immutable parallel safe strict as $f$
      select coalesce(string_agg(tok, ' ' order by n, i), '') from (
        select m.n, i, case when m.run ~ '^[a-z0-9]+$' then m.run else substr(m.run, i, 2) end as tok
        from (select x.r[1] as run, x.n from regexp_matches(lower(t), '[a-z0-9]+|[\u3400-\u9fff]+', 'g') with ordinality as x(r, n)) m,
          generate_series(1, case when m.run ~ '^[a-z0-9]+$' then 1 else greatest(char_length(m.run) - 1, 1) end) as i
      ) s
    $f$`.execute(db);

  await db.schema
    .createTable('library_items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('guide', 'statute', 'case')`))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('law', 'text')
    .addColumn('article', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    // Title and keywords weigh most (A), the law's name and the summary next (B), the body least (C).
    .addColumn('search', sql`tsvector`, (c) => c.generatedAlwaysAs(sql`
      setweight(to_tsvector('simple', gq_search_tokens(title || ' ' || keywords)), 'A')
      || setweight(to_tsvector('simple', gq_search_tokens(coalesce(law, '') || ' ' || summary)), 'B')
      || setweight(to_tsvector('simple', gq_search_tokens(body)), 'C')`).stored())
    .execute();
  await sql`create index library_items_search on library_items using gin (search)`.execute(db);
  await db.schema.createIndex('library_items_topic').on('library_items').columns(['topic', 'published']).execute();

  await db.schema
    .createTable('library_item_edits')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('library_items.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('created', 'edited', 'unpublished', 'republished')`))
    .addColumn('editor_id', 'integer', (c) => c.notNull().references('staff_users.id'))
    .addColumn('editor_name', 'text', (c) => c.notNull())
    /** the fields that changed: { field: [before, after] } */
    .addColumn('changes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('library_item_edits_item').on('library_item_edits').columns(['item_id', 'at']).execute();

  // Past grievances by what the worker wrote: "cases like mine" searches the closed ones.
  await sql`alter table grievance_cases add column search tsvector
    generated always as (to_tsvector('simple', gq_search_tokens(description))) stored`.execute(db);
  await sql`create index grievance_cases_search on grievance_cases using gin (search)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table grievance_cases drop column search`.execute(db);
  await db.schema.dropTable('library_item_edits').execute();
  await db.schema.dropTable('library_items').execute();
  await sql`drop function gq_search_tokens(text)`.execute(db);
}
