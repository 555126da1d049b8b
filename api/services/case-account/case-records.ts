/**
 * What Postgres keeps of one case for its account: its events (who did what), its tasks (deadlines set, met, missed)
 * with who held them, and every SMS sent for it. Kept after the engine's retention, so the account never depends on
 * Temporal alone.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

export async function caseRecords(db: Kysely<Database>, caseNo: string) {
  const [events, tasks, sms] = await Promise.all([
    db.selectFrom('case_events').select(['seq', 'type', 'actor', 'actor_role', 'summary', 'data', 'at'])
      .where('case_no', '=', caseNo).orderBy('seq').execute(),
    db.selectFrom('tasks')
      .leftJoin('org_units', 'org_units.id', 'tasks.org_unit_id')
      .leftJoin('staff_users', 'staff_users.id', 'tasks.assignee_user_id')
      .select(['tasks.task_id', 'tasks.kind', 'tasks.title', 'tasks.assignee_role', 'tasks.department', 'tasks.due_at', 'tasks.status',
        'tasks.escalation_level', 'tasks.opened_at', 'tasks.closed_at', 'org_units.name as unit_name', 'staff_users.display_name as person'])
      .where('tasks.case_no', '=', caseNo).orderBy('tasks.opened_at').execute(),
    db.selectFrom('sms_outbox')
      .select(['id', 'idempotency_key', 'template', 'recipient_name', 'recipient_role', 'recipient_phone', 'status', 'attempts',
        'last_error', 'created_at', 'sent_at'])
      .where('case_no', '=', caseNo).orderBy('id').execute(),
  ]);
  return { events, tasks, sms };
}

export type CaseRecords = Awaited<ReturnType<typeof caseRecords>>;
export type EventRecord = CaseRecords['events'][number];
export type TaskRecord = CaseRecords['tasks'][number];
export type SmsRecord = CaseRecords['sms'][number];
