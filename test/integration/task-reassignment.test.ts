/**
 * Bulk reassignment of open tasks (issue 23): a caseworker's open tasks go to a colleague of the same street, one
 * command per case through its workflow, each recorded on the case with who and why; a case closed meanwhile is
 * reported on its own line; a street chair is kept to their street; bad input is refused in zh-CN.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addColleague, staffId } from '../helpers/colleague';
import { apiClient, validIntake } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

let sys: System;
let api: ReturnType<typeof apiClient>;
const tokens: Record<string, string> = {};
let cases: string[] = [];
let sg: number;
let sg2: number;

const openTasks = (caseNo: string) => sys.db.selectFrom('tasks').select(['task_id', 'assignee_user_id', 'assignee_role'])
  .where('case_no', '=', caseNo).where('status', '=', 'open').execute();

beforeAll(async () => {
  sys = await startSystem('reassign');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  sg = await staffId(sys.db, 'beishan.sg');
  sg2 = await addColleague(sys.db, { username: 'beishan.sg2', name: '北山街道社工小陈', role: 'street_caseworker', unitId: 's-beishan', phone: '13700001999' });
  for (const u of ['beishan.sg', 'beishan.zx', 'xixi.zx', 'xihu.qb']) tokens[u] = await api.login(u);
  for (let i = 0; i < 3; i++) {
    const r = await api.call('POST', '/api/v1/grievances', validIntake({ complainantPhone: `1391234567${i}` }), tokens['xihu.qb']);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    cases.push(r.body.caseNo);
  }
  for (const c of cases) await eventually(async () => (await openTasks(c)).length === 1);
  // the third closes before the reassignment reaches it
  const w = await api.call('POST', `/api/v1/cases/${cases[2]}/actions/withdraw`, { reason: '职工已与企业和解' }, tokens['beishan.sg']);
  expect(w.status, JSON.stringify(w.body)).toBe(200);
  await eventually(async () => (await sys.db.selectFrom('cases').select('status').where('case_no', '=', cases[2]).executeTakeFirst())?.status === 'closed');
});

afterAll(async () => {
  await sys?.stop();
});

describe('bulk reassignment of open tasks', () => {
  it('moves each case by one command, records who and why, and reports a closed case on its own line', async () => {
    const r = await api.call('POST', '/api/v1/task-reassignments', { to: sg2, cases, reason: '原承办人休假' }, tokens['xihu.qb']);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ to: { id: sg2 }, moved: 2, failed: 1 });
    expect(r.body.results[0]).toMatchObject({ caseNo: cases[0], ok: true, moved: [{ title: '联系职工，了解诉求' }] });
    expect(r.body.results[2]).toMatchObject({ caseNo: cases[2], ok: false, message: '该案件已办结，不能再转派' });
    for (const c of cases.slice(0, 2)) {
      const tasks = await openTasks(c);
      expect(tasks).toEqual([expect.objectContaining({ assignee_role: 'street_caseworker', assignee_user_id: sg2 })]);
      const events = await sys.db.selectFrom('case_events').select(['actor', 'summary']).where('case_no', '=', c).where('type', '=', 'tasks_reassigned').execute();
      expect(events).toEqual([{ actor: '区权保部王干事', summary: '区总工会权益保障部区权保部王干事将待办“联系职工，了解诉求”转派给社会化工会工作者北山街道社工小陈。理由：原承办人休假' }]);
    }
    // the old holder no longer acts on it; the new one does
    const old = await api.call('POST', `/api/v1/cases/${cases[0]}/actions/contactComplainant`, { note: '已联系' }, tokens['beishan.sg']);
    expect(old.status).toBe(403);
    const done = await api.call('POST', `/api/v1/cases/${cases[0]}/actions/contactComplainant`, { note: '已联系' }, await api.login('beishan.sg2'));
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // the case keeps it: the next step is the new holder's too
    await eventually(async () => (await openTasks(cases[0]))[0]?.assignee_user_id === sg2 && (await openTasks(cases[0]))[0]?.task_id.includes('/verify/'));
  });

  it('gives back everything one person holds, as the street chair, within the street only', async () => {
    const other = await api.call('POST', '/api/v1/task-reassignments', { to: sg, from: sg2, reason: '休假结束' }, tokens['xixi.zx']);
    expect(other.status).toBe(422);
    expect(other.body.message).toBe('接收待办的工作人员不存在、已停用或不在您的辖区');
    const r = await api.call('POST', '/api/v1/task-reassignments', { to: sg, from: sg2, reason: '休假结束' }, tokens['beishan.zx']);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ from: { id: sg2 }, moved: 2, failed: 0 });
    for (const c of cases.slice(0, 2)) expect((await openTasks(c))[0].assignee_user_id).toBe(sg);
  });

  it('refuses bad input in zh-CN and denies other roles', async () => {
    const cases0 = [cases[0]];
    const bad = async (body: unknown, status: number, message: string, who = 'xihu.qb') => {
      const r = await api.call('POST', '/api/v1/task-reassignments', body, tokens[who]);
      expect([r.status, r.body.message]).toEqual([status, message]);
    };
    await bad({ cases: cases0, reason: '休假' }, 400, '请填写接收待办的工作人员');
    await bad({ to: sg2, cases: cases0, reason: '  ' }, 400, '请填写理由');
    await bad({ to: sg2, cases: ['nonsense'], reason: '休假' }, 400, '案件格式不正确');
    await bad({ to: sg2, reason: '休假' }, 422, '请勾选案件，或选择要转出全部待办的工作人员');
    await bad({ to: await staffId(sys.db, 'beishan.zx'), from: sg, reason: '休假' }, 422, '只能转派给北山街道总工会同一岗位的工作人员');
    await bad({ to: sg2, from: sg, cases: cases0, reason: '休假' }, 403, '您的角色无权批量转派待办', 'beishan.sg');
  });
});
