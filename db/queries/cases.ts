import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema';

/** Whose cases a staff member may see: their district, their street, or their enterprise union's enterprises. */
export interface Jurisdiction {
  unitId: string;
  level: 'district' | 'street' | 'enterprise';
}

export function inJurisdiction(j: Jurisdiction) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    if (j.level === 'district') return eb('cases.district_id', '=', j.unitId);
    if (j.level === 'street') return eb('cases.street_id', '=', j.unitId);
    return eb('cases.enterprise_id', 'in', eb.selectFrom('enterprises').select('id').where('union_unit_id', '=', j.unitId));
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
    .orderBy('tasks.due_at').limit(limit).execute();
}

export async function smsOutbox(db: Kysely<Database>, j: Jurisdiction, limit = 200) {
  return db.selectFrom('sms_outbox').innerJoin('cases', 'cases.case_no', 'sms_outbox.case_no')
    .select(['sms_outbox.id', 'sms_outbox.case_no', 'sms_outbox.template', 'sms_outbox.recipient_name', 'sms_outbox.recipient_phone',
      'sms_outbox.recipient_role', 'sms_outbox.body', 'sms_outbox.status', 'sms_outbox.attempts', 'sms_outbox.created_at', 'sms_outbox.sent_at'])
    .where(inJurisdiction(j)).orderBy('sms_outbox.id', 'desc').limit(limit).execute();
}
