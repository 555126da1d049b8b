/** The follow-up rows a change of colour starts: recorded once (unique key), escalated, closed. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { FollowUpRecord } from './types';

export function createRiskFollowUps(db: Kysely<Database>) {
  return {
    async recordFollowUp(f: FollowUpRecord): Promise<boolean> {
      const r = await db.insertInto('risk_followups').values({
        followup_id: f.followupId, unit_type: f.unitType, unit_id: f.unitId, street_id: f.streetId, colour: f.colour, changed_on: f.changedOn,
        action: f.action, title: f.title, assignee_role: f.role, org_unit_id: f.unitOfAssignee, department: f.department,
        status: 'open', due_at: f.dueAt, opened_at: f.openedAt, closed_at: null, closed_by: null, note: null,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async escalateFollowUp({ followupId, level }: { followupId: string; level: number }): Promise<void> {
      await db.updateTable('risk_followups').set({ escalation_level: level }).where('followup_id', '=', followupId).execute();
    },

    async closeFollowUp({ followupId, at, by, note }: { followupId: string; at: string; by: string; note: string }): Promise<void> {
      await db.updateTable('risk_followups').set({ status: 'done', closed_at: new Date(at), closed_by: by, note })
        .where('followup_id', '=', followupId).where('status', '=', 'open').execute();
    },
  };
}
