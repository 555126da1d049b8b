import type { Kysely } from 'kysely';
import { GENESIS_HASH, lastEventHash } from '../../db/event-chain';
import type { Database } from '../../db/schema';
import type { Transition } from '../types';
import { createCase } from './create-case';
import { createCaseAtOnce, createsOnly } from './create-case-at-once';
import { grantAccess, revokeAccess } from './grant-access';
import { recordCounsel } from './record-counsel';
import { writeWageFacts } from './wage-facts';
import { chainedEvents, linkedEvent, openedTaskRow, partyRows, patchColumns } from './transition-rows';
import { withoutNul } from './without-nul';

/** An event row as the insert takes it: its data as JSON text for the jsonb column. */
const storedEvent = <E extends { data: unknown }>(e: E) => ({ ...e, data: JSON.stringify(e.data) });

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
    if (createsOnly(t) && (await createCaseAtOnce(db, t))) return;
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
      if (created && events.length > 0) {
        // A case written by this transaction has no events stored: the whole chain is known here, one statement for it.
        await trx.insertInto('case_events').values(chainedEvents(t.caseNo, events, prev).map(storedEvent)).execute();
      } else {
        for (const e of events) {
          const row = linkedEvent(t.caseNo, e, prev);
          const inserted = await trx.insertInto('case_events').values(storedEvent(row))
            .onConflict((oc) => oc.column('event_key').doNothing()).returning('id').executeTakeFirst();
          // An event already stored (a retried transition) is already in the chain: the tail stays where it is. Linking
          // the next event to that older row instead would fork the chain whenever other events were appended after it.
          if (inserted) prev = row.hash;
        }
      }
      if (t.openTask) {
        await trx.insertInto('tasks').values(openedTaskRow(t.caseNo, t.at, t.openTask))
          .onConflict((oc) => oc.column('task_id').doNothing()).execute();
      }
      if (t.escalateTask) {
        await trx.updateTable('tasks').set({ escalation_level: t.escalateTask.level })
          .where('task_id', '=', t.escalateTask.taskId).where('escalation_level', '<', t.escalateTask.level).execute();
      }
      if (t.rescheduleTask) {
        await trx.updateTable('tasks').set({ due_at: t.rescheduleTask.dueAt })
          .where('task_id', '=', t.rescheduleTask.taskId).where('status', '=', 'open').execute();
      }
      const parties = partyRows(t);
      if (parties.length > 0) {
        // One statement for all of them (a group dispute names dozens). Keyed by party number and only when newer: a
        // late retry never rolls a party back.
        await trx.insertInto('case_parties').values(parties).onConflict((oc) => oc.columns(['case_no', 'party_no']).doUpdateSet((eb) => ({
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
