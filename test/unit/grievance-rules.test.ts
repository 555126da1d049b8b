import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { ActionCommand, OpenTaskView } from '../../workflows/kinds/grievance/model';
import { allowedActions, assertCommandAllowed, type RuleState } from '../../workflows/kinds/grievance/rules';

const task = (over: Partial<OpenTaskView> = {}): OpenTaskView => ({
  taskId: 't-main', kind: 'contact', title: '联系职工', role: 'street_caseworker', unitId: 's-1', department: null, dueAt: '2026-12-01T00:00:00Z', escalations: 0, ...over,
});
const state = (over: Partial<RuleState> = {}): RuleState => ({
  stage: 'contact', level: 'street', outcome: null, rating: null, enterpriseNotified: false, enterpriseNotice: 'pending', earlyNotice: true, completed: {},
  openTasks: [task()], openCoordination: [], districtId: 'd-1', streetId: 's-1', ...over,
});
const caseworker = { role: 'street_caseworker' as const, name: '社工', userId: 1, unitId: 's-1' };
const otherStreetCaseworker = { role: 'street_caseworker' as const, name: '别的社工', userId: 9, unitId: 's-2' };
const streetChair = { role: 'street_chair' as const, name: '街道主席', userId: 2, unitId: 's-1' };
const districtStaff = { role: 'district_staff' as const, name: '区权保部', userId: 3, unitId: 'd-1' };
const worker = { role: 'worker' as const, name: '职工' };

function failureOf(cmd: unknown, s: RuleState): ApplicationFailure {
  try {
    assertCommandAllowed(cmd as ActionCommand, s);
  } catch (err) {
    return err as ApplicationFailure;
  }
  throw new Error('expected the command to be refused');
}

describe('grievance rules', () => {
  it('offers the assignee the step of the stage plus hand-up, coordination, withdrawal and an early enterprise notice', () => {
    expect(allowedActions(state(), caseworker)).toEqual(['contactComplainant', 'handUp', 'openCoordination', 'withdraw', 'notifyEnterpriseNow']);
    expect(allowedActions(state({ stage: 'rating', openTasks: [] }), worker)).toEqual(['rate']);
    expect(allowedActions(state({ stage: 'closed' }), caseworker)).toEqual([]);
  });

  it('lets only the assignee act on a step: not another street, not a superior who has not taken it over', () => {
    expect(allowedActions(state(), otherStreetCaseworker)).toEqual([]);
    expect(allowedActions(state(), streetChair)).toEqual(['takeOver']);
    expect(allowedActions(state(), districtStaff)).toEqual(['takeOver']);
    const f = failureOf({ action: 'contactComplainant', actor: districtStaff, payload: { note: '已联系' } }, state());
    expect(f.type).toBe('RoleNotPermitted');
    expect(f.message).toContain('接手办理');
    expect(failureOf({ action: 'withdraw', actor: districtStaff, payload: { reason: '职工电话要求' } }, state()).type).toBe('RoleNotPermitted');
  });

  it('after a take-over only the person who took it over acts', () => {
    const taken = state({ openTasks: [task({ role: 'street_chair', userId: 2 })] });
    expect(allowedActions(taken, streetChair)).toContain('contactComplainant');
    expect(allowedActions(taken, { ...streetChair, userId: 22 })).toEqual([]);
    expect(allowedActions(taken, caseworker)).toEqual([]);
    expect(allowedActions(taken, districtStaff)).toEqual(['takeOver']);
    expect(failureOf({ action: 'takeOver', actor: districtStaff, payload: { reason: ' ' } }, taken).message).toBe('请填写理由');
  });

  it('moves the work to district staff after hand-up, and nobody above them takes it over', () => {
    const up = state({ level: 'district', openTasks: [task({ role: 'district_staff', unitId: 'd-1' })] });
    expect(allowedActions(up, caseworker)).toEqual([]);
    expect(allowedActions(up, districtStaff)).toContain('contactComplainant');
    expect(allowedActions(up, districtStaff)).not.toContain('handUp');
    expect(allowedActions(up, streetChair)).toEqual([]);
  });

  it('refuses an action of another stage with a typed zh-CN error', () => {
    const f = failureOf({ action: 'recordFollowUp', actor: caseworker, payload: { note: 'x' } }, state());
    expect(f.type).toBe('ActionNotAllowed');
    expect(f.message).toBe('当前环节为“联系职工”，不能执行“已回访”');
  });

  it('refuses a role without rights', () => {
    const f = failureOf({ action: 'contactComplainant', actor: { role: 'enterprise_chair', name: '主席', unitId: 'u-1' }, payload: { note: 'x' } }, state());
    expect(f.type).toBe('RoleNotPermitted');
  });

  it('refuses a second command for a step already done, and a withdrawal once an outcome is recorded', () => {
    const outcome = state({ stage: 'outcome', openTasks: [task({ kind: 'outcome' })] });
    const recorded = { ...outcome, completed: { outcome: true }, outcome: 'mediated' as const };
    expect(failureOf({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'court' } }, recorded).message).toBe('“登记处理结果”已办理，请勿重复提交');
    const w = failureOf({ action: 'withdraw', actor: worker, payload: { reason: '不想办了' } }, recorded);
    expect(w.type).toBe('ActionNotAllowed');
    expect(w.message).toBe('处理结果已登记为“调解成功”，不能再撤回');
  });

  it('verifies with the enterprise only after its chair was told, unless told early for a reason', () => {
    const verify = state({ stage: 'verify', openTasks: [task({ kind: 'verify' })] });
    expect(failureOf({ action: 'verifyWithEnterprise', actor: caseworker, payload: { note: '已核实' } }, verify).message).toContain('提前通知企业工会主席');
    expect(allowedActions(verify, caseworker)).toContain('notifyEnterpriseNow');
    // A case started before the early notice existed waits for the 12 hours: it is neither offered nor accepted.
    const old = { ...verify, earlyNotice: false };
    expect(allowedActions(old, caseworker)).not.toContain('notifyEnterpriseNow');
    expect(failureOf({ action: 'notifyEnterpriseNow', actor: caseworker, payload: { reason: '尽快' } }, old).message).toContain('不能提前通知');
    for (const notice of ['notified', 'no_chair'] as const) {
      expect(allowedActions({ ...verify, enterpriseNotice: notice }, caseworker)).toContain('verifyWithEnterprise');
      expect(allowedActions({ ...verify, enterpriseNotice: notice }, caseworker)).not.toContain('notifyEnterpriseNow');
    }
  });

  it('checks payloads: empty notes, outcomes, money, scores', () => {
    expect(failureOf({ action: 'contactComplainant', actor: caseworker, payload: { note: '  ' } }, state()).message).toBe('请填写办理情况');
    const outcome = state({ stage: 'outcome' });
    expect(failureOf({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'withdrawn' } }, outcome).type).toBe('InvalidPayload');
    expect(failureOf({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'mediated', recoveredFen: -1 } }, outcome).message).toContain('追回金额');
    expect(failureOf({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'unfounded' } }, outcome).message).toContain('解释');
    const rating = state({ stage: 'rating', openTasks: [] });
    for (const score of [0, 6, 2.5, '5']) {
      expect(failureOf({ action: 'rate', actor: worker, payload: { score } }, rating).type).toBe('InvalidPayload');
    }
    expect(failureOf({ action: 'rate', actor: worker, payload: { score: 4 } }, { ...rating, rating: 5 }).message).toBe('您已评价过本次办理');
  });

  it('asks a department once: a second request to a department with an open task is refused', () => {
    const s = state({ openCoordination: [{ taskId: 't1', department: '人社局' }] });
    const f = failureOf({ action: 'openCoordination', actor: caseworker, payload: { department: '人社局', note: '再请协查' } }, s);
    expect(f.type).toBe('ActionNotAllowed');
    expect(f.message).toContain('请勿重复发起');
    expect(() => assertCommandAllowed({ action: 'openCoordination', actor: caseworker, payload: { department: '税务局', note: '协查' } }, s)).not.toThrow();
  });

  it('lets only the named department (or the assignee) complete its coordination task', () => {
    const s = state({ openCoordination: [{ taskId: 't1', department: '人社局' }] });
    const other = { role: 'partner_department' as const, name: '执法局', department: '综合执法局', unitId: 'd-1' };
    expect(failureOf({ action: 'completeCoordination', actor: other, payload: { taskId: 't1', note: '已处理' } }, s).type).toBe('RoleNotPermitted');
    expect(() => assertCommandAllowed({ action: 'completeCoordination', actor: { ...other, department: '人社局' }, payload: { taskId: 't1', note: '已处理' } }, s)).not.toThrow();
    expect(failureOf({ action: 'completeCoordination', actor: caseworker, payload: { taskId: 'nope', note: 'x' } }, s).type).toBe('InvalidPayload');
    expect(failureOf({ action: 'completeCoordination', actor: otherStreetCaseworker, payload: { taskId: 't1', note: 'x' } }, s).type).toBe('RoleNotPermitted');
  });

  it('refuses everything once closed, and unknown actions', () => {
    expect(failureOf({ action: 'withdraw', actor: caseworker, payload: { reason: 'x' } }, state({ stage: 'closed' })).type).toBe('CaseClosed');
    expect(failureOf({ action: 'explode', actor: caseworker, payload: {} }, state()).type).toBe('ActionNotAllowed');
    expect(failureOf({ action: 'toString', actor: caseworker, payload: {} }, state()).type).toBe('ActionNotAllowed');
  });
});
