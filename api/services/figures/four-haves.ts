/**
 * The "four haves" figures (四有, issue 23) as a report: the rows of db/queries/figures.ts in the registry's words, with
 * the range checked and a row for the whole area. A street chair sees their own street; district staff, leaders and
 * the auditor their district, or one of its streets.
 */
import type { Kysely } from 'kysely';
import { AGE_BUCKETS, fourHavesFigures, type FiguresBy, type FiguresRow } from '../../../db/queries/figures';
import { streetsOfArea } from '../../../db/queries/risk-warning';
import type { SignedInStaff } from '../../../db/queries/staff';
import type { Database } from '../../../db/schema';
import { kindNamed } from '../../../workflows/kinds';
import { badRequest } from '../../errors';
import { dayRange } from './range';

export interface FiguresQuery { by?: FiguresBy; from?: string; to?: string; street?: string }

export const BY_LABELS: Record<FiguresBy, string> = { street: '街道', caseworker: '经办人', kind: '案件类型' };
export const AGE_LABELS = [`${AGE_BUCKETS[0]}天以内`, ...AGE_BUCKETS.slice(1).map((b, i) => `${AGE_BUCKETS[i] + 1}–${b}天`), `${AGE_BUCKETS.at(-1)}天以上`];
export const NOT_RESPONDED = '（尚未响应）';

const round = (v: number | null, digits: number) => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

function present(r: FiguresRow, label: string) {
  return {
    key: r.key, label, cases: r.cases,
    response: { responded: r.responded, hoursAvg: round(r.response_hours_avg, 1), hoursMedian: round(r.response_hours_median, 1) },
    steps: { due: r.steps_due, onTime: r.steps_on_time, onTimePercent: r.steps_due ? round((100 * r.steps_on_time) / r.steps_due, 1) : null },
    escalations: { steps: r.steps_escalated, rungs: r.escalations },
    open: { total: r.open_total, byAge: r.open_by_age },
    ratings: { count: r.rated, mean: round(r.rating_avg, 2), distribution: r.ratings },
    money: { cases: r.money_cases, agreedFen: r.agreed_fen, recoveredFen: r.recovered_fen },
  };
}

export type FiguresGroup = ReturnType<typeof present>;

export async function fourHavesReport(db: Kysely<Database>, staff: SignedInStaff, q: FiguresQuery, now = Date.now()) {
  const own = staff.role === 'street_chair' ? { streetId: staff.org_unit_id } : { districtId: staff.org_unit_id };
  const streets = await streetsOfArea(db, own);
  if (q.street !== undefined && !streets.some((s) => s.id === q.street)) throw badRequest('街道不存在或不在您的辖区');
  const range = dayRange(q.from, q.to, now);
  const by = q.by ?? 'street';
  const scope = { ...(q.street ? { streetId: q.street } : own), from: range.start, before: range.before };
  const at = new Date(now);
  const { groups: rows, total: all } = await fourHavesFigures(db, scope, by, at);
  const streetName = new Map(streets.map((s) => [s.id, s.name]));
  const label = (key: string) => by === 'street' ? streetName.get(key) ?? key : by === 'kind' ? kindNamed(key)?.label ?? key : key || NOT_RESPONDED;
  const groups = rows.map((r) => present(r, label(r.key)));
  // every street of the area has a row, a quiet one too: a chart that leaves a street out reads as if it had none
  if (by === 'street') {
    for (const s of streets) if ((!q.street || s.id === q.street) && !groups.some((g) => g.key === s.id)) groups.push(present(emptyRow(s.id), s.name));
    groups.sort((a, b) => a.key.localeCompare(b.key));
  }
  return {
    by, byLabel: BY_LABELS[by], from: range.from, to: range.to, street: q.street ?? null, asOf: at.toISOString(),
    streets: streets.map((s) => ({ id: s.id, name: s.name })), ageBuckets: AGE_LABELS,
    groups, total: present(all ?? emptyRow(''), '合计'),
  };
}

function emptyRow(key: string): FiguresRow {
  return {
    key, cases: 0, responded: 0, response_hours_avg: null, response_hours_median: null, steps_due: 0, steps_on_time: 0,
    steps_escalated: 0, escalations: 0, open_total: 0, open_by_age: AGE_LABELS.map(() => 0), rated: 0, rating_avg: null,
    ratings: [0, 0, 0, 0, 0], money_cases: 0, agreed_fen: 0, recovered_fen: 0,
  };
}

export type FiguresReport = Awaited<ReturnType<typeof fourHavesReport>>;
