/**
 * The rows a transition writes, as both ways of writing them store them: the transaction of any transition
 * (persist-transition.ts) and the one statement of a new case (create-case-at-once.ts).
 */
import type { Insertable } from 'kysely';
import { eventHash } from '../../db/event-chain';
import type { CaseTable } from '../../db/schema';
import type { CaseEvent, CasePatch, NewCaseFacts, PartyFacts, TaskSpec, Transition } from '../types';

/** A kind that names no parties when it starts (the grievance): its complainant and the enterprise. */
function complainantAndEnterprise(c: NewCaseFacts): PartyFacts[] {
  return [
    { partyNo: 1, side: 'worker', name: c.complainantName, phone: c.complainantPhone, claimedFen: c.claimedFen },
    { partyNo: 2, side: 'employer', name: c.enterpriseName, enterpriseId: c.enterpriseId },
  ];
}

/** The case row's columns a patch sets. */
export function patchColumns(p: CasePatch) {
  const cols: Partial<Insertable<CaseTable>> = {};
  if (p.status !== undefined) cols.status = p.status;
  if (p.stage !== undefined) cols.stage = p.stage;
  if (p.level !== undefined) cols.level = p.level;
  if (p.outcome !== undefined) cols.outcome = p.outcome;
  if (p.recoveredFen !== undefined) cols.recovered_fen = p.recoveredFen;
  if (p.rating !== undefined) cols.rating = p.rating;
  if (p.ratingComment !== undefined) cols.rating_comment = p.ratingComment;
  if (p.enterpriseNotifiedAt !== undefined) cols.enterprise_notified_at = new Date(p.enterpriseNotifiedAt);
  if (p.complainantName !== undefined) cols.complainant_name = p.complainantName;
  if (p.workerCount !== undefined) cols.worker_count = p.workerCount;
  if (p.claimedFen !== undefined) cols.claimed_fen = p.claimedFen;
  return cols;
}

/** A new case's row, with the transition's own changes to it (`patched`) written in rather than updated after. */
export function newCaseRow(caseNo: string, at: string, c: NewCaseFacts, patched: Partial<Insertable<CaseTable>>): Insertable<CaseTable> {
  return {
    case_no: caseNo, kind: c.kind, workflow_id: c.workflowId, district_id: c.districtId, street_id: c.streetId,
    enterprise_id: c.enterpriseId, enterprise_name: c.enterpriseName, status: 'open',
    // A grievance started before it named its first stage and level begins at contact, in the street.
    stage: c.stage ?? 'contact', level: c.level ?? 'street',
    complainant_name: c.complainantName, complainant_phone: c.complainantPhone || null,
    claimed_fen: c.claimedFen, worker_count: c.workerCount, created_at: c.createdAt, ...patched, updated_at: at,
  };
}

/** An event as stored, linked to the chain's tail `prev` (its hash is the next tail); `data` as the object it is. */
export function linkedEvent(caseNo: string, e: CaseEvent, prev: string) {
  const row = { event_key: e.key, case_no: caseNo, seq: e.seq, type: e.type, actor: e.actor, actor_role: e.actorRole,
    summary: e.summary, data: e.data, at: e.at };
  return { ...row, prev_hash: prev, hash: eventHash(prev, row) };
}

/** Events linked one after another from `prev`: a chain known whole, because none of them is stored yet. */
export function chainedEvents(caseNo: string, events: CaseEvent[], prev: string) {
  return events.map((e) => {
    const row = linkedEvent(caseNo, e, prev);
    prev = row.hash;
    return row;
  });
}

/** The task row a transition opens. */
export function openedTaskRow(caseNo: string, at: string, k: TaskSpec) {
  return {
    task_id: k.taskId, case_no: caseNo, kind: k.kind, title: k.title, assignee_role: k.role, org_unit_id: k.unitId,
    department: k.department, due_at: k.dueAt, status: 'open', escalation_level: 0, assignee_user_id: k.userId ?? null,
    opened_at: at, closed_at: null,
  };
}

/**
 * The party rows a transition writes: those it names, or a new grievance's two. The last word on a party number wins,
 * as when they were written one by one (one statement cannot touch a row twice).
 */
export function partyRows(t: Transition) {
  const named = t.parties ?? (t.createCase ? complainantAndEnterprise(t.createCase) : []);
  return [...new Map(named.map((p) => [p.partyNo, p])).values()].map((p) => ({
    case_no: t.caseNo, party_no: p.partyNo, side: p.side, name: p.name, phone: p.phone ?? null, id_number: p.idNumber ?? null,
    enterprise_id: p.enterpriseId ?? null, claimed_fen: p.claimedFen ?? 0, agreed_fen: p.agreedFen ?? null, updated_at: t.at,
  }));
}
