/**
 * The mediation station's own figures (issue 21), per month (Asia/Shanghai) and per mediator, from what the mediation
 * workflow records: each fact is an event of a mediation case, counted in the month it happened. The case's mediator
 * is the one who took it (接单) or took it over last; before anyone did, the mediator who drafted its agreement or
 * opened it; otherwise none yet. Withdrawals come from the events `worker_withdrawn` and `worker_split_off` (one worker
 * each) and from a case whose outcome is `withdrawn`. docs/supervision.md says what each figure means.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';
import { withoutJit } from './without-jit';

export interface StationScope {
  /** a station's mediators: the cases assigned to their unit ... */
  stationUnitId?: string;
  /** ... supervisors: the mediation cases of their district */
  districtId?: string;
  /** the range's first instant and the instant after it (month starts in Shanghai) */
  from: Date;
  before: Date;
}

export type StationFact =
  | 'received' | 'agreed' | 'review_confirmed' | 'transferred' | 'case_withdrawn' | 'worker_withdrawn' | 'worker_settled'
  | 'worker_split_off' | 'payment';

export interface StationFactRow {
  month: string;
  mediator: string;
  fact: StationFact;
  count: number;
  fen: number;
  /** the mean of the fact's days: application → agreement (agreed), agreement → 调解书 (review_confirmed) */
  days_avg: number | null;
}

/** the events whose actor names the mediator, most telling first */
const CLAIMS = ['task_claimed', 'task_taken_over'];
const MEDIATOR_EVENTS = [...CLAIMS, 'agreement_drafted', 'mediation_applied'];

export async function stationFacts(db: Kysely<Database>, scope: StationScope): Promise<StationFactRow[]> {
  const area = scope.stationUnitId
    ? sql`exists (select 1 from case_access a where a.case_no = c.case_no and a.unit_id = ${scope.stationUnitId} and a.role = 'union_mediator' and a.reason = 'assigned')`
    : sql`c.district_id = ${scope.districtId ?? ''}`;
  const claims = sql.join(CLAIMS.map((t) => sql`${t}`));
  const mediatorEvents = sql.join(MEDIATOR_EVENTS.map((t) => sql`${t}`));
  const { from, before } = scope;
  const { rows } = await withoutJit(db, (trx) => sql<Record<string, unknown>>`
    with m as (
      select c.case_no, c.outcome, c.updated_at,
        coalesce((a.data->>'appliedAt')::timestamptz, c.created_at) as applied_at,
        coalesce(med.actor, '') as mediator
      from cases c
      left join case_events a on a.case_no = c.case_no and a.seq = 1
      left join lateral (
        select e.actor from case_events e
        where e.case_no = c.case_no and e.actor_role = 'union_mediator' and e.type in (${mediatorEvents})
        order by (e.type in (${claims})) desc, e.seq desc limit 1
      ) med on true
      where c.kind = 'mediation' and ${area}
    ),
    -- every party confirmed (remaining 0): the agreement is reached. After a rejected review a case may reach one again;
    -- the last counts (no agreement follows a confirmed review, so it is also the one the 调解书 confirmed).
    agreements as (
      select distinct on (e.case_no) e.case_no, e.at
      from case_events e join m on m.case_no = e.case_no
      where e.type = 'agreement_confirmed' and (e.data->>'remaining')::int = 0
      order by e.case_no, e.seq desc
    ),
    facts as (
      select m.mediator, m.applied_at as at, 'received' as fact, 0::bigint as fen, null::float8 as days from m
      union all
      select m.mediator, g.at, 'agreed',
        (select coalesce(sum(p.agreed_fen), 0) from case_parties p where p.case_no = m.case_no and p.side = 'worker'),
        extract(epoch from (g.at - m.applied_at)) / 86400
      from m join agreements g on g.case_no = m.case_no
      union all
      select m.mediator, e.at, 'review_confirmed', 0, extract(epoch from (e.at - g.at)) / 86400
      from m join case_events e on e.case_no = m.case_no and e.type = 'review_confirmed'
      left join agreements g on g.case_no = m.case_no
      union all
      select m.mediator, min(e.at), 'transferred', 0, null
      from m join case_events e on e.case_no = m.case_no and e.type = 'document_generated' and e.data->>'kind' = 'transfer-letter'
      group by m.case_no, m.mediator
      union all
      select m.mediator, coalesce((select max(e.at) from case_events e where e.case_no = m.case_no and e.type = 'closed'), m.updated_at),
        'case_withdrawn', 0, null
      from m where m.outcome = 'withdrawn'
      union all
      select m.mediator, e.at, case when e.type = 'worker_split_off' then 'worker_split_off' else 'worker_withdrawn' end, 0, null
      from m join case_events e on e.case_no = m.case_no and e.type in ('worker_withdrawn', 'worker_split_off')
      union all
      select m.mediator, e.at, 'worker_settled', 0, null
      from m join case_events e on e.case_no = m.case_no and e.type = 'worker_withdrawn' and (e.data->>'settled')::boolean
      union all
      select m.mediator, e.at, 'payment', coalesce((e.data->>'paidFen')::bigint, 0), null
      from m join case_events e on e.case_no = m.case_no and e.type = 'payment_recorded'
    )
    select to_char(f.at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, f.mediator, f.fact,
      count(*) as count, coalesce(sum(f.fen), 0) as fen, avg(f.days) as days_avg
    from facts f
    where f.at >= ${from} and f.at < ${before}
    group by 1, 2, 3
    order by 1, 2, 3`.execute(trx));
  return rows.map((r) => ({
    month: String(r.month), mediator: String(r.mediator), fact: r.fact as StationFact, count: Number(r.count), fen: Number(r.fen),
    days_avg: r.days_avg === null || r.days_avg === undefined ? null : Number(r.days_avg),
  }));
}
