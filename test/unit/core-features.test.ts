/** The core's features any kind may use: claiming a pooled task (接单), taking a step over, coordination. Pure. */
import { describe, expect, it } from 'vitest';
import { claimableTasks, claimBy, claimEvent, claimRefusal } from '../../workflows/shared/core-features/claim';
import { checkOpenCoordination, completeCoordination, openCoordination, type CoordinationState } from '../../workflows/shared/core-features/coordination';
import { assigneeAfterTakeOver, takeOverBy, takeOverEvent } from '../../workflows/shared/core-features/take-over';
import { afterReassignments, reassignmentsFor, reassignRefusal, tasksToMove, type ReassignCommand } from '../../workflows/shared/core-features/reassignment';
import type { OpenTaskView } from '../../workflows/shared/case-view';
import type { Actor } from '../../workflows/shared/roles';

const task = (over: Partial<OpenTaskView> = {}): OpenTaskView => ({
  taskId: 'wf/mentor/1', kind: 'mentor', title: '协商指导', role: 'negotiation_mentor', unitId: 'd-yongkang', department: null,
  dueAt: '2026-12-10T00:00:00.000Z', escalations: 0, ...over,
});
const mentor = (userId: number, unitId = 'd-yongkang'): Actor => ({ role: 'negotiation_mentor', name: `导师${userId}`, userId, unitId });

describe('claiming a pooled task', () => {
  it('offers a pooled task to every holder of its role in its unit, and to nobody else', () => {
    const tasks = [task(), task({ taskId: 'wf/other/2', role: 'legal_aid_lawyer' })];
    expect(claimableTasks(tasks, mentor(7)).map((t) => t.taskId)).toEqual(['wf/mentor/1']);
    expect(claimableTasks(tasks, mentor(8, 'd-other'))).toEqual([]);
    expect(claimRefusal(tasks, 'wf/mentor/1', mentor(8, 'd-other'))).toBe('只有该任务所属单位的同岗位人员可以接单');
    expect(claimRefusal(tasks, 'wf/nothing/9', mentor(7))).toBe('该任务不存在或已办结');
  });

  it('makes the one who claimed it its assignee by name: a second claim is refused', () => {
    const claim = claimBy(mentor(7), 'wf/mentor/1');
    expect(claim).toMatchObject({ userId: 7, role: 'negotiation_mentor', unitId: 'd-yongkang' });
    expect(claimEvent(claim, '协商指导').summary).toBe('导师7接单办理“协商指导”');
    const claimed = [task({ userId: 7 })];
    expect(claimRefusal(claimed, 'wf/mentor/1', mentor(8))).toBe('该任务已由他人接单办理');
    expect(claimableTasks(claimed, mentor(8))).toEqual([]);
  });
});

describe('taking a step over', () => {
  it('names the one who took it as the assignee while that step lasts, then the usual assignee again', () => {
    const chair: Actor = { role: 'street_chair', name: '李主席', userId: 3, unitId: 's-beishan' };
    const t = takeOverBy(chair, 'contact');
    const usual = () => ({ role: 'street_caseworker' as const, unitId: 's-beishan', department: null });
    expect(assigneeAfterTakeOver(t, 'contact', usual)).toEqual({ role: 'street_chair', unitId: 's-beishan', department: null, userId: 3 });
    expect(assigneeAfterTakeOver(t, 'verify', usual)).toEqual(usual());
    expect(takeOverEvent(t, '联系职工', '承办人休假').summary).toBe('街道工会主席李主席接手办理“联系职工”。理由：承办人休假');
  });
});

describe('coordination with partner departments', () => {
  it('asks a department once until it has answered', () => {
    const s: CoordinationState = { coordination: [], openCoordination: [] };
    openCoordination(s, { department: '人社局', note: '协查社保' }, 't1');
    expect(() => checkOpenCoordination(s, { department: '人社局', note: '再问一次' })).toThrow('已向人社局发起协调，尚未办结，请勿重复发起');
    expect(() => checkOpenCoordination(s, { department: '外星局', note: '?' })).toThrow('请选择协作部门');
    expect(completeCoordination(s, { taskId: 't1', note: '已补缴' }).summary).toBe('人社局协调结果：已补缴');
    expect(s.openCoordination).toEqual([]);
    expect(() => checkOpenCoordination(s, { department: '人社局', note: '新的事项' })).not.toThrow();
  });
});

describe('reassigning open tasks', () => {
  const units = { districtId: 'd-yongkang', streetId: 's-1' };
  const cmd = (to: number, fromUserId?: number): ReassignCommand => ({
    actor: { role: 'district_staff', name: '区权保部', userId: 1, unitId: 'd-yongkang' }, reason: '休假',
    to: { userId: to, name: `导师${to}`, role: 'negotiation_mentor', unitId: 'd-yongkang' }, ...(fromUserId ? { fromUserId } : {}),
  });

  it('moves the pooled and the named tasks of the role and unit, not another unit\'s nor the new holder\'s own', () => {
    const tasks = [task(), task({ taskId: 'b', userId: 7 }), task({ taskId: 'c', unitId: 'd-other' }), task({ taskId: 'd', userId: 8 })];
    expect(tasksToMove(tasks, cmd(8)).map((t) => t.taskId)).toEqual(['wf/mentor/1', 'b']);
    expect(tasksToMove(tasks, cmd(9, 8)).map((t) => t.taskId)).toEqual(['wf/mentor/1', 'd']);
  });

  it('gives later steps to the new holder in order (A to B, then B to C is C\'s) and leaves a take-over alone', () => {
    const first = reassignmentsFor([task()], cmd(8));
    const list = [...first, ...reassignmentsFor([task({ userId: 8 })], cmd(9))];
    const usual = { role: 'negotiation_mentor' as const, unitId: 'd-yongkang', department: null };
    expect(afterReassignments(first, usual)).toMatchObject({ userId: 8 });
    expect(afterReassignments(list, usual)).toMatchObject({ userId: 9 });
    expect(afterReassignments(list, { role: 'district_staff', unitId: 'd-yongkang', department: null, userId: 1 })).toMatchObject({ userId: 1 });
    expect(afterReassignments([], usual)).toBe(usual);
  });

  it('lets a street chair move only their own street\'s caseworkers', () => {
    const chair = { role: 'street_chair' as const, name: '主席', userId: 2, unitId: 's-1' };
    const toCaseworker = { userId: 5, name: '社工', role: 'street_caseworker' as const, unitId: 's-1' };
    expect(reassignRefusal({ actor: chair, to: toCaseworker, reason: 'x' }, units)).toBeNull();
    expect(reassignRefusal({ actor: { ...chair, unitId: 's-2' }, to: toCaseworker, reason: 'x' }, units)).toMatch(/只有本区/);
    expect(reassignRefusal({ actor: chair, to: { ...toCaseworker, role: 'union_mediator' }, reason: 'x' }, units)).toMatch(/街道工会主席只能/);
    expect(reassignRefusal({ actor: { role: 'street_caseworker', name: '社工', userId: 3, unitId: 's-1' }, to: toCaseworker, reason: 'x' }, units)).toMatch(/只有本区/);
  });
});
