import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { ActionCommand } from '../../workflows/shared/grievance-model';
import { allowedActions, assertCommandAllowed, type RuleState } from '../../workflows/shared/grievance-rules';

const state = (over: Partial<RuleState> = {}): RuleState => ({ stage: 'contact', level: 'street', openCoordination: [], ...over });
const caseworker = { role: 'street_caseworker' as const, name: '社工' };

function failureOf(cmd: unknown, s: RuleState): ApplicationFailure {
  try {
    assertCommandAllowed(cmd as ActionCommand, s);
  } catch (err) {
    return err as ApplicationFailure;
  }
  throw new Error('expected the command to be refused');
}

describe('grievance rules', () => {
  it('offers the caseworker the step of the stage plus hand-up, coordination and withdrawal', () => {
    expect(allowedActions(state(), 'street_caseworker')).toEqual(['contactComplainant', 'handUp', 'openCoordination', 'withdraw']);
    expect(allowedActions(state({ stage: 'rating' }), 'worker')).toEqual(['rate']);
    expect(allowedActions(state({ stage: 'closed' }), 'street_caseworker')).toEqual([]);
  });

  it('moves the work to district staff after hand-up', () => {
    const up = state({ level: 'district' });
    expect(allowedActions(up, 'street_caseworker')).toEqual([]);
    expect(allowedActions(up, 'district_staff')).toContain('contactComplainant');
    expect(allowedActions(up, 'district_staff')).not.toContain('handUp');
  });

  it('refuses an action of another stage with a typed zh-CN error', () => {
    const f = failureOf({ action: 'recordFollowUp', actor: caseworker, payload: { note: 'x' } }, state());
    expect(f.type).toBe('ActionNotAllowed');
    expect(f.message).toBe('当前环节为“联系职工”，不能执行“已回访”');
  });

  it('refuses a role without rights', () => {
    const f = failureOf({ action: 'contactComplainant', actor: { role: 'enterprise_chair', name: '主席' }, payload: { note: 'x' } }, state());
    expect(f.type).toBe('RoleNotPermitted');
    expect(f.message).toContain('企业工会主席无权');
  });

  it('checks payloads: empty notes, outcomes, money, scores', () => {
    expect(failureOf({ action: 'contactComplainant', actor: caseworker, payload: { note: '  ' } }, state()).message).toBe('请填写办理情况');
    const outcome = state({ stage: 'outcome' });
    expect(failureOf({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'withdrawn' } }, outcome).type).toBe('InvalidPayload');
    expect(failureOf({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'mediated', recoveredFen: -1 } }, outcome).message).toContain('追回金额');
    expect(failureOf({ action: 'recordOutcome', actor: caseworker, payload: { outcome: 'unfounded' } }, outcome).message).toContain('解释');
    const rating = state({ stage: 'rating' });
    for (const score of [0, 6, 2.5, '5']) {
      expect(failureOf({ action: 'rate', actor: { role: 'worker', name: '职工' }, payload: { score } }, rating).type).toBe('InvalidPayload');
    }
  });

  it('lets only the named department complete its coordination task', () => {
    const s = state({ openCoordination: [{ taskId: 't1', department: '人社局' }] });
    const other = { role: 'partner_department' as const, name: '执法局', department: '综合执法局' };
    expect(failureOf({ action: 'completeCoordination', actor: other, payload: { taskId: 't1', note: '已处理' } }, s).type).toBe('RoleNotPermitted');
    expect(() => assertCommandAllowed({ action: 'completeCoordination', actor: { ...other, department: '人社局' }, payload: { taskId: 't1', note: '已处理' } }, s)).not.toThrow();
    expect(failureOf({ action: 'completeCoordination', actor: caseworker, payload: { taskId: 'nope', note: 'x' } }, s).type).toBe('InvalidPayload');
  });

  it('refuses everything once closed, and unknown actions', () => {
    expect(failureOf({ action: 'withdraw', actor: caseworker, payload: { reason: 'x' } }, state({ stage: 'closed' })).type).toBe('CaseClosed');
    expect(failureOf({ action: 'explode', actor: caseworker, payload: {} }, state()).type).toBe('ActionNotAllowed');
  });
});
