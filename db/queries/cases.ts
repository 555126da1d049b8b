import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../schema';
import { caseRows } from './case-facts';

/**
 * Who is looking, as far as visibility goes (api/security/access-policy.ts decides the scope of each role). Scopes:
 * street, district, enterprise (once its chair was told), department and assigned (only cases with a task assigned to
 * the role in the unit, or to the person, or the case assigned or addressed to the role in the unit or to the person by
 * name: case_access); anything else sees nothing.
 */
export interface Viewer {
  scope: string;
  role: string;
  userId: number;
  unitId: string;
  department: string | null;
}

type CasesEb = ExpressionBuilder<Database, 'cases'>;

function assignedTo(eb: CasesEb, v: Viewer) {
  const tasks = eb.selectFrom('tasks').select('tasks.case_no');
  if (v.scope === 'department') {
    return eb('cases.case_no', 'in', tasks.where('tasks.assignee_role', '=', 'partner_department')
      .where('tasks.department', '=', v.department ?? '').where('tasks.org_unit_id', '=', v.unitId));
  }
  // Assigned a task, or assigned or addressed the case as a whole: to the role in the unit (a station's mediators, an
  // institute's clerks), or to this person by name (a lawyer), which no one else of the unit and role is.
  const granted = eb.selectFrom('case_access').select('case_access.case_no').where((a) => a.or([
    a.and([a('case_access.user_id', 'is', null), a('case_access.unit_id', '=', v.unitId), a('case_access.role', '=', v.role)]),
    a('case_access.user_id', '=', v.userId),
  ]));
  return eb.or([
    eb('cases.case_no', 'in', tasks.where((t) => t.or([
      // a task named to a person (a lawyer assigned by name) is theirs alone, not their unit's
      t.and([t('tasks.assignee_role', '=', v.role), t('tasks.org_unit_id', '=', v.unitId), t('tasks.assignee_user_id', 'is', null)]),
      // ... and only while it is open: a lawyer who declined or let an assignment lapse no longer sees the case by it
      t.and([t('tasks.assignee_user_id', '=', v.userId), t('tasks.status', '=', 'open')]),
    ]))),
    eb('cases.case_no', 'in', granted),
  ]);
}

export function visibleTo(v: Viewer) {
  return (eb: CasesEb) => {
    switch (v.scope) {
      case 'street': return eb('cases.street_id', '=', v.unitId);
      case 'district': return eb('cases.district_id', '=', v.unitId);
      case 'enterprise':
        // The enterprise's union learns of a case only when the workflow tells its chair (12 h after intake).
        return eb.and([
          eb('cases.enterprise_id', 'in', eb.selectFrom('enterprises').select('id').where('union_unit_id', '=', v.unitId)),
          eb('cases.enterprise_notified_at', 'is not', null),
        ]);
      case 'department': case 'assigned': return assignedTo(eb, v);
      default: return eb.val(false);
    }
  };
}

export async function findCase(db: Kysely<Database>, caseNo: string) {
  return caseRows(db).where('cases.case_no', '=', caseNo).executeTakeFirst();
}

export async function findVisibleCase(db: Kysely<Database>, caseNo: string, v: Viewer) {
  return caseRows(db).where('cases.case_no', '=', caseNo).where(visibleTo(v)).executeTakeFirst();
}

export async function caseEvents(db: Kysely<Database>, caseNo: string) {
  return db.selectFrom('case_events').select(['seq', 'type', 'actor', 'actor_role', 'summary', 'data', 'at'])
    .where('case_no', '=', caseNo).orderBy('seq').execute();
}

export async function openTasksOfCase(db: Kysely<Database>, caseNo: string) {
  return db.selectFrom('tasks').selectAll().where('case_no', '=', caseNo).where('status', '=', 'open').orderBy('due_at').execute();
}

/**
 * The open tasks a viewer's to-do list shows: every task of the visible cases for the union's own line, only the tasks
 * assigned to them for everyone else. Each with its case's category, a grievance's (other kinds have none).
 */
export async function openTasksFor(db: Kysely<Database>, v: Viewer, limit = 200) {
  const ownLine = v.scope === 'street' || v.scope === 'district';
  return db.selectFrom('tasks').innerJoin('cases', 'cases.case_no', 'tasks.case_no')
    .leftJoin('grievance_cases', 'grievance_cases.case_no', 'cases.case_no')
    // who holds a task by name (taken over, or claimed from a pool): the inbox names them rather than the role
    .leftJoin('staff_users as holder', 'holder.id', 'tasks.assignee_user_id')
    .select(['tasks.task_id', 'tasks.case_no', 'tasks.kind', 'tasks.title', 'tasks.assignee_role', 'tasks.org_unit_id',
      'tasks.department', 'tasks.due_at', 'tasks.escalation_level', 'tasks.opened_at', 'tasks.assignee_user_id',
      'holder.display_name as assignee_name', 'cases.enterprise_name', 'grievance_cases.category', 'cases.complainant_name', 'cases.stage'])
    .where('tasks.status', '=', 'open').where(visibleTo(v))
    .$if(!ownLine, (q) => q.where((eb) => eb.or([
      eb.and([eb('tasks.assignee_role', '=', v.role), eb('tasks.org_unit_id', '=', v.unitId),
        v.scope === 'department' ? eb('tasks.department', '=', v.department ?? '') : eb.val(true)]),
      eb('tasks.assignee_user_id', '=', v.userId),
    ])))
    .orderBy('tasks.due_at').limit(limit).execute();
}

/** Cases addressed to a viewer outside the union's line (an enterprise chair told of a case) with no task of theirs. */
export async function visibleCases(db: Kysely<Database>, v: Viewer, limit = 200) {
  return db.selectFrom('cases').leftJoin('grievance_cases', 'grievance_cases.case_no', 'cases.case_no')
    .select(['cases.case_no', 'cases.enterprise_name', 'grievance_cases.category', 'cases.status', 'cases.stage', 'cases.created_at'])
    .where(visibleTo(v)).orderBy('cases.created_at', 'desc').limit(limit).execute();
}

/** `onlyTo`: people outside the union (an enterprise chair, a department) see just the messages sent to them. */
export async function smsOutbox(db: Kysely<Database>, v: Viewer, limit = 200, onlyTo?: { role: string; phone: string }) {
  return db.selectFrom('sms_outbox').innerJoin('cases', 'cases.case_no', 'sms_outbox.case_no')
    .select(['sms_outbox.id', 'sms_outbox.case_no', 'sms_outbox.template', 'sms_outbox.recipient_name', 'sms_outbox.recipient_phone',
      'sms_outbox.recipient_role', 'sms_outbox.body', 'sms_outbox.status', 'sms_outbox.attempts', 'sms_outbox.last_error',
      'sms_outbox.created_at', 'sms_outbox.sent_at'])
    .where(visibleTo(v))
    .$if(Boolean(onlyTo), (q) => q.where('sms_outbox.recipient_role', '=', onlyTo!.role).where('sms_outbox.recipient_phone', '=', onlyTo!.phone))
    .orderBy('sms_outbox.id', 'desc').limit(limit).execute();
}

/** A case's messages that the gateway refused for good (a wrong number): staff must reach that person another way. */
export async function rejectedSmsOfCase(db: Kysely<Database>, caseNo: string) {
  return db.selectFrom('sms_outbox').select(['recipient_name', 'recipient_role', 'recipient_phone', 'template', 'last_error', 'created_at'])
    .where('case_no', '=', caseNo).where('status', '=', 'rejected').orderBy('id').execute();
}
