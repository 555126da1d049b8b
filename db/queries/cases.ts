import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema';

/** Whose cases a staff member may see: their district, their street, or their enterprise union's enterprises. */
export interface Jurisdiction {
  unitId: string;
  level: 'district' | 'street' | 'enterprise';
  /** a partner department (人社局 …) sees only the cases it was asked to coordinate on */
  department?: string | null;
}

export function inJurisdiction(j: Jurisdiction) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    if (j.department) {
      return eb.and([
        eb('cases.district_id', '=', j.unitId),
        eb('cases.case_no', 'in', eb.selectFrom('tasks').select('tasks.case_no').where('tasks.department', '=', j.department)),
      ]);
    }
    if (j.level === 'district') return eb('cases.district_id', '=', j.unitId);
    if (j.level === 'street') return eb('cases.street_id', '=', j.unitId);
    // The enterprise's union learns of a case only when the workflow tells its chair (12 h after intake).
    return eb.and([
      eb('cases.enterprise_id', 'in', eb.selectFrom('enterprises').select('id').where('union_unit_id', '=', j.unitId)),
      eb('cases.enterprise_notified_at', 'is not', null),
    ]);
  };
}

export async function findCase(db: Kysely<Database>, caseNo: string) {
  return db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
}

export async function findCaseInJurisdiction(db: Kysely<Database>, caseNo: string, j: Jurisdiction) {
  return db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).where(inJurisdiction(j)).executeTakeFirst();
}

export async function caseEvents(db: Kysely<Database>, caseNo: string) {
  return db.selectFrom('case_events').select(['seq', 'type', 'actor', 'actor_role', 'summary', 'data', 'at'])
    .where('case_no', '=', caseNo).orderBy('seq').execute();
}

export async function openTasksInJurisdiction(db: Kysely<Database>, j: Jurisdiction, limit = 200) {
  return db.selectFrom('tasks').innerJoin('cases', 'cases.case_no', 'tasks.case_no')
    .select(['tasks.task_id', 'tasks.case_no', 'tasks.kind', 'tasks.title', 'tasks.assignee_role', 'tasks.org_unit_id',
      'tasks.department', 'tasks.due_at', 'tasks.escalation_level', 'tasks.opened_at', 'cases.enterprise_name', 'cases.category',
      'cases.complainant_name', 'cases.stage'])
    .where('tasks.status', '=', 'open').where(inJurisdiction(j))
    .$if(Boolean(j.department), (q) => q.where('tasks.department', '=', j.department!))
    .orderBy('tasks.due_at').limit(limit).execute();
}

/** `onlyTo`: people outside the union (an enterprise chair, a department) see just the messages sent to them. */
export async function smsOutbox(db: Kysely<Database>, j: Jurisdiction, limit = 200, onlyTo?: { role: string; phone: string }) {
  return db.selectFrom('sms_outbox').innerJoin('cases', 'cases.case_no', 'sms_outbox.case_no')
    .select(['sms_outbox.id', 'sms_outbox.case_no', 'sms_outbox.template', 'sms_outbox.recipient_name', 'sms_outbox.recipient_phone',
      'sms_outbox.recipient_role', 'sms_outbox.body', 'sms_outbox.status', 'sms_outbox.attempts', 'sms_outbox.created_at', 'sms_outbox.sent_at'])
    .where(inJurisdiction(j))
    .$if(Boolean(onlyTo), (q) => q.where('sms_outbox.recipient_role', '=', onlyTo!.role).where('sms_outbox.recipient_phone', '=', onlyTo!.phone))
    .orderBy('sms_outbox.id', 'desc').limit(limit).execute();
}
