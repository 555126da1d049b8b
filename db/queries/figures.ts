/**
 * The "four haves" figures (四有, issue 23) as one aggregate over the cases registered in a range: per street, per
 * caseworker or per kind. Read-only; every number comes from rows the workflows' activities wrote (cases, case_events,
 * tasks, case_parties). A case's caseworker is whoever first responded to it: the first event after the filing
 * recorded by someone of the union's line, the station or a union lawyer. docs/supervision.md says what each
 * figure means; this file is its definition.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';
import { withoutJit } from './without-jit';

export type FiguresBy = 'street' | 'caseworker' | 'kind';

export interface FiguresScope {
  /** the viewer's area: a district's cases, or a street chair's street's */
  districtId?: string;
  streetId?: string;
  /** registered at or after / before (UTC instants of Shanghai days) */
  from: Date;
  before: Date;
}

/** whose first event after the filing is a response (有回应): the union's people, the station's and the union's lawyers */
export const RESPONDER_ROLES = [
  'street_caseworker', 'street_chair', 'district_staff', 'supervising_leader', 'district_chair', 'enterprise_chair',
  'union_mediator', 'legal_aid_lawyer',
] as const;

/** the kinds whose amounts are money for workers: agreed in mediation; settled or decided, and recovered, in legal aid */
export const MONEY_KINDS = ['mediation', 'legal_aid'] as const;

/** the open cases' age buckets, in days since registration (upper bounds; the last is open-ended) */
export const AGE_BUCKETS = [3, 7, 15, 30] as const;

/** The group's key: whitelisted expressions only, never a caller's text. */
const GROUP_KEY: Record<FiguresBy, string> = {
  street: 'c.street_id',
  caseworker: `coalesce(c.responder, '')`,
  kind: 'c.kind',
};

export interface FiguresRow {
  key: string;
  /** the whole scope's row */
  total?: boolean;
  cases: number;
  responded: number;
  response_hours_avg: number | null;
  response_hours_median: number | null;
  steps_due: number;
  steps_on_time: number;
  steps_escalated: number;
  escalations: number;
  open_total: number;
  /** open cases per AGE_BUCKETS bucket, the last one past the last bound */
  open_by_age: number[];
  rated: number;
  rating_avg: number | null;
  /** how many ratings of 1..5 */
  ratings: number[];
  money_cases: number;
  agreed_fen: number;
  recovered_fen: number;
}

const n = (v: unknown) => Number(v ?? 0);
const orNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function fourHavesFigures(db: Kysely<Database>, scope: FiguresScope, by: FiguresBy, now = new Date()): Promise<{ groups: FiguresRow[]; total: FiguresRow | null }> {
  const area = scope.streetId ? sql`c.street_id = ${scope.streetId}` : sql`c.district_id = ${scope.districtId ?? ''}`;
  const key = sql.raw(GROUP_KEY[by]);
  const roles = sql.join(RESPONDER_ROLES.map((r) => sql`${r}`));
  const money = sql.join(MONEY_KINDS.map((k) => sql`${k}`));
  const [b1, b2, b3, b4] = AGE_BUCKETS;
  const { rows } = await withoutJit(db, (trx) => sql<Record<string, unknown>>`
    with c as (
      select c.case_no, c.kind, c.street_id, c.status, c.created_at, c.rating, c.recovered_fen, r.actor as responder, r.at as responded_at
      from cases c
      left join lateral (
        select e.actor, e.at from case_events e
        where e.case_no = c.case_no and e.seq > 1 and e.actor_role in (${roles})
        order by e.seq limit 1
      ) r on true
      where ${area} and c.created_at >= ${scope.from} and c.created_at < ${scope.before}
    ),
    -- the amounts, each read once for all the cases (a subquery per case costs a probe per row)
    agreed_mediation as (
      select p.case_no, sum(p.agreed_fen) as fen from case_parties p join c on c.case_no = p.case_no
      where c.kind = 'mediation' and p.side = 'worker' group by p.case_no
    ),
    -- legal aid: the last settlement's or decision's amount (a failed settlement records 0)
    agreed_legal_aid as (
      select distinct on (e.case_no) e.case_no, coalesce((e.data->>'amountFen')::bigint, (e.data->>'awardedFen')::bigint) as fen
      from case_events e join c on c.case_no = e.case_no
      where c.kind = 'legal_aid' and e.type in ('settlement_recorded', 'result_recorded') order by e.case_no, e.seq desc
    ),
    paid as (
      select e.case_no, sum((e.data->>'paidFen')::bigint) as fen from case_events e join c on c.case_no = e.case_no
      where c.kind in (${money}) and e.type = 'payment_recorded' group by e.case_no
    ),
    -- each case's steps (tasks), so that a case's steps count in its group and in the total alike
    steps as (
      select t.case_no,
        count(*) filter (where t.status in ('done', 'overdue') or (t.status = 'open' and t.due_at < ${now})) as due,
        count(*) filter (where t.status = 'done' and t.closed_at <= t.due_at) as on_time,
        count(*) filter (where t.escalation_level > 0) as escalated,
        sum(t.escalation_level) as rungs
      from tasks t join c on c.case_no = t.case_no
      group by t.case_no
    ),
    per_case as (
      select ${key} as key, c.*, st.due, st.on_time, st.escalated, st.rungs,
        extract(epoch from (c.responded_at - c.created_at)) / 3600 as response_hours,
        extract(epoch from (${now}::timestamptz - c.created_at)) / 86400 as age_days,
        coalesce(am.fen, al.fen) as agreed,
        case when c.kind in (${money}) then coalesce(c.recovered_fen, pd.fen) end as recovered
      from c
      left join agreed_mediation am on am.case_no = c.case_no
      left join agreed_legal_aid al on al.case_no = c.case_no
      left join paid pd on pd.case_no = c.case_no
      left join steps st on st.case_no = c.case_no
    )
    -- one row per group and, with the empty grouping set, the whole scope's (grouping(pc.key) = 1)
    select pc.key, grouping(pc.key) as is_total, count(*) as cases, count(pc.responded_at) as responded,
      avg(pc.response_hours) as response_hours_avg,
      percentile_cont(0.5) within group (order by pc.response_hours) as response_hours_median,
      coalesce(sum(pc.due), 0) as steps_due, coalesce(sum(pc.on_time), 0) as steps_on_time,
      coalesce(sum(pc.escalated), 0) as steps_escalated, coalesce(sum(pc.rungs), 0) as escalations,
      count(*) filter (where pc.status <> 'closed') as open_total,
      array[
        count(*) filter (where pc.status <> 'closed' and pc.age_days <= ${b1}),
        count(*) filter (where pc.status <> 'closed' and pc.age_days > ${b1} and pc.age_days <= ${b2}),
        count(*) filter (where pc.status <> 'closed' and pc.age_days > ${b2} and pc.age_days <= ${b3}),
        count(*) filter (where pc.status <> 'closed' and pc.age_days > ${b3} and pc.age_days <= ${b4}),
        count(*) filter (where pc.status <> 'closed' and pc.age_days > ${b4})
      ] as open_by_age,
      count(pc.rating) as rated, avg(pc.rating) as rating_avg,
      array[
        count(*) filter (where pc.rating = 1), count(*) filter (where pc.rating = 2), count(*) filter (where pc.rating = 3),
        count(*) filter (where pc.rating = 4), count(*) filter (where pc.rating = 5)
      ] as ratings,
      count(*) filter (where pc.kind in (${money})) as money_cases,
      coalesce(sum(pc.agreed), 0) as agreed_fen, coalesce(sum(pc.recovered), 0) as recovered_fen
    from per_case pc
    group by grouping sets ((pc.key), ())
    order by is_total, pc.key`.execute(trx));
  const all = rows.map((r) => ({
    key: String(r.key), cases: n(r.cases), responded: n(r.responded),
    response_hours_avg: orNull(r.response_hours_avg), response_hours_median: orNull(r.response_hours_median),
    steps_due: n(r.steps_due), steps_on_time: n(r.steps_on_time), steps_escalated: n(r.steps_escalated), escalations: n(r.escalations),
    open_total: n(r.open_total), open_by_age: (r.open_by_age as unknown[]).map(n),
    rated: n(r.rated), rating_avg: orNull(r.rating_avg), ratings: (r.ratings as unknown[]).map(n),
    money_cases: n(r.money_cases), agreed_fen: n(r.agreed_fen), recovered_fen: n(r.recovered_fen),
    total: Number(r.is_total) === 1,
  }));
  const total = all.find((r) => r.total);
  return { groups: all.filter((r) => !r.total), total: total && total.cases > 0 ? total : null };
}
