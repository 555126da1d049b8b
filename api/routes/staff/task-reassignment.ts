/**
 * The page side of bulk reassignment (issue 23): the case finder's form posts here (ticked cases, or everything one
 * person holds), and the answer is a page listing each case with what moved or why not.
 */
import type { FastifyPluginAsync } from 'fastify';
import { badRequest } from '../../errors';
import { reassignOpenTasks, MAX_CASES } from '../../services/task-reassignment';
import { CASE_NO_PATTERN } from '../../../workflows/kinds';
import { ROLE_LABELS } from '../../../workflows/shared/roles';
import type { StaffMember } from '../../../db/queries/task-reassignment';

const CASE_NO = new RegExp(CASE_NO_PATTERN);

function userIdOf(v: unknown, what: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^[1-9][0-9]{0,9}$/.test(v)) throw badRequest(`请选择${what}`);
  return Number(v);
}

/** The form's ticked boxes: one value, several, or none. */
function casesOf(v: unknown): string[] {
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  if (list.length > MAX_CASES) throw badRequest(`一次至多转派${MAX_CASES}件案件`);
  for (const c of list) if (typeof c !== 'string' || !CASE_NO.test(c)) throw badRequest('所选案件编号格式不正确，请刷新页面后重试');
  return list as string[];
}

/** A choice in the form: who, their post and unit. */
export const staffChoice = (s: StaffMember) => ({ value: String(s.id), label: `${s.name}（${s.unitName}·${ROLE_LABELS[s.role as keyof typeof ROLE_LABELS] ?? s.role}${s.active ? '' : '，已停用'}）` });

const taskReassignmentPages: FastifyPluginAsync = async (app) => {
  app.post('/task-reassignments', { config: { access: 'tasks.reassign' }, schema: { hide: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const to = userIdOf(body.to, '接收待办的工作人员');
    if (to === undefined) throw badRequest('请选择接收待办的工作人员');
    if (typeof body.reason !== 'string' || body.reason.trim() === '') throw badRequest('请填写转派理由');
    if (body.reason.length > 500) throw badRequest('理由不能超过500个字');
    const report = await reassignOpenTasks(app.db, app.temporal, req.staff!, {
      to, from: userIdOf(body.from, '转出待办的工作人员'), cases: casesOf(body.cases), reason: body.reason,
    }, req.formKey);
    return reply.view('task-reassignment', { title: '转派结果', staff: req.staff, report });
  });
};

export default taskReassignmentPages;
