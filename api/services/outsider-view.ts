/**
 * What a viewer outside the union's own line (an enterprise chair, a department, a mediator, a clerk…) sees of a case:
 * the worker's name and phone masked everywhere, in the case's facts, in who did what, and inside the texts of its
 * events (a caseworker's note may name the worker).
 */
import { maskIdNumber } from '../../activities/documents/mask-id';
import { maskName, maskPhone } from '../../workflows/shared/present/format';

interface Person { complainant_name: string; complainant_phone: string | null }
interface Event { actor: string; actor_role: string; summary: string; data: unknown; type?: string }

function scrub(text: string, p: Person): string {
  let out = text;
  if (p.complainant_name.length > 1) out = out.split(p.complainant_name).join(maskName(p.complainant_name));
  return p.complainant_phone ? out.split(p.complainant_phone).join(maskPhone(p.complainant_phone)) : out;
}

export function maskCaseForOutsider<R extends Person & { description: string | null }>(row: R): R {
  return {
    ...row, complainant_name: maskName(row.complainant_name),
    complainant_phone: row.complainant_phone === null ? null : maskPhone(row.complainant_phone),
    description: row.description === null ? null : scrub(row.description, row),
  };
}

export function maskEventsForOutsider<E extends Event>(events: E[], p: Person): E[] {
  return events.map((e) => ({
    ...e,
    actor: e.actor_role === 'worker' ? maskName(e.actor) : scrub(e.actor, p),
    summary: scrub(e.summary, p),
    // A note's text travels in the event's data too.
    data: maskCorrectedPhone(e.type, JSON.parse(scrub(JSON.stringify(e.data ?? {}), p)) as E['data']),
  }));
}

/** A party's phone corrected by the mediator: both numbers are in the event's data (and its summary, masked there). */
function maskCorrectedPhone<D>(type: string | undefined, data: D): D {
  const d = data as { field?: unknown; from?: unknown; to?: unknown };
  if (type !== 'party_corrected' || d.field !== 'phone') return data;
  return { ...d, from: typeof d.from === 'string' ? maskPhone(d.from) : d.from, to: typeof d.to === 'string' ? maskPhone(d.to) : d.to } as D;
}

interface PartyView { workers?: { phone: string; idNumber: string }[]; employer?: { phone: string }; departed?: { phone: string; idNumber: string }[] }

/**
 * A mediation's live view for an outsider who is not its mediator (an institute's clerk): the parties' names stay (the
 * documents addressed to them print them), their phones and ID numbers are masked as the court expects.
 */
export function maskPartiesForOutsider<V extends object>(given: V): V {
  const view = given as V & PartyView;
  if (!view.workers) return given;
  return {
    ...view,
    workers: view.workers.map((w) => ({ ...w, phone: maskPhone(w.phone), idNumber: maskIdNumber(w.idNumber) })),
    // workers who withdrew or were split off are parties' details too
    ...(view.departed ? { departed: view.departed.map((w) => ({ ...w, phone: maskPhone(w.phone), idNumber: maskIdNumber(w.idNumber) })) } : {}),
    ...(view.employer ? { employer: { ...view.employer, phone: maskPhone(view.employer.phone) } } : {}),
  };
}
