import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { kindOfCaseNo, workflowIdOf } from '../../workflows/kinds';
import type { MediationCommand, MediationView } from '../../workflows/kinds/mediation/model';
import { allowedMediationActions, assertMediationCommandAllowed } from '../../workflows/kinds/mediation/rules';
import { applyMediationCommand, initialMediationState } from '../../workflows/kinds/mediation/state';
import { arbitrationClerk, courtClerk, mediationInput, mediator, otherClerk } from '../helpers/mediation-fixtures';

const asOf = '2026-11-25T02:00:00.000Z';

function stateOf(workers = 3) {
  const input = mediationInput({ workers });
  const s = initialMediationState(input);
  const view = (): MediationView => ({
    kind: 'mediation', caseNo: input.caseNo, stage: s.stage, status: 'open', source: 'walk_in', parentCaseNo: null, outcome: null,
    appliedAt: asOf, mediationDeadline: null, employer: s.employer, workers: s.workers, representatives: s.representatives ?? null, codeResends: s.codeResends ?? {}, sessions: s.sessions, agreement: s.agreement,
    review: s.review, reviewRejection: null, installments: s.installments, documents: s.documents, openTasks: [], districtId: 'd-1',
    streetId: 's-1', asOf, places: { stationUnitId: 'i-station', arbitrationUnitId: 'i-arbitration', courtUnitId: 'i-court' },
  });
  const run = (cmd: MediationCommand) => {
    assertMediationCommandAllowed(cmd, view());
    return applyMediationCommand(s, cmd, asOf);
  };
  return { s, view, run };
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return { type: (err as ApplicationFailure).type, message: (err as Error).message };
  }
  throw new Error('expected a refusal');
};

const draft = (over: Record<string, unknown> = {}) => ({
  action: 'draftAgreement', actor: mediator,
  payload: {
    terms: [{ partyNo: 2, amountFen: 100_000 }, { partyNo: 3, amountFen: 200_000 }, { partyNo: 4, amountFen: 300_000 }],
    totalFen: 600_000, paymentMethod: '银行转账', payment: { kind: 'installments', installments: [{ dueDate: '2026-12-10', amountFen: 300_000 }, { dueDate: '2027-01-10', amountFen: 300_000 }] },
    ...over,
  },
}) as MediationCommand;

describe('mediation rules', () => {
  it('tells the kind from the case number', () => {
    expect(kindOfCaseNo('MA0123456789')?.kind).toBe('mediation');
    expect(kindOfCaseNo('GQ0123456789')?.kind).toBe('grievance');
    expect(workflowIdOf('MA0123456789')).toBe('mediation-MA0123456789');
    expect(workflowIdOf('GQ0123456789')).toBe('grievance-GQ0123456789');
  });

  it('refuses amounts that do not add up, dates in the past or out of order, and a worker not in the case', () => {
    const { run, s } = stateOf();
    expect(refusal(() => run(draft({ totalFen: 600_100 }))).message).toContain('与调解总金额6,001.00元不符');
    expect(refusal(() => run(draft({ payment: { kind: 'lump-sum', dueDate: '2026-11-24' } }))).message).toBe('支付日期（2026-11-24）须不早于今天（2026-11-25）');
    expect(refusal(() => run(draft({ payment: { kind: 'installments', installments: [{ dueDate: '2026-11-25', amountFen: 300_000 }, { dueDate: '2027-01-10', amountFen: 300_000 }] } }))).message).toContain('须晚于今天');
    expect(refusal(() => run(draft({ payment: { kind: 'installments', installments: [{ dueDate: '2027-01-10', amountFen: 300_000 }, { dueDate: '2026-12-10', amountFen: 300_000 }] } }))).message).toContain('须晚于第1期');
    expect(refusal(() => run(draft({ payment: { kind: 'installments', installments: [{ dueDate: '2026-12-10', amountFen: 300_000 }, { dueDate: '2027-01-10', amountFen: 200_000 }] } }))).message).toContain('各期金额合计');
    expect(refusal(() => run(draft({ terms: [{ partyNo: 2, amountFen: 100_000 }, { partyNo: 3, amountFen: 200_000 }, { partyNo: 9, amountFen: 300_000 }] }))).message).toContain('不是本案的职工');
    expect(refusal(() => run(draft({ terms: [{ partyNo: 2, amountFen: 300_000 }, { partyNo: 3, amountFen: 300_000 }] }))).message).toContain('还有1位职工未填写金额');
    expect(refusal(() => run(draft({ payment: { kind: 'lump-sum', dueDate: '2026-02-30' } }))).message).toContain('不是有效的日期');
    expect(s.agreement).toBeNull();
    expect(s.stage).toBe('mediating');
  });

  it('accepts a lump sum paid at the station on the day the agreement is drafted (Asia/Shanghai)', () => {
    const { run, s } = stateOf();
    // asOf is 10:00 on 2026-11-25 in Shanghai: the employer pays the whole sum there and then
    run(draft({ payment: { kind: 'lump-sum', dueDate: '2026-11-25' } }));
    expect(s.agreement?.payment).toEqual({ kind: 'lump-sum', dueDate: '2026-11-25' });
  });

  it('refuses impossible and far-off dates, invisible characters and ID numbers that cannot exist, as zh-CN 400s', () => {
    const { run, s } = stateOf();
    for (const dueDate of ['2026-13-01', '2026-00-10', '2026-12-32', '9999-99-99']) {
      expect(refusal(() => run(draft({ payment: { kind: 'lump-sum', dueDate } })))).toMatchObject({ type: 'InvalidPayload', message: expect.stringContaining('不是有效的日期') });
    }
    expect(refusal(() => run(draft({ payment: { kind: 'lump-sum', dueDate: '2099-01-01' } }))).message).toContain('5年内');
    expect(refusal(() => run(draft({ paymentMethod: '\u200b' }))).message).toContain('无法显示的字符');
    expect(refusal(() => run(draft({ paymentMethod: '银行\u202e转账' }))).message).toContain('无法显示的字符');
    const bad = (idNumber: string) => refusal(() => run({ action: 'setWorkers', actor: mediator, payload: { workers: [{ name: '陈建国', phone: '13805920001', idNumber, claimedFen: 1 }] } })).message;
    expect(bad('350203209099991234')).toContain('身份证号码不正确');
    expect(bad('350203198001011230')).toContain('身份证号码不正确');
    expect(s.agreement).toBeNull();
    s.stage = 'review';
    expect(refusal(() => run({ action: 'confirmReview', actor: arbitrationClerk, payload: { decisionNo: '第1号', effectiveOn: '2026-13-01' } })).message).toContain('不是有效的日期');
  });

  it('lets only the station mediator draft, only parties confirm, only the addressed institute review', () => {
    const { run, view, s } = stateOf();
    expect(refusal(() => run({ ...draft(), actor: arbitrationClerk } as MediationCommand)).type).toBe('RoleNotPermitted');
    run(draft());
    expect(s.stage).toBe('confirming');
    expect(refusal(() => run({ action: 'confirmAgreement', actor: mediator, payload: { partyNo: 2, version: 1 } })).type).toBe('RoleNotPermitted');
    expect(refusal(() => run({ action: 'confirmAgreement', actor: { role: 'worker', name: '工人1' }, payload: { partyNo: 2, version: 2 } })).message).toContain('最新短信');
    expect(refusal(() => run({ action: 'confirmAgreement', actor: { role: 'worker', name: 'x' }, payload: { partyNo: 1, version: 1 } })).message).toBe('确认码与当事人不符');
    for (const p of [1, 2, 3, 4]) run({ action: 'confirmAgreement', actor: { role: p === 1 ? 'employer' : 'worker', name: `p${p}` }, payload: { partyNo: p, version: 1 } });
    expect(s.agreement?.signedAt).toBe(asOf);
    s.stage = 'review';
    expect(allowedMediationActions(view(), arbitrationClerk)).toEqual(expect.arrayContaining(['confirmReview', 'rejectReview']));
    expect(allowedMediationActions(view(), otherClerk)).toEqual([]);
    expect(refusal(() => run({ action: 'confirmReview', actor: otherClerk, payload: { decisionNo: 'x', effectiveOn: '2026-11-25' } })).type).toBe('RoleNotPermitted');
    expect(refusal(() => run({ action: 'confirmReview', actor: courtClerk, payload: { decisionNo: 'x', effectiveOn: '2026-11-25' } })).type).toBe('RoleNotPermitted');
    expect(refusal(() => run({ action: 'confirmReview', actor: arbitrationClerk, payload: { decisionNo: '第1号', effectiveOn: '2026-11-30' } })).message).toContain('不能晚于今天');
    run({ action: 'confirmReview', actor: arbitrationClerk, payload: { decisionNo: '第1号', effectiveOn: '2026-11-25' } });
    expect(s.review).toMatchObject({ number: '第1号', confirmedBy: arbitrationClerk.name });
  });

  it('lets the station mediator text a code again only while that party has not confirmed the current draft', () => {
    const { run, view, s } = stateOf();
    expect(refusal(() => run({ action: 'resendCode', actor: mediator, payload: { partyNo: 2 } })).type).toBe('ActionNotAllowed');
    run(draft());
    expect(allowedMediationActions(view(), mediator)).toContain('resendCode');
    expect(refusal(() => run({ action: 'resendCode', actor: arbitrationClerk, payload: { partyNo: 2 } })).type).toBe('RoleNotPermitted');
    expect(refusal(() => run({ action: 'resendCode', actor: mediator, payload: { partyNo: 9 } })).message).toBe('该当事人不在本案中');
    run({ action: 'confirmAgreement', actor: { role: 'worker', name: 'p2' }, payload: { partyNo: 2, version: 1 } });
    expect(refusal(() => run({ action: 'resendCode', actor: mediator, payload: { partyNo: 2 } })).message).toContain('已确认调解协议，无需重新发送');
    const applied = run({ action: 'resendCode', actor: mediator, payload: { partyNo: 1 } });
    expect(applied).toMatchObject({ type: 'agreement_code_resent', data: { partyNo: 1, version: 1 } });
    expect(applied.summary).toContain(`用人单位${s.employer.name}`);
    run({ action: 'resendCode', actor: mediator, payload: { partyNo: 1 } });
    run({ action: 'resendCode', actor: mediator, payload: { partyNo: 1 } });
    expect(refusal(() => run({ action: 'resendCode', actor: mediator, payload: { partyNo: 1 } })).message).toContain('已为');
    run({ action: 'resendCode', actor: mediator, payload: { partyNo: 3 } });
    expect(s.agreement?.confirmedBy).toEqual([2]);
  });

  it('records three to five representatives of ten or more workers, if they elect any (劳动争议调解仲裁法 Art. 7: they may)', () => {
    const { run, view, s } = stateOf(12);
    const elect = (partyNos: unknown) => ({ action: 'electRepresentatives', actor: mediator, payload: { partyNos } }) as MediationCommand;
    expect(refusal(() => run(elect([2, 3]))).message).toBe('请选择3至5名职工代表');
    expect(refusal(() => run(elect([2, 3, 3]))).message).toBe('同一名职工不能重复登记为代表');
    expect(refusal(() => run(elect([1, 2, 3]))).message).toBe('当事人编号 1 不是本案的职工');
    expect(refusal(() => run({ ...elect([2, 3, 4]), actor: arbitrationClerk } as MediationCommand)).type).toBe('RoleNotPermitted');
    s.stage = 'submitting';
    const unelected = stateOf(12);
    unelected.s.stage = 'submitting';
    expect(unelected.run({ action: 'submitForReview', actor: mediator, payload: {} }).type).toBe('review_submitted');
    expect(unelected.s.representatives).toBeUndefined();
    const applied = run(elect([9, 2, 13]));
    expect(applied.type).toBe('representatives_elected');
    expect(view().representatives).toEqual([9, 2, 13]);
    run({ action: 'submitForReview', actor: mediator, payload: {} });
    const few = stateOf(9);
    expect(refusal(() => few.run(elect([2, 3, 4]))).type).toBe('ActionNotAllowed');
    expect(allowedMediationActions(few.view(), mediator)).not.toContain('electRepresentatives');
  });

  it('refuses a second draft that says what the pending one says, in whatever order the workers come', () => {
    const { run, s } = stateOf();
    run(draft());
    const same = draft({ terms: [{ partyNo: 4, amountFen: 300_000 }, { partyNo: 2, amountFen: 100_000 }, { partyNo: 3, amountFen: 200_000 }], paymentMethod: ' 银行转账' });
    expect(refusal(() => run(same))).toMatchObject({ type: 'ActionNotAllowed', message: expect.stringContaining('与待确认的调解协议（第1稿）内容相同') });
    // the same plan written with its keys in another order (a JSON client) is the same draft
    const reordered = draft({ payment: { installments: [{ amountFen: 300_000, dueDate: '2026-12-10' }, { amountFen: 300_000, dueDate: '2027-01-10' }], kind: 'installments' } });
    expect(refusal(() => run(reordered)).type).toBe('ActionNotAllowed');
    expect(s.agreement?.version).toBe(1);
    run(draft({ paymentMethod: '现金' }));
    expect(s.agreement?.version).toBe(2);
  });

  it('refuses a payment above what is owed and a receipt for a document sent elsewhere', () => {
    const { run, s } = stateOf();
    s.stage = 'performing';
    s.installments = [{ no: 1, dueDate: '2026-12-10', amountFen: 300_000, paidFen: 0, status: 'due' }];
    s.documents = [{ id: 7, kind: 'enforcement-application', title: '强制执行申请书', version: 1, sha256: 'x', addressedTo: 'i-court', received: false }];
    expect(refusal(() => run({ action: 'recordPayment', actor: mediator, payload: { installmentNo: 1, paidFen: 300_001 } })).message).toContain('超过第1期起尚欠');
    expect(refusal(() => run({ action: 'recordPayment', actor: mediator, payload: { installmentNo: 2, paidFen: 1 } })).message).toBe('没有这一期付款');
    expect(refusal(() => run({ action: 'confirmReceipt', actor: arbitrationClerk, payload: { documentId: 7 } })).type).toBe('RoleNotPermitted');
    run({ action: 'confirmReceipt', actor: courtClerk, payload: { documentId: 7 } });
    expect(s.documents[0]).toMatchObject({ received: true, receivedBy: courtClerk.name });
    run({ action: 'recordPayment', actor: mediator, payload: { installmentNo: 1, paidFen: 300_000 } });
    expect(s.installments[0].status).toBe('paid');
  });
});
