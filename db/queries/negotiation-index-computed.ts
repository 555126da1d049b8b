/**
 * What the negotiation index computes, read for a whole year and area at once (one query per measure, grouped by
 * enterprise): the round's dates and offers, the workers' suggestions not removed by moderation (wage tables,
 * migration 016), and the grievances filed against the enterprise in that year (Asia/Shanghai).
 */
import { sql, type Kysely } from 'kysely';
import { NO_FACTS, type YearFacts } from '../../workflows/shared/negotiation-index/computed';
import type { Database } from '../schema';

const count = sql<string>`count(*)`;

export async function yearFacts(db: Kysely<Database>, year: number, streetIds: string[]): Promise<Map<string, YearFacts>> {
  const out = new Map<string, YearFacts>();
  if (streetIds.length === 0) return out;
  const of = (id: string) => {
    let f = out.get(id);
    if (!f) out.set(id, (f = { ...NO_FACTS }));
    return f;
  };
  const from = `${year}-01-01T00:00:00+08:00`;
  const until = `${year + 1}-01-01T00:00:00+08:00`;
  const [rounds, suggestions, offers, grievances] = await Promise.all([
    db.selectFrom('wage_rounds as r').innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
      .select(['r.enterprise_id', 'r.requested_at', 'r.agreed_at', 'r.signed_at', 'r.filed_at', 'r.effective_at', 'r.published_at'])
      .where('r.year', '=', year).where('e.street_id', 'in', streetIds).execute(),
    db.selectFrom('wage_rounds as r').innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
      .innerJoin('wage_posts as p', 'p.case_no', 'r.case_no')
      .select(['r.enterprise_id', count.as('n')])
      .where('r.year', '=', year).where('e.street_id', 'in', streetIds).where('p.kind', '=', 'suggestion').where('p.removed_at', 'is', null)
      .groupBy('r.enterprise_id').execute(),
    db.selectFrom('wage_rounds as r').innerJoin('enterprises as e', 'e.id', 'r.enterprise_id')
      .innerJoin('wage_offers as o', 'o.case_no', 'r.case_no')
      .select(['r.enterprise_id', count.as('n')])
      .where('r.year', '=', year).where('e.street_id', 'in', streetIds).groupBy('r.enterprise_id').execute(),
    db.selectFrom('cases as c').innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
      .select(['e.id as enterprise_id', count.as('n')])
      .where('c.kind', '=', 'grievance').where('e.street_id', 'in', streetIds)
      .where('c.created_at', '>=', new Date(from)).where('c.created_at', '<', new Date(until))
      .groupBy('e.id').execute(),
  ]);
  for (const r of rounds) {
    Object.assign(of(r.enterprise_id), {
      requestedAt: r.requested_at, agreedAt: r.agreed_at, signedAt: r.signed_at, filedAt: r.filed_at, effectiveAt: r.effective_at, publishedAt: r.published_at,
    });
  }
  for (const r of suggestions) of(r.enterprise_id).suggestions = Number(r.n);
  for (const r of offers) of(r.enterprise_id).offers = Number(r.n);
  for (const r of grievances) of(r.enterprise_id).grievances = Number(r.n);
  return out;
}
