/**
 * The early warning's dashboard as data (DOMAIN §2): each street's and enterprise's colour, the open follow-ups, and
 * complaints by month per street (the trend the colours come from). A street chair sees their own street only.
 */
import type { Kysely } from 'kysely';
import type { SignedInStaff } from '../../../db/queries/staff';
import { coloursIn, complaintsByMonth, openFollowUpsIn, streetsOfArea } from '../../../db/queries/risk-warning';
import type { Database } from '../../../db/schema';
import { riskWarningConfig } from '../../../temporal.config';
import { ACTION_LABELS, COLOUR_LABELS, COLOUR_RANK, type RiskColour, type RiskUnitType } from '../../../workflows/risk-warning/grade';
import { ROLE_LABELS, type Role } from '../../../workflows/shared/roles';
import { badRequest } from '../../errors';

export interface RiskFilters {
  colour?: RiskColour;
  type?: RiskUnitType;
  street?: string;
  months?: number;
}


/** The first `n` months up to this one, oldest first, as YYYY-MM in Asia/Shanghai. */
export function lastMonths(now: number, n: number): string[] {
  const d = new Date(now + 8 * 3_600_000);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i -= 1) {
    const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1));
    out.push(m.toISOString().slice(0, 7));
  }
  return out;
}

export async function riskReport(db: Kysely<Database>, staff: SignedInStaff, f: RiskFilters, now = Date.now()) {
  const own = staff.role === 'street_chair' ? { streetId: staff.org_unit_id } : { districtId: staff.org_unit_id };
  const area = await streetsOfArea(db, own);
  if (f.street && !area.some((s) => s.id === f.street)) throw badRequest('所选街道不存在或不在您的辖区');
  const streets = f.street ? area.filter((s) => s.id === f.street) : area;
  const ids = streets.map((s) => s.id);
  const months = lastMonths(now, f.months ?? 12);
  const [colours, followUps, counts] = await Promise.all([
    coloursIn(db, ids), openFollowUpsIn(db, ids), complaintsByMonth(db, ids, new Date(Date.parse(`${months[0]}-01T00:00:00+08:00`))),
  ]);
  const units = colours
    .filter((c) => (!f.colour || c.colour === f.colour) && (!f.type || c.unit_type === f.type))
    .map((c) => ({
      unitType: c.unit_type, unitId: c.unit_id, name: c.unit_type === 'street' ? c.street_name : c.enterprise_name ?? c.unit_id,
      streetId: c.street_id, streetName: c.street_name, colour: c.colour, colourLabel: COLOUR_LABELS[c.colour],
      complaints: c.complaints, computedAt: c.computed_at.toISOString(), changedAt: c.changed_at.toISOString(),
    }))
    .sort((a, b) => COLOUR_RANK[b.colour] - COLOUR_RANK[a.colour] || b.complaints - a.complaints || a.name.localeCompare(b.name, 'zh-CN'));
  const byKey = new Map(counts.map((c) => [`${c.street_id}:${c.month}`, c.complaints]));
  const trend = streets.map((s) => ({ streetId: s.id, streetName: s.name, months: months.map((m) => ({ month: m, complaints: byKey.get(`${s.id}:${m}`) ?? 0 })) }));
  return {
    policy: riskWarningConfig.policy,
    streets: streets.map((s) => ({ id: s.id, name: s.name })),
    units,
    followUps: followUps.map((x) => ({
      followupId: x.followup_id, unitType: x.unit_type, unitId: x.unit_id, streetId: x.street_id, streetName: x.street_name,
      colour: x.colour, colourLabel: COLOUR_LABELS[x.colour], action: x.action, actionLabel: ACTION_LABELS[x.action], title: x.title,
      assignee: x.department ?? ROLE_LABELS[x.assignee_role as Role] ?? x.assignee_role, changedOn: x.changed_on,
      dueAt: x.due_at.toISOString(), overdue: x.due_at.getTime() < now, escalationLevel: x.escalation_level,
    })),
    months,
    trend,
  };
}

export type RiskReport = Awaited<ReturnType<typeof riskReport>>;
