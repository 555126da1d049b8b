/**
 * Bulk reassignment of open tasks (issue 23, a caseworker on leave): the supervisor names the new holder, a reason, and
 * either the cases (ticked in the case finder) or the person whose open tasks go (all their cases). ONE command per case
 * goes to its workflow, which records it as an event with who and why; each case's answer is reported on its own, so a
 * case closed meanwhile is a line that says so, never a silent gap.
 */
import { createHash } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import { casesWithTasksOf, reassignableStaff, visibleCaseNos, type StaffMember } from '../../db/queries/task-reassignment';
import type { SignedInStaff } from '../../db/queries/staff';
import type { Database } from '../../db/schema';
import { kindOfCaseNo, workflowIdOf } from '../../workflows/kinds';
import { REASSIGNABLE_ROLES, type ReassignAnswer, type ReassignCommand } from '../../workflows/shared/core-features/reassignment';
import { reassignTasksUpdate } from '../../workflows/shared/definitions';
import type { Role } from '../../workflows/shared/roles';
import { badRequest } from '../errors';
import { classify } from '../plugins/app/error-handler';
import { actorOf, viewerOf } from './viewer';
import { updateWithin } from './bounded-update';
import { untilProcessed } from './unprocessed-update';

/** the most cases one request moves: a caseworker's open cases, with room to spare */
export const MAX_CASES = 200;

export interface ReassignRequest { to: number; from?: number; cases?: string[]; reason: string }
export type CaseResult =
  | { caseNo: string; ok: true; moved: ReassignAnswer['moved'] }
  | { caseNo: string; ok: false; message: string };

export interface ReassignReport {
  to: { id: number; name: string };
  from: { id: number; name: string } | null;
  results: CaseResult[];
  moved: number;
  failed: number;
}

/** The colleagues this supervisor may give tasks to (the page's choices). */
export function reassignTargets(db: Kysely<Database>, staff: SignedInStaff): Promise<StaffMember[]> {
  return reassignableStaff(db, viewerOf(staff), REASSIGNABLE_ROLES, { activeOnly: true });
}

/** Whose tasks may be given away: the same people, including someone whose account was stopped (they left). */
export function reassignSources(db: Kysely<Database>, staff: SignedInStaff): Promise<StaffMember[]> {
  return reassignableStaff(db, viewerOf(staff), REASSIGNABLE_ROLES);
}

async function oneCase(temporal: Client, caseNo: string, cmd: ReassignCommand, key: string | undefined): Promise<CaseResult> {
  if (!kindOfCaseNo(caseNo)) return { caseNo, ok: false, message: '案件不存在或不在您的辖区' };
  // With the form's or client's key, a retry of the same request is answered by the first one's result (one per id).
  const updateId = key ? `reassign-${createHash('sha256').update(`${caseNo}:${cmd.actor.userId}:${key}`).digest('hex').slice(0, 32)}` : undefined;
  try {
    const handle = temporal.workflow.getHandle(workflowIdOf(caseNo));
    // Past the bound the command is on record and the tasks follow: said so, without the list of what moved.
    const answer = await untilProcessed(() => updateWithin(handle, reassignTasksUpdate, [cmd], { updateId, meanwhile: async () => ({ caseNo, moved: [] }) }));
    return { caseNo, ok: true, moved: answer.moved };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError || /already completed|execution.*(completed|closed)/i.test(String((err as Error)?.message))) {
      return { caseNo, ok: false, message: '该案件已办结，不能再转派' };
    }
    const a = classify(err);
    return { caseNo, ok: false, message: a.status >= 500 ? '系统繁忙，未能转派，请稍后重试' : a.message };
  }
}

export async function reassignOpenTasks(
  db: Kysely<Database>, temporal: Client, staff: SignedInStaff, req: ReassignRequest, key?: string,
): Promise<ReassignReport> {
  const v = viewerOf(staff);
  const reason = req.reason.trim();
  if (!reason) throw badRequest('请填写转派理由');
  const picked = [...new Set(req.cases ?? [])];
  if (picked.length === 0 && req.from === undefined) throw badRequest('请勾选案件，或选择要转出全部待办的工作人员');
  const [to] = await reassignableStaff(db, v, REASSIGNABLE_ROLES, { activeOnly: true, id: req.to });
  if (!to) throw badRequest('接收待办的工作人员不存在、已停用或不在您的辖区');
  let from: StaffMember | undefined;
  if (req.from !== undefined) {
    [from] = await reassignableStaff(db, v, REASSIGNABLE_ROLES, { id: req.from });
    if (!from) throw badRequest('转出待办的工作人员不存在或不在您的辖区');
    if (from.id === to.id) throw badRequest('转出和接收待办的不能是同一人');
    if (from.role !== to.role || from.unitId !== to.unitId) throw badRequest(`只能转派给${from.unitName}同一岗位的工作人员`);
  }
  const caseNos = picked.length > 0 ? picked : await casesWithTasksOf(db, v, from!, MAX_CASES + 1);
  if (caseNos.length === 0) throw badRequest(`${from!.name}没有未办结的待办`);
  // All or nothing at this size: a list cut short would leave cases behind without a word.
  if (caseNos.length > MAX_CASES) throw badRequest(`${from!.name}的未办结案件超过${MAX_CASES}件，请在案件列表中分批勾选转派`);
  const visible = await visibleCaseNos(db, v, caseNos);
  const cmd: ReassignCommand = {
    actor: actorOf(staff), reason, to: { userId: to.id, name: to.name, role: to.role as Role, unitId: to.unitId },
    ...(from ? { fromUserId: from.id } : {}),
  };
  const results: CaseResult[] = [];
  // One case after another: a caseworker's cases are tens, and each answer waits for the case's tasks to reopen.
  for (const caseNo of caseNos) {
    results.push(visible.has(caseNo) ? await oneCase(temporal, caseNo, cmd, key) : { caseNo, ok: false, message: '案件不存在或不在您的辖区' });
  }
  const moved = results.filter((r) => r.ok).length;
  return { to: { id: to.id, name: to.name }, from: from ? { id: from.id, name: from.name } : null, results, moved, failed: results.length - moved };
}
