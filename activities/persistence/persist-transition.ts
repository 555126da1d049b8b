import type { Insertable, Kysely } from 'kysely';
import { eventHash, GENESIS_HASH, lastEventHash } from '../../db/event-chain';
import type { CaseTable, Database } from '../../db/schema';
import type { CasePatch, NewCaseFacts, PartyFacts, Transition } from '../types';
import { createCase } from './create-case';
import { grantAccess, revokeAccess } from './grant-access';
import { recordCounsel } from './record-counsel';
import { writeWageFacts } from './wage-facts';
import { withoutNul } from './without-nul';

/** A kind that names no parties when it starts (the grievance): its complainant and the enterprise. */
function complainantAndEnterprise(c: NewCaseFacts): PartyFacts[] {
  return [
    { partyNo: 1, side: 'worker', name: c.complainantName, phone: c.complainantPhone, claimedFen: c.claimedFen },
    { partyNo: 2, side: 'employer', name: c.enterpriseName, enterpriseId: c.enterpriseId },
  ];
}

function patchColumns(p: CasePatch) {
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

/**
 * One workflow step's changes in one transaction. Every write is keyed (case number, event key, task id), so a retried
 * or replayed transition changes nothing the second time. Case-row patches carry the workflow's time and only apply
 * when newer, so a late retry cannot roll a case back.
 *
 * Events are appended to the case's hash chain (db/event-chain.ts). A command's persist and the main flow's can run at
 * the same moment for one case, so the case row is locked first: the second writer waits and then links to what the
 * first appended, instead of both linking to the same event (which the unique (case_no, prev_hash) index would refuse).
 */
export function createPersistTransition(db: Kysely<Database>) {
  return async function persistTransition(given: Transition): Promise<void> {
    const t = withoutNul(given);
    await db.transaction().execute(async (trx) => {
      const cols = t.casePatch ? patchColumns(t.casePatch) : {};
      // A new case's row is written with the transition's changes to it; a retry that finds it written applies them
      // as any transition does, below.
      const created = t.createCase ? await createCase(trx, t.caseNo, t.at, t.createCase, t.events ?? [], cols) : false;
      const events = t.events ?? [];
      let prev = '';
      // A row inserted by this transaction is locked by it and has no events yet: its chain starts at the genesis hash
      // (two statements fewer for every case's first transition; bench/: round trips to Postgres cost the worker).
      if (created) prev = GENESIS_HASH;
      else if (events.length > 0) {
        // After the createCase insert, so a case's first transition locks the row it has just written; the chain's tail
        // is read only once the lock is held, so it is the tail every other writer has left.
        await trx.selectFrom('cases').select('case_no').where('case_no', '=', t.caseNo).forUpdate().execute();
        prev = await lastEventHash(trx, t.caseNo);
      }
      if (!created && Object.keys(cols).length > 0) {
        await trx.updateTable('cases').set({ ...cols, updated_at: t.at })
          .where('case_no', '=', t.caseNo).where('updated_at', '<=', new Date(t.at)).execute();
      }
      // An event as stored, linked to the chain's tail `prev` (its hash is the next tail).
      const linked = (e: (typeof events)[number], prev: string) => {
        const row = { event_key: e.key, case_no: t.caseNo, seq: e.seq, type: e.type, actor: e.actor, actor_role: e.actorRole,
          summary: e.summary, data: e.data, at: e.at };
        const hash = eventHash(prev, row);
        return { ...row, data: JSON.stringify(e.data), prev_hash: prev, hash };
      };
      if (created && events.length > 0) {
        // A case written by this transaction has no events stored: the whole chain is known here, one statement for it.
        const chain = events.map((e) => {
          const row = linked(e, prev);
          prev = row.hash;
          return row;
        });
        await trx.insertInto('case_events').values(chain).execute();
      } else {
        for (const e of events) {
          const row = linked(e, prev);
          const inserted = await trx.insertInto('case_events').values(row)
            .onConflict((oc) => oc.column('event_key').doNothing()).returning('id').executeTakeFirst();
          // An event already stored (a retried transition) is already in the chain: the tail stays where it is. Linking
          // the next event to that older row instead would fork the chain whenever other events were appended after it.
          if (inserted) prev = row.hash;
        }
      }
      if (t.openTask) {
        const k = t.openTask;
        await trx.insertInto('tasks').values({
          task_id: k.taskId, case_no: t.caseNo, kind: k.kind, title: k.title, assignee_role: k.role, org_unit_id: k.unitId,
          department: k.department, due_at: k.dueAt, status: 'open', escalation_level: 0, assignee_user_id: k.userId ?? null,
          opened_at: t.at, closed_at: null,
        }).onConflict((oc) => oc.column('task_id').doNothing()).execute();
      }
      if (t.escalateTask) {
        await trx.updateTable('tasks').set({ escalation_level: t.escalateTask.level })
          .where('task_id', '=', t.escalateTask.taskId).where('escalation_level', '<', t.escalateTask.level).execute();
      }
      if (t.rescheduleTask) {
        await trx.updateTable('tasks').set({ due_at: t.rescheduleTask.dueAt })
          .where('task_id', '=', t.rescheduleTask.taskId).where('status', '=', 'open').execute();
      }
      // The last word on a party number wins, as when they were written one by one (one statement cannot touch a row twice).
      const parties = [...new Map((t.parties ?? (t.createCase ? complainantAndEnterprise(t.createCase) : [])).map((p) => [p.partyNo, p])).values()];
      if (parties.length > 0) {
        // One statement for all of them (a group dispute names dozens). Keyed by party number and only when newer: a
        // late retry never rolls a party back.
        await trx.insertInto('case_parties').values(parties.map((p) => ({
          case_no: t.caseNo, party_no: p.partyNo, side: p.side, name: p.name, phone: p.phone ?? null, id_number: p.idNumber ?? null,
          enterprise_id: p.enterpriseId ?? null, claimed_fen: p.claimedFen ?? 0, agreed_fen: p.agreedFen ?? null, updated_at: t.at,
        }))).onConflict((oc) => oc.columns(['case_no', 'party_no']).doUpdateSet((eb) => ({
          side: eb.ref('excluded.side'), name: eb.ref('excluded.name'), phone: eb.ref('excluded.phone'), id_number: eb.ref('excluded.id_number'),
          enterprise_id: eb.ref('excluded.enterprise_id'), claimed_fen: eb.ref('excluded.claimed_fen'), agreed_fen: eb.ref('excluded.agreed_fen'),
          updated_at: eb.ref('excluded.updated_at'),
        })).where('case_parties.updated_at', '<=', new Date(t.at))).execute();
      }
      for (const r of t.revokeAccess ?? []) await revokeAccess(trx, t.caseNo, r.userId);
      for (const g of t.grantAccess ?? []) await grantAccess(trx, t.caseNo, t.at, g);
      for (const c of t.recordCounsel ?? []) await recordCounsel(trx, t.caseNo, t.at, c);
      if (t.wage) await writeWageFacts(trx, t.caseNo, t.at, t.wage);
      if (t.forgetCodeTries) {
        await trx.deleteFrom('agreement_code_tries').where('case_no', '=', t.caseNo)
          .where('version', '=', t.forgetCodeTries.version).where('phone', '=', t.forgetCodeTries.phone).execute();
      }
      if (t.closeTask) {
        await trx.updateTable('tasks').set({ status: t.closeTask.status, closed_at: new Date(t.at) })
          .where('task_id', '=', t.closeTask.taskId).where('status', '=', 'open').execute();
      }
    });
  };
}
