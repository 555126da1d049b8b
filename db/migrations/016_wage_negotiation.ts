import { type Kysely, sql } from 'kysely';

/**
 * Wage-negotiation rounds (DOMAIN §5, Yongkang's 薪协商一件事):
 * - wage_plans: the city union's yearly plan, one row per enterprise and year with its planned start; the schedule
 *   opens a round from a row once (case_no is set then, and the row is no longer edited);
 * - wage_rounds: a round's own facts beside its case row (the year, the 协商码's public code, the dates of each stage,
 *   the agreement once published), which the 协商码 page and the negotiation index read;
 * - wage_offers: every proposal and offer with its clauses, in order;
 * - wage_posts: the workers' suggestions and comments from the 协商码 page (phone masked), and their moderation.
 * Besides: staff get an e-mail address ("4+X" supervision is sent by SMS and e-mail), and HR & social security's
 * collective-contract section becomes an institution (filed contracts go to its inbox, like a court's documents).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff_users').addColumn('email', 'text').execute();
  await sql`alter table institutions drop constraint institutions_kind_check`.execute(db);
  await sql`alter table institutions add constraint institutions_kind_check check (kind in ('arbitration','court','procuratorate','mediation_station','hr_bureau'))`.execute(db);

  await db.schema
    .createTable('wage_plans')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('planned_start', 'date', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('case_no', 'text', (c) => c.unique())
    .addColumn('opened_at', 'timestamptz')
    .addColumn('updated_by', 'integer', (c) => c.references('staff_users.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('wage_plans_once_a_year', ['enterprise_id', 'year'])
    .execute();
  // The schedule asks for rows not yet opened whose start is near.
  await db.schema.createIndex('wage_plans_due').on('wage_plans').columns(['planned_start']).where(sql.ref('case_no'), 'is', null).execute();

  await db.schema
    .createTable('wage_rounds')
    .addColumn('case_no', 'text', (c) => c.primaryKey().references('cases.case_no'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprises.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('public_code', 'text', (c) => c.notNull().unique())
    .addColumn('planned_start', 'date', (c) => c.notNull())
    .addColumn('requested_at', 'timestamptz')
    .addColumn('answered_at', 'timestamptz')
    .addColumn('agreed_at', 'timestamptz')
    .addColumn('signed_at', 'timestamptz')
    .addColumn('filed_at', 'timestamptz')
    .addColumn('effective_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('offers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agreement_text', 'text')
    .addUniqueConstraint('wage_rounds_once_a_year', ['enterprise_id', 'year'])
    .execute();

  await db.schema
    .createTable('wage_offers')
    .addColumn('case_no', 'text', (c) => c.notNull().references('cases.case_no'))
    .addColumn('offer_no', 'integer', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('union','employer')`))
    .addColumn('clauses', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('made_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('wage_offers_pk', ['case_no', 'offer_no'])
    .execute();

  await db.schema
    .createTable('wage_posts')
    .addColumn('case_no', 'text', (c) => c.notNull().references('cases.case_no'))
    .addColumn('post_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('suggestion','comment')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .addColumn('removed_by', 'text')
    .addColumn('removed_reason', 'text')
    .addPrimaryKeyConstraint('wage_posts_pk', ['case_no', 'post_no'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['wage_posts', 'wage_offers', 'wage_rounds', 'wage_plans']) await db.schema.dropTable(t).execute();
  await sql`delete from institutions where kind = 'hr_bureau'`.execute(db);
  await sql`alter table institutions drop constraint institutions_kind_check`.execute(db);
  await sql`alter table institutions add constraint institutions_kind_check check (kind in ('arbitration','court','procuratorate','mediation_station'))`.execute(db);
  await db.schema.alterTable('staff_users').dropColumn('email').execute();
}
