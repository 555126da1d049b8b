import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { renderDocument } from '../../activities/documents/render-document';
import { workflowCode } from '../../worker';
import { caseActUpdate, caseViewQuery } from '../../workflows/shared/definitions';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import type { MediationView } from '../../workflows/kinds/mediation/model';
import { arbitrationClerk, courtClerk, mediationInput, mediator } from '../helpers/mediation-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const MINUTE = 60_000;
const DAY = 86_400_000;
const taskQueue = 'mediation-enforcement';
const ctx = useRecordingWorker(taskQueue);
const dayAfter = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** A case of three workers agreed on 1,000 yuan each, paid in one sum 30 days from today, every party confirmed. */
async function agreed() {
  const input = mediationInput({ appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString() });
  const handle = await ctx.env.client.workflow.start('mediationArbitration', { taskQueue, workflowId: `mediation-${input.caseNo}`, args: [input] });
  await eventually(() => ctx.rec.eventsOf(input.caseNo).some((e) => e.type === 'task_opened'));
  const act = (action: string, actor: object, payload: object) =>
    handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<MediationView>;
  const view = () => handle.query(caseViewQuery) as Promise<MediationView>;
  const due = dayAfter(shanghaiDate(await ctx.env.currentTimeMs()), 30);
  await act('draftAgreement', mediator, {
    terms: input.intake.workers.map((w) => ({ partyNo: w.partyNo, amountFen: 100_000 })), totalFen: 300_000, paymentMethod: '银行转账',
    payment: { kind: 'lump-sum', dueDate: due },
  });
  for (const p of [1, 2, 3, 4]) await act('confirmAgreement', { role: p === 1 ? 'employer' : 'worker', name: `p${p}` }, { partyNo: p, version: 1 });
  await eventually(async () => (await view()).stage === 'submitting');
  /** past the due day and the grace after it */
  const missAndWait = async () => {
    await ctx.env.sleep(Date.parse(`${due}T23:59:59.999+08:00`) - (await ctx.env.currentTimeMs()) + MINUTE);
    await eventually(async () => (await view()).installments[0].status === 'missed');
    await ctx.env.sleep(input.policy.installmentGrace + MINUTE);
  };
  return { input, handle, act, view, due, missAndWait };
}

const documentOf = (caseNo: string, kind: string) =>
  eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === caseNo && d.req.kind === kind));

const replays = async (handle: WorkflowHandle) =>
  Worker.runReplayHistory({ ...(await workflowCode()), dataConverter: gongqingDataConverter() }, await handle.fetchHistory(), handle.workflowId);

describe('mediation: enforcement and payment orders (time skipping)', () => {
  it('applies for enforcement at the court where the property is, listing the two leads the mediator recorded', async () => {
    const { input, handle, act, view, missAndWait } = await agreed();
    await act('submitForReview', mediator, {});
    await eventually(async () => (await view()).stage === 'review');
    await act('acceptReview', arbitrationClerk, {});
    await act('confirmReview', arbitrationClerk, { decisionNo: '测劳人仲调字〔2026〕第5号', effectiveOn: shanghaiDate(await ctx.env.currentTimeMs()) });
    await eventually(async () => (await view()).stage === 'performing');

    await expect(act('chooseEnforcementCourt', mediator, { basis: 'property', courtUnitId: 'i-court-2' }))
      .rejects.toMatchObject({ cause: { type: 'ActionNotAllowed', message: '请先登记财产线索，再选择向财产所在地法院申请执行' } });
    await expect(act('recordPropertyLead', mediator, { kind: 'yacht', detail: '游艇一艘' })).rejects.toMatchObject({ cause: { type: 'InvalidPayload', message: '请选择财产线索的类别' } });
    await act('recordPropertyLead', mediator, { kind: 'bank_account', detail: '中国银行某支行 账号6216 **** 1234' });
    await act('recordPropertyLead', mediator, { kind: 'real_estate', detail: '厂房一处', location: '测试市另区工业路8号' });
    await expect(act('chooseEnforcementCourt', mediator, { basis: 'property' })).rejects.toMatchObject({ cause: { type: 'InvalidPayload', message: '请填写财产所在地的人民法院' } });
    const chosen = await act('chooseEnforcementCourt', mediator, { basis: 'property', courtUnitId: 'i-court-2', reason: '厂房在另区' });
    expect(chosen.enforcementCourt).toMatchObject({ basis: 'property', unitId: 'i-court-2' });
    expect(chosen.propertyLeads).toHaveLength(2);

    await missAndWait();
    const application = await documentOf(input.caseNo, 'enforcement-application');
    expect(application.req.data).toMatchObject({
      court: '测试市另区人民法院', courtBasis: '被执行的财产所在地人民法院',
      propertyLeads: [{ kind: '银行账户', location: null }, { kind: '不动产', detail: '厂房一处', location: '测试市另区工业路8号' }],
    });
    const markup = (await renderDocument('enforcement-application', input.caseNo, application.req.data as never)).markup;
    expect(markup).toContain('被执行人的财产线索');
    expect(markup).toContain('不动产：厂房一处（所在地：测试市另区工业路8号）');
    // it goes to that court's inbox: the district's court cannot receive it, the other court's clerk does
    const sent = await eventually(async () => (await view()).documents.find((d) => d.kind === 'enforcement-application'));
    expect(sent.addressedTo).toBe('i-court-2');
    await expect(act('confirmReceipt', courtClerk, { documentId: sent.id })).rejects.toMatchObject({ cause: { type: 'RoleNotPermitted' } });
    await act('confirmReceipt', { ...courtClerk, name: '另区法院书记员', unitId: 'i-court-2' }, { documentId: sent.id });
    expect(await handle.result()).toMatchObject({ outcome: 'enforcement', paidFen: 0 });
    await replays(handle);
  });

  it('follows an agreement performed without review to a payment order (Art. 16), and on to arbitration when the employer objects (Art. 15)', async () => {
    const { input, handle, act, view, due, missAndWait } = await agreed();
    await expect(act('performWithoutReview', mediator, { reason: '双方同意直接履行' }))
      .rejects.toMatchObject({ cause: { type: 'InvalidPayload', message: expect.stringContaining('拖欠劳动报酬') } });
    await act('performWithoutReview', mediator, { reason: '双方同意直接履行，不申请仲裁审查', paymentClaim: true });
    const performing = await eventually(async () => { const v = await view(); return v.stage === 'performing' && v; });
    expect(performing.review).toBeNull();
    expect(performing.documents).toEqual([]);
    // no 调解书, so no enforcement: the court is not chosen for this agreement
    await expect(act('chooseEnforcementCourt', mediator, { basis: 'registered' })).rejects.toMatchObject({ cause: { message: expect.stringContaining('支付令') } });

    await missAndWait();
    const application = await documentOf(input.caseNo, 'payment-order-application');
    expect(application.req.data).toMatchObject({ court: '测试区人民法院', missed: { dueDate: due, paidFen: 0 } });
    const markup = (await renderDocument('payment-order-application' as never, input.caseNo, application.req.data as never)).markup;
    expect(markup).toContain('支付令申请书');
    expect(markup).toContain('第十六条');
    expect(markup).toContain('3,000.00');
    await eventually(async () => (await view()).stage === 'payment_order');
    await eventually(async () => (await view()).openTasks.some((t) => t.kind === 'paymentOrder' && t.role === 'court_clerk'));

    await expect(act('recordPaymentOrder', arbitrationClerk, { result: 'objected' })).rejects.toMatchObject({ cause: { type: 'RoleNotPermitted' } });
    await expect(act('recordPaymentOrder', courtClerk, { result: 'issued' })).rejects.toMatchObject({ cause: { type: 'InvalidPayload', message: '请填写支付令文号' } });
    await act('recordPaymentOrder', courtClerk, { result: 'objected', note: '被申请人提出书面异议' });
    const letter = await documentOf(input.caseNo, 'transfer-letter');
    expect(letter.req.data).toMatchObject({ ground: 'not_performed', reasons: [expect.stringContaining('第十五条')] });
    expect(JSON.stringify(letter.req.data)).toContain('用人单位提出书面异议');
    const letterText = (await renderDocument('transfer-letter', input.caseNo, letter.req.data as never)).markup;
    expect(letterText).toContain('达成调解协议，未申请仲裁审查确认，被申请人未按约定履行');
    expect(letterText).not.toContain('第十四条');
    await eventually(async () => (await view()).stage === 'transferring');
    await replays(handle);
  });

  it('closes an agreement performed without review once the court issued the payment order; an institution that is no court is not addressed', async () => {
    const { input, handle, act, view, missAndWait } = await agreed();
    await act('performWithoutReview', mediator, { reason: '双方同意直接履行', paymentClaim: true });
    await eventually(async () => (await view()).stage === 'performing');
    await missAndWait();
    await eventually(async () => (await view()).stage === 'payment_order');
    await act('recordPaymentOrder', courtClerk, { result: 'issued', orderNo: '（2026）测0101民督1号' });
    expect(await handle.result()).toMatchObject({ outcome: 'payment_order', paidFen: 0 });
    expect(ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'closed')?.summary).toContain('（2026）测0101民督1号');
    expect([...ctx.rec.documents.values()].filter((d) => d.req.caseNo === input.caseNo && d.req.kind === 'transfer-letter')).toEqual([]);
    await replays(handle);

    // the mediator named the HR bureau as the court where the property is: the application goes to the district's court
    const other = await agreed();
    await other.act('submitForReview', mediator, {});
    await eventually(async () => (await other.view()).stage === 'review');
    await other.act('acceptReview', arbitrationClerk, {});
    await other.act('confirmReview', arbitrationClerk, { decisionNo: '测劳人仲调字〔2026〕第6号', effectiveOn: shanghaiDate(await ctx.env.currentTimeMs()) });
    await eventually(async () => (await other.view()).stage === 'performing');
    await other.act('recordPropertyLead', mediator, { kind: 'vehicle', detail: '闽D·12345 轿车' });
    await other.act('chooseEnforcementCourt', mediator, { basis: 'property', courtUnitId: 'i-hr' });
    await other.missAndWait();
    const application = await documentOf(other.input.caseNo, 'enforcement-application');
    expect(application.req.data).toMatchObject({ court: '测试区人民法院', courtBasis: '被执行人住所地人民法院', propertyLeads: [{ kind: '车辆' }] });
    expect(ctx.rec.eventsOf(other.input.caseNo).find((e) => e.type === 'enforcement_court_fallback')?.summary).toContain('测试区人力资源和社会保障局）不是人民法院');
    expect((await eventually(async () => (await other.view()).documents.find((d) => d.kind === 'enforcement-application'))).addressedTo).toBe('i-court');
  });
});
