import { type Kysely, sql } from 'kysely';

/**
 * Red / yellow / blue early warning (DOMAIN §2): each street's and enterprise's current colour, every change of it,
 * and the follow-up a change starts. A follow-up is keyed by unit + colour + the day it changed (unique), so however
 * often the schedule runs, one change is followed up once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('risk_colours')
    .addColumn('unit_type', 'text', (c) => c.notNull().check(sql`unit_type in ('street', 'enterprise')`))
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('colour', 'text', (c) => c.notNull().check(sql`colour in ('none', 'blue', 'yellow', 'red')`))
    .addColumn('complaints', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('changed_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_colours_pk', ['unit_type', 'unit_id'])
    .execute();

  await db.schema.createTable('risk_colour_changes')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('unit_type', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('from_colour', 'text', (c) => c.notNull())
    .addColumn('to_colour', 'text', (c) => c.notNull())
    .addColumn('complaints', 'integer', (c) => c.notNull())
    /** Asia/Shanghai calendar day of the change: with unit and colour, the follow-up's key */
    .addColumn('changed_on', 'text', (c) => c.notNull().check(sql`changed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_colour_changes_at').on('risk_colour_changes').column('at').execute();

  await db.schema.createTable('risk_followups')
    .addColumn('followup_id', 'text', (c) => c.primaryKey())
    .addColumn('unit_type', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('colour', 'text', (c) => c.notNull().check(sql`colour in ('blue', 'yellow', 'red')`))
    .addColumn('changed_on', 'text', (c) => c.notNull().check(sql`changed_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('visit', 'talk', 'inspect')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('assignee_role', 'text', (c) => c.notNull())
    .addColumn('org_unit_id', 'text', (c) => c.notNull().references('org_units.id'))
    .addColumn('department', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done')`))
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'text')
    .addColumn('note', 'text')
    .addUniqueConstraint('risk_followups_once', ['unit_type', 'unit_id', 'colour', 'changed_on'])
    .execute();
  await db.schema.createIndex('risk_followups_open').on('risk_followups').columns(['status', 'street_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['risk_followups', 'risk_colour_changes', 'risk_colours']) await db.schema.dropTable(t).execute();
}
