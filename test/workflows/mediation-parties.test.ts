/**
 * Issue 21, "one worker must not hold 42 hostage", time skipped: 42 of 43 workers and the employer confirm, the 43rd
 * is split off to a case of their own that goes on to arbitration, and the agreement then covers the 42; both sides
 * extend the mediation past the 15 days by consent, and the case transfers only when the extension runs out; the
 * review application's 15 days from the agreement (Art. 74) warned of, then missed.
 */
import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { workflowCode } from '../../worker';
import { caseActUpdate, caseViewQuery } from '../../workflows/shared/definitions';
import { shanghaiDate, statutoryDeadline } from '../../workflows/shared/deadlines';
import { chinaHolidayCalendar } from '../../workflows/shared/holiday-calendar';
import type { MediationView } from '../../workflows/kinds/mediation/model';
import { arbitrationClerk, mediationInput, mediator } from '../helpers/mediation-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const MINUTE = 60_000;
const DAY = 86_400_000;
const taskQueue = 'mediation-parties';
const ctx = useRecordingWorker(taskQueue);

async function start(workers = 3) {
  const input = mediationInput({ appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString(), workers });
  const handle = await ctx.env.client.workflow.start('mediationArbitration', { taskQueue, workflowId: `mediation-${input.caseNo}`, args: [input] });
  await eventually(() => ctx.rec.eventsOf(input.caseNo).some((e) => e.type === 'task_opened'));
  const act = (action: string, actor: object, payload: object) =>
    handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<MediationView>;
  return { input, handle, act, view: () => handle.query(caseViewQuery) as Promise<MediationView> };
}

const replays = async (handle: WorkflowHandle) =>
  Worker.runReplayHistory({ ...(await workflowCode()), dataConverter: gongqingDataConverter() }, await handle.fetchHistory(), handle.workflowId);
const refusedWith = (message: string | RegExp) => ({ cause: { message: typeof message === 'string' ? message : expect.stringMatching(message) } });
const docOf = (caseNo: string, kind: string) => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === caseNo && d.req.kind === kind);
const dayAfter = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

describe('mediation parties (time skipping)', () => {
  it('splits off the one worker who will not agree: the 42 and the employer reach agreement, the one goes on to arbitration', async () => {
    const { input, handle, act, view } = await start(43);
    const ws = input.intake.workers;
    const holdout = ws[42];
    const today = shanghaiDate(await ctx.env.currentTimeMs());
    await act('draftAgreement', mediator, {
      terms: ws.map((w) => ({ partyNo: w.partyNo, amountFen: 100_000 })), totalFen: 4_300_000, paymentMethod: '银行转账',
      payment: { kind: 'installments', installments: [{ dueDate: dayAfter(today, 30), amountFen: 2_200_000 }, { dueDate: dayAfter(today, 60), amountFen: 2_100_000 }] },
    });
    await act('confirmAgreement', { role: 'employer', name: '王总' }, { partyNo: 1, version: 1 });
    await Promise.all(ws.slice(0, 42).map((w) => act('confirmAgreement', { role: 'worker', name: w.name }, { partyNo: w.partyNo, version: 1 })));
    expect((await view()).stage).toBe('confirming');

    // Bad input is refused in zh-CN and changes nothing.
    await expect(act('splitOffWorker', mediator, { partyNo: 99, reason: '不同意', next: 'arbitration' })).rejects.toMatchObject(refusedWith(/不是本案现有的职工/));
    await expect(act('splitOffWorker', mediator, { partyNo: holdout.partyNo, reason: '不同意', next: 'court' })).rejects.toMatchObject(refusedWith('请选择分案后单独调解或转入仲裁'));
    await expect(act('withdrawWorker', mediator, { partyNo: holdout.partyNo, reason: '已付', settled: true })).rejects.toMatchObject(refusedWith(/已收到的金额/));

    const after = await act('splitOffWorker', mediator, { partyNo: holdout.partyNo, reason: '不同意调解方案，要求申请仲裁', next: 'arbitration' });
    // The agreement now covers the 42: their shares, the total less the holdout's (taken off the last installment), signed.
    expect(after.stage).toBe('submitting');
    expect(after.workers).toHaveLength(42);
    expect(after.agreement).toMatchObject({ totalFen: 4_200_000, signedAt: expect.any(String) });
    expect(after.agreement!.terms).toHaveLength(42);
    expect(after.agreement!.payment).toMatchObject({ installments: [{ amountFen: 2_200_000 }, { amountFen: 2_000_000 }] });
    const split = ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'worker_split_off')!;
    const newCaseNo = split.data.newCaseNo as string;
    expect(split.data).toMatchObject({ partyNo: holdout.partyNo, newCaseNo: expect.stringMatching(/^MA[0-9A-F]{10}$/) });
    expect(after.departed).toMatchObject([{ partyNo: holdout.partyNo, way: 'split_off', newCaseNo }]);

    // The new case is the holdout's alone, linked to this one, and transfers at once with the reason given.
    const letter = await eventually(() => docOf(newCaseNo, 'transfer-letter'));
    expect(letter.req.data).toMatchObject({ reasons: [expect.stringContaining(`自调解案件${input.caseNo}分案`)] });
    expect(ctx.rec.cases.get(newCaseNo)).toMatchObject({ workerCount: 1, complainantName: holdout.name });
    expect(ctx.rec.eventsOf(newCaseNo).find((e) => e.type === 'mediation_applied')!.data).toMatchObject({ parentCaseNo: input.caseNo });

    // The review documents count the 42 only.
    await act('submitForReview', mediator, {});
    const review = await eventually(() => docOf(input.caseNo, 'review-application'));
    expect((review.req.data as { workers: unknown[] }).workers).toHaveLength(42);
    expect(ctx.rec.cases.get(input.caseNo)).toMatchObject({ workerCount: 42, claimedFen: 42 * 8_000_000 });
    await act('acceptReview', arbitrationClerk, {});
    await act('confirmReview', arbitrationClerk, { decisionNo: '测劳人仲调字〔2026〕第9号', effectiveOn: today });
    await eventually(async () => (await view()).stage === 'performing');
    await replays(handle);
  });

  it('extends the mediation by both sides’ consent: the task and the deadline move, and only the extension’s end transfers the case', async () => {
    const { input, handle, act, view } = await start();
    const before = Date.parse((await view()).mediationDeadline!);
    const until = dayAfter(shanghaiDate(before), 10);
    const worker = { side: 'worker', name: input.intake.workers[0].name, how: 'in_person' };
    const employer = { side: 'employer', name: '王总', how: 'phone' };
    await expect(act('extendMediation', mediator, { until, consents: [worker] })).rejects.toMatchObject(refusedWith(/须经双方当事人同意/));
    await expect(act('extendMediation', mediator, { until: shanghaiDate(before), consents: [worker, employer] })).rejects.toMatchObject(refusedWith(/须晚于现在的期限/));

    const extended = await act('extendMediation', mediator, { until, consents: [worker, employer] });
    const end = Date.parse(`${until}T23:59:59.999+08:00`);
    expect(Date.parse(extended.mediationDeadline!)).toBe(end);
    expect(extended.extensions).toMatchObject([{ until, consents: [worker, employer], by: mediator.name }]);
    const recorded = ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'mediation_extended')!;
    expect(recorded.summary).toContain('王总（电话）');
    const moved = await eventually(() => ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'task_rescheduled'));
    expect(Date.parse(moved.data.to as string)).toBe(end);

    // The 15 days pass: still mediating.
    await ctx.env.sleep(before - (await ctx.env.currentTimeMs()) + MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect((await view()).stage).toBe('mediating');
    expect(docOf(input.caseNo, 'transfer-letter')).toBeUndefined();
    // The extension runs out: transferred, the letter saying so.
    await ctx.env.sleep(end - (await ctx.env.currentTimeMs()) + MINUTE);
    const letter = await eventually(() => docOf(input.caseNo, 'transfer-letter'));
    expect(letter.req.data).toMatchObject({ reasons: [expect.stringContaining(`经双方同意延长至${until}仍未达成`)] });
    await replays(handle);
  });
  it('warns before the 15 days of Art. 74 for the review application run out, and records the miss (holiday calendar)', async () => {
    const { input, handle, act, view } = await start();
    const today = shanghaiDate(await ctx.env.currentTimeMs());
    await act('draftAgreement', mediator, {
      terms: input.intake.workers.map((w) => ({ partyNo: w.partyNo, amountFen: 100_000 })), totalFen: 300_000, paymentMethod: '银行转账',
      payment: { kind: 'lump-sum', dueDate: dayAfter(today, 60) },
    });
    for (const p of [1, 2, 3, 4]) await act('confirmAgreement', { role: p === 1 ? 'employer' : 'worker', name: `p${p}` }, { partyNo: p, version: 1 });
    const signedAt = Date.parse((await view()).agreement!.signedAt!);
    const due = statutoryDeadline(signedAt, 15, chinaHolidayCalendar);
    const of = (type: string) => ctx.rec.eventsOf(input.caseNo).filter((e) => e.type === type);

    await ctx.env.sleep(due - 3 * DAY - (await ctx.env.currentTimeMs()) - MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect(of('review_application_due_soon')).toHaveLength(0);
    await ctx.env.sleep(2 * MINUTE);
    const warned = await eventually(() => of('review_application_due_soon')[0]);
    expect(warned.data).toMatchObject({ dueAt: new Date(due).toISOString() });
    expect(warned.summary).toContain('第七十四条');
    await ctx.env.sleep(due - (await ctx.env.currentTimeMs()) + MINUTE);
    const late = await eventually(() => of('review_application_late')[0]);
    expect(late.summary).toContain(`${shanghaiDate(due)}届满`);

    // Late, it is still submitted (the commission decides whether to accept it); the watch is over.
    await act('submitForReview', mediator, {});
    await eventually(() => docOf(input.caseNo, 'review-application'));
    expect(of('review_application_late')).toHaveLength(1);
    await replays(handle);
  });
});
