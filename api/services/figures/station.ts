/**
 * The mediation station's figures (issue 21) as a report: per month, one row per mediator and a row for the month, from
 * the facts of db/queries/station-figures.ts. A station's mediator sees their station's cases; district staff, leaders
 * and the auditor the mediation cases of their district.
 */
import type { Kysely } from 'kysely';
import type { SignedInStaff } from '../../../db/queries/staff';
import { stationFacts, type StationFactRow } from '../../../db/queries/station-figures';
import type { Database } from '../../../db/schema';
import { monthRange } from './range';

export interface StationQuery { from?: string; to?: string }
export const NO_MEDIATOR = '（未接单）';

interface Cell {
  received: number; agreed: number; transferred: number; casesWithdrawn: number; workersWithdrawn: number;
  workersSettled: number; workersSplitOff: number; reviewConfirmed: number; agreedFen: number; recoveredFen: number;
  /** sums and counts of days, for means that stay exact when rows are added up */
  daysToAgreement: { sum: number; n: number }; daysToReview: { sum: number; n: number };
}

const emptyCell = (): Cell => ({
  received: 0, agreed: 0, transferred: 0, casesWithdrawn: 0, workersWithdrawn: 0, workersSettled: 0, workersSplitOff: 0,
  reviewConfirmed: 0, agreedFen: 0, recoveredFen: 0, daysToAgreement: { sum: 0, n: 0 }, daysToReview: { sum: 0, n: 0 },
});

function add(c: Cell, f: StationFactRow): void {
  const days = (d: { sum: number; n: number }) => { if (f.days_avg !== null) { d.sum += f.days_avg * f.count; d.n += f.count; } };
  switch (f.fact) {
    case 'received': c.received += f.count; break;
    case 'agreed': c.agreed += f.count; c.agreedFen += f.fen; days(c.daysToAgreement); break;
    case 'review_confirmed': c.reviewConfirmed += f.count; days(c.daysToReview); break;
    case 'transferred': c.transferred += f.count; break;
    case 'case_withdrawn': c.casesWithdrawn += f.count; break;
    case 'worker_withdrawn': c.workersWithdrawn += f.count; break;
    case 'worker_settled': c.workersSettled += f.count; break;
    case 'worker_split_off': c.workersSplitOff += f.count; break;
    case 'payment': c.recoveredFen += f.fen; break;
  }
}

function merge(into: Cell, c: Cell): void {
  for (const k of ['received', 'agreed', 'transferred', 'casesWithdrawn', 'workersWithdrawn', 'workersSettled', 'workersSplitOff', 'reviewConfirmed', 'agreedFen', 'recoveredFen'] as const) into[k] += c[k];
  for (const k of ['daysToAgreement', 'daysToReview'] as const) { into[k].sum += c[k].sum; into[k].n += c[k].n; }
}

const mean = (d: { sum: number; n: number }) => (d.n ? Math.round((d.sum / d.n) * 10) / 10 : null);

function present(c: Cell) {
  const { daysToAgreement, daysToReview, ...counts } = c;
  return { ...counts, daysToAgreementAvg: mean(daysToAgreement), daysToReviewAvg: mean(daysToReview) };
}

export type StationFigures = ReturnType<typeof present>;

export async function stationReport(db: Kysely<Database>, staff: SignedInStaff, q: StationQuery, now = Date.now()) {
  const range = monthRange(q.from, q.to, now);
  const scope = staff.role === 'union_mediator' ? { stationUnitId: staff.org_unit_id } : { districtId: staff.org_unit_id };
  const facts = await stationFacts(db, { ...scope, from: range.start, before: range.before });
  const cells = new Map<string, Cell>();
  for (const f of facts) {
    const key = `${f.month}\u0000${f.mediator}`;
    if (!cells.has(key)) cells.set(key, emptyCell());
    add(cells.get(key)!, f);
  }
  const total = emptyCell();
  const months = range.months.map((month) => {
    const sum = emptyCell();
    const mediators = [...cells.entries()].filter(([k]) => k.startsWith(`${month}\u0000`))
      .map(([k, c]) => { merge(sum, c); return { mediator: k.split('\u0000')[1] || NO_MEDIATOR, ...present(c) }; })
      .sort((a, b) => a.mediator.localeCompare(b.mediator, 'zh-CN'));
    merge(total, sum);
    return { month, total: present(sum), mediators };
  });
  // each mediator over the whole range
  const byMediator = new Map<string, Cell>();
  for (const [k, c] of cells) {
    const name = k.split('\u0000')[1] || NO_MEDIATOR;
    if (!byMediator.has(name)) byMediator.set(name, emptyCell());
    merge(byMediator.get(name)!, c);
  }
  const mediators = [...byMediator.entries()].map(([mediator, c]) => ({ mediator, ...present(c) })).sort((a, b) => a.mediator.localeCompare(b.mediator, 'zh-CN'));
  return {
    from: range.months[0], to: range.months.at(-1)!, scope: scope.stationUnitId ? 'station' : 'district', asOf: new Date(now).toISOString(),
    months, mediators, total: present(total),
  };
}

export type StationReport = Awaited<ReturnType<typeof stationReport>>;
