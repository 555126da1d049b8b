/**
 * The early warning's counting (DOMAIN §2): complaints of every kind (`cases` rows) per street and per enterprise
 * since the window began, the colour each count earns, and a history row for every change. One transaction, so a run
 * that fails half-way leaves the colours as they were and the next run sees the same changes.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { colourFor, followUpId, type RiskColour, type RiskUnitType, type RiskWarningPolicy } from '../../workflows/risk-warning/grade';
import type { PendingFollowUp, RecomputeResult } from './types';

/** changes this recent whose follow-up is missing are offered again (a run stopped between storing and starting) */
const RETRY_DAYS = 7;

interface Counted { unit_type: RiskUnitType; unit_id: string; street_id: string; complaints: number }

async function countComplaints(db: Kysely<Database>, since: Date): Promise<Counted[]> {
  const { rows } = await sql<Counted>`
    select 'street' as unit_type, o.id as unit_id, o.id as street_id, count(c.case_no)::int as complaints
      from org_units o left join cases c on c.street_id = o.id and c.created_at >= ${since}
     where o.level = 'street' group by o.id
    union all
    select 'enterprise', e.id, e.street_id, count(c.case_no)::int
      from enterprises e left join cases c on c.enterprise_id = e.id and c.created_at >= ${since}
     group by e.id`.execute(db);
  return rows;
}

export function createRiskRecompute(db: Kysely<Database>) {
  return async function recomputeRiskColours({ now, policy }: { now: string; policy: RiskWarningPolicy }): Promise<RecomputeResult> {
    const at = new Date(now);
    const day = shanghaiDate(at.getTime());
    const counted = await countComplaints(db, new Date(at.getTime() - policy.windowDays * 86_400_000));
    let changed = 0;
    await db.transaction().execute(async (tx) => {
      // one run at a time recomputes (the schedule skips overlaps; a manual start waits here)
      await sql`select pg_advisory_xact_lock(hashtext('risk-warning-recompute'))`.execute(tx);
      const current = new Map((await tx.selectFrom('risk_colours').select(['unit_type', 'unit_id', 'colour']).execute())
        .map((r) => [`${r.unit_type}:${r.unit_id}`, r.colour as RiskColour]));
      const rows = counted.map((c) => {
        const colour = colourFor(c.complaints, policy[c.unit_type]);
        const before = current.get(`${c.unit_type}:${c.unit_id}`) ?? 'none';
        return { ...c, colour, before };
      });
      const changes = rows.filter((r) => r.colour !== r.before);
      changed = changes.length;
      if (rows.length > 0) {
        await tx.insertInto('risk_colours')
          .values(rows.map((r) => ({ unit_type: r.unit_type, unit_id: r.unit_id, street_id: r.street_id, colour: r.colour, complaints: r.complaints, computed_at: at, changed_at: at })))
          .onConflict((oc) => oc.columns(['unit_type', 'unit_id']).doUpdateSet((eb) => ({
            colour: eb.ref('excluded.colour'), complaints: eb.ref('excluded.complaints'), computed_at: eb.ref('excluded.computed_at'), street_id: eb.ref('excluded.street_id'),
            // the time of the last change stays unless the colour changes now
            changed_at: sql`case when risk_colours.colour = excluded.colour then risk_colours.changed_at else excluded.changed_at end`,
          })))
          .execute();
      }
      if (changes.length > 0) {
        await tx.insertInto('risk_colour_changes')
          .values(changes.map((r) => ({ unit_type: r.unit_type, unit_id: r.unit_id, street_id: r.street_id, from_colour: r.before, to_colour: r.colour, complaints: r.complaints, changed_on: day, at })))
          .execute();
      }
    });
    return { units: counted.length, changed, pending: await pendingFollowUps(db, new Date(at.getTime() - RETRY_DAYS * 86_400_000)) };
  };
}

/** Changes to a colour (not back to none) whose follow-up has no row yet; one per unit, colour and day. */
async function pendingFollowUps(db: Kysely<Database>, since: Date): Promise<PendingFollowUp[]> {
  const { rows } = await sql<{ unit_type: RiskUnitType; unit_id: string; street_id: string; to_colour: Exclude<RiskColour, 'none'>; changed_on: string; complaints: number; unit_name: string; street_name: string; district_id: string }>`
    select distinct on (ch.unit_type, ch.unit_id, ch.to_colour, ch.changed_on)
           ch.unit_type, ch.unit_id, ch.street_id, ch.to_colour, ch.changed_on, ch.complaints,
           coalesce(e.name, s.name) as unit_name, s.name as street_name, s.parent_id as district_id
      from risk_colour_changes ch
      join org_units s on s.id = ch.street_id
      left join enterprises e on ch.unit_type = 'enterprise' and e.id = ch.unit_id
     where ch.at >= ${since} and ch.to_colour <> 'none'
       and not exists (select 1 from risk_followups f where f.unit_type = ch.unit_type and f.unit_id = ch.unit_id
                        and f.colour = ch.to_colour and f.changed_on = ch.changed_on)
     order by ch.unit_type, ch.unit_id, ch.to_colour, ch.changed_on, ch.id desc`.execute(db);
  return rows.map((r) => ({
    followupId: followUpId(r.unit_type, r.unit_id, r.to_colour, r.changed_on), unitType: r.unit_type, unitId: r.unit_id, unitName: r.unit_name,
    streetId: r.street_id, streetName: r.street_name, districtId: r.district_id, enterpriseId: r.unit_type === 'enterprise' ? r.unit_id : null,
    colour: r.to_colour, changedOn: r.changed_on, complaints: r.complaints,
  }));
}
