import { describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { renderSms } from '../../activities/sms/render';
import { workflowCode } from '../../worker';
import { caseActUpdate, caseViewQuery } from '../../workflows/shared/definitions';
import { periodDeadline, shanghaiDate, statutoryDeadline } from '../../workflows/shared/deadlines';
import { chinaHolidayCalendar } from '../../workflows/shared/holiday-calendar';
import type { MediationView } from '../../workflows/kinds/mediation/model';
import { courtClerk, arbitrationClerk, mediationInput, mediator } from '../helpers/mediation-fixtures';
import { eventually, useRecordingWorker } from '../helpers/time-skipping';

const MINUTE = 60_000;
const DAY = 86_400_000;
const taskQueue = 'mediation-timers';
const ctx = useRecordingWorker(taskQueue);

/** Applied "now" on the test server's clock (earlier tests moved it weeks ahead of the real one). */
async function start(given?: ReturnType<typeof mediationInput>) {
  const input = given ?? mediationInput({ appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString() });
  const handle = await ctx.env.client.workflow.start('mediationArbitration', { taskQueue, workflowId: `mediation-${input.caseNo}`, args: [input] });
  await eventually(() => ctx.rec.eventsOf(input.caseNo).some((e) => e.type === 'task_opened'));
  const act = (action: string, actor: object, payload: object) =>
    handle.executeUpdate(caseActUpdate, { args: [{ action, actor, payload } as never] }) as Promise<MediationView>;
  return { input, handle, act, view: () => handle.query(caseViewQuery) as Promise<MediationView> };
}

/** An application day in the last two weeks whose 15th day is a Saturday: the period then runs to the Monday. */
function appliedBeforeAWeekend(nowMs: number): number {
  for (let back = 1; back <= 14; back++) {
    const day = Date.parse(`${shanghaiDate(nowMs - back * DAY)}T10:00:00+08:00`);
    if (new Date(Date.parse(`${shanghaiDate(day + 15 * DAY)}T00:00:00Z`)).getUTCDay() === 6) return day;
  }
  throw new Error('no such day');
}

/** The case's history so far replays on this code (the patches it recorded included). */
const replays = async (handle: WorkflowHandle) =>
  Worker.runReplayHistory({ ...(await workflowCode()), dataConverter: gongqingDataConverter() }, await handle.fetchHistory(), handle.workflowId);

const dayAfter = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

type Act = (action: string, actor: object, payload: object) => Promise<MediationView>;
/** A lump sum for the three workers, due in 30 days, drafted and confirmed by every party (`version`: the draft's number). */
async function agreeLumpSum(act: Act, input: ReturnType<typeof mediationInput>, today: string, version = 1, amountFen = 100_000) {
  await act('draftAgreement', mediator, {
    terms: input.intake.workers.map((w) => ({ partyNo: w.partyNo, amountFen })), totalFen: 3 * amountFen, paymentMethod: '银行转账',
    payment: { kind: 'lump-sum', dueDate: dayAfter(today, 30) },
  });
  for (const p of [1, 2, 3, 4]) await act('confirmAgreement', { role: p === 1 ? 'employer' : 'worker', name: `p${p}` }, { partyNo: p, version });
}

describe('mediation → arbitration (time skipping)', () => {
  it('transfers to arbitration when the 15 days end (a last day on a weekend runs to Monday), not a minute before', async () => {
    const now = await ctx.env.currentTimeMs();
    const applied = appliedBeforeAWeekend(now);
    const { input, view } = await start(mediationInput({ appliedAt: new Date(applied).toISOString() }));
    const expected = statutoryDeadline(applied, 15, chinaHolidayCalendar);
    // Day 15 is a Saturday; the period ends on the Monday after it, at midnight Shanghai time.
    expect(new Date(expected + 8 * 3_600_000 + 1).getUTCDay()).toBe(2);
    expect(Date.parse((await view()).mediationDeadline!)).toBe(expected);

    await ctx.env.sleep(expected - (await ctx.env.currentTimeMs()) - MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect((await view()).stage).toBe('mediating');
    expect([...ctx.rec.documents.values()].filter((d) => d.req.caseNo === input.caseNo)).toHaveLength(0);

    await ctx.env.sleep(MINUTE + 1);
    const letter = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'transfer-letter'));
    expect(letter.req.data).toMatchObject({ reasons: [expect.stringContaining('十四条')], attachments: expect.arrayContaining([expect.stringContaining('调解案卷材料')]) });
    // The case file goes with it: the application, the parties and every session, held or not.
    const file = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'case-file'));
    expect(file.req.step).toBe(letter.req.step);
    expect(file.req.data).toMatchObject({ source: '到调解站申请调解', reasons: [expect.stringContaining('十四条')] });
    expect((await view()).stage).toBe('transferring');
    const mail = await eventually(() => [...ctx.rec.emails.values()].find((m) => m.caseNo === input.caseNo));
    // and the workers' own application for arbitration, ready to sign (劳动争议调解仲裁法 Art. 28)
    const application = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'workers-arbitration-application'));
    expect(application.req.step).toBe(letter.req.step);
    expect(letter.req.data).toMatchObject({ ground: 'deadline' });
    expect(mail.documentIds).toHaveLength(3);
    expect(mail.to.address).toBe('zc@arbitration.test');
    // The parties are told in the background, beside the mail: awaited, not assumed done once the mail is there.
    const told = await eventually(() => { const sms = ctx.rec.smsOf(input.caseNo, 'mediation-transferred'); return sms.length >= 4 && sms; });
    expect(told).toHaveLength(4);
  });

  it('sends a group of ten that elected no representatives to review, every worker named (Art. 7: they may elect)', async () => {
    const { input, handle, act, view } = await start(mediationInput({ appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString(), workers: 10 }));
    const today = shanghaiDate(await ctx.env.currentTimeMs());
    const ws = input.intake.workers;
    await act('draftAgreement', mediator, {
      terms: ws.map((w) => ({ partyNo: w.partyNo, amountFen: 100_000 })), totalFen: 1_000_000, paymentMethod: '银行转账',
      payment: { kind: 'lump-sum', dueDate: today },
    });
    for (const p of [1, ...ws.map((w) => w.partyNo)]) await act('confirmAgreement', { role: p === 1 ? 'employer' : 'worker', name: `p${p}` }, { partyNo: p, version: 1 });
    await act('submitForReview', mediator, {});
    const review = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'review-application'));
    expect(review.req.data).toMatchObject({ representatives: [], terms: { kind: 'lump-sum', dueDate: today } });
    expect((await view()).representatives).toBeNull();
    // The case's history, with the representatives-optional marker, replays on this code.
    await replays(handle);
  });

  it('reminds a clerk who leaves a review waiting by its own ladder (twice), never the union above', async () => {
    const { input, act } = await start();
    const today = shanghaiDate(await ctx.env.currentTimeMs());
    await agreeLumpSum(act, input, today);
    await act('submitForReview', mediator, {});
    const escalations = () => ctx.rec.eventsOf(input.caseNo).filter((e) => e.type === 'task_escalated' && /\/(acceptReview|review)\//.test(String(e.data.taskId)));
    await ctx.env.sleep(input.policy.reviewDue + MINUTE);
    await eventually(() => escalations().length === 1);
    await ctx.env.sleep(2 * DAY);
    await eventually(() => escalations().length === 2);
    await ctx.env.sleep(10 * DAY);
    await new Promise((r) => setTimeout(r, 300));
    expect(escalations().map((e) => e.data.notify)).toEqual(['assignee', 'assignee']);
  });

  it('takes a rejected review back to mediation for a new draft, and a second rejection on to arbitration', async () => {
    const { input, handle, act, view } = await start();
    const today = shanghaiDate(await ctx.env.currentTimeMs());
    const agree = async (version: number) => {
      await agreeLumpSum(act, input, today, version);
      await act('submitForReview', mediator, {});
      await eventually(async () => (await view()).stage === 'review');
    };
    await agree(1);
    await act('acceptReview', arbitrationClerk, {});
    await act('rejectReview', arbitrationClerk, { reason: '支付期限不明确', next: 'mediation' });
    const back = await eventually(async () => { const v = await view(); return v.stage === 'mediating' && v; });
    expect(back).toMatchObject({ agreement: null, reviewRejection: '支付期限不明确' });
    await agree(2);
    expect((await view()).documents.filter((d) => d.kind === 'review-application').map((d) => d.version)).toEqual([1, 2]);
    await act('acceptReview', arbitrationClerk, {});
    await act('rejectReview', arbitrationClerk, { reason: '当事人主体不适格', next: 'arbitration' });
    const letter = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'transfer-letter'));
    // a refused review is no 15 days running out: the letter does not cite Art. 14
    expect(letter.req.data).toMatchObject({ reasons: [expect.stringContaining('当事人主体不适格')], ground: 'other' });
    await eventually(async () => (await view()).documents.some((d) => d.kind === 'case-file'));
    await replays(handle);
  });

  it('follows an agreement through review and installments: reminders, a missed one, then enforcement at the court', async () => {
    const { input, handle, act, view } = await start();
    const today = shanghaiDate(await ctx.env.currentTimeMs());
    const dates = [dayAfter(today, 10), dayAfter(today, 40), dayAfter(today, 70)];
    const [w1, w2, w3] = input.intake.workers;
    await act('draftAgreement', mediator, {
      terms: [{ partyNo: w1.partyNo, amountFen: 6_000_000 }, { partyNo: w2.partyNo, amountFen: 6_000_000 }, { partyNo: w3.partyNo, amountFen: 6_000_000 }],
      totalFen: 18_000_000, paymentMethod: '银行转账',
      payment: { kind: 'installments', installments: dates.map((d) => ({ dueDate: d, amountFen: 6_000_000 })) },
    });
    const codes = await eventually(() => ctx.rec.smsOf(input.caseNo, 'agreement-confirm').length === 4 && ctx.rec.smsOf(input.caseNo, 'agreement-confirm'));
    expect(codes.map((m) => m.secret)).toEqual([1, 2, 3, 4].map((partyNo) => ({ agreementCode: { partyNo, version: 1 } })));
    for (const p of [1, 2, 3]) await act('confirmAgreement', { role: p === 1 ? 'employer' : 'worker', name: `当事人${p}` }, { partyNo: p, version: 1 });
    expect((await view()).stage).toBe('confirming');
    await act('confirmAgreement', { role: 'worker', name: w3.name }, { partyNo: 4, version: 1 });
    expect((await view()).stage).toBe('submitting');

    await act('submitForReview', mediator, {});
    await eventually(async () => (await view()).documents.length === 2);
    const docs = (await view()).documents;
    expect(docs.map((d) => d.kind)).toEqual(['mediation-agreement', 'review-application']);
    expect(docs.every((d) => d.addressedTo === 'i-arbitration')).toBe(true);
    await act('confirmReceipt', arbitrationClerk, { documentId: docs[1].id });
    await act('acceptReview', arbitrationClerk, {});
    await act('confirmReview', arbitrationClerk, { decisionNo: '测劳人仲调字〔2026〕第1号', effectiveOn: today });
    await eventually(async () => (await view()).stage === 'performing');
    expect((await view()).installments.map((i) => i.amountFen)).toEqual([6_000_000, 6_000_000, 6_000_000]);

    // Installment 1: a reminder three days before, paid on time.
    const due1 = Date.parse(`${dates[0]}T23:59:59.999+08:00`);
    await ctx.env.sleep(due1 - 3 * DAY - (await ctx.env.currentTimeMs()) - MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect(ctx.rec.smsOf(input.caseNo, 'installment-reminder')).toHaveLength(0);
    await ctx.env.sleep(2 * MINUTE);
    await eventually(() => ctx.rec.smsOf(input.caseNo, 'installment-reminder').length === 2);
    await act('recordPayment', mediator, { installmentNo: 1, paidFen: 6_000_000 });

    // Installment 2: not paid by its day; the mediator and the workers hear of it, then the grace runs out.
    const due2 = Date.parse(`${dates[1]}T23:59:59.999+08:00`);
    await ctx.env.sleep(due2 - (await ctx.env.currentTimeMs()) + MINUTE);
    const missed = await eventually(() => ctx.rec.smsOf(input.caseNo, 'installment-missed').length === 4 && ctx.rec.smsOf(input.caseNo, 'installment-missed'));
    expect((await view()).installments[1].status).toBe('missed');
    // The text promises the grace the policy gives (5 days), not 0.
    expect(input.policy.installmentGrace).toBe(5 * DAY);
    for (const m of missed) expect(renderSms(m.template, m.vars)).toContain('5日内仍未付清');
    await ctx.env.sleep(5 * DAY - 2 * MINUTE);
    await new Promise((r) => setTimeout(r, 300));
    expect((await view()).stage).toBe('performing');
    await ctx.env.sleep(2 * MINUTE);
    const enforcement = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'enforcement-application'));
    expect(enforcement.req.data).toMatchObject({ missed: { dueDate: dates[1], paidFen: 0 }, basis: { number: '测劳人仲调字〔2026〕第1号' } });
    const court = await eventually(async () => (await view()).documents.find((d) => d.addressedTo === 'i-court'));
    await act('confirmReceipt', courtClerk, { documentId: court.id });
    const result = await handle.result();
    expect(result).toMatchObject({ outcome: 'enforcement', agreedFen: 18_000_000, paidFen: 6_000_000 });
  });

  it('lets one of the station’s mediators take the case from the pool (接单): the task is theirs by name and a colleague is refused', async () => {
    const { input, act, view } = await start();
    const pooled = (await view()).openTasks.find((t) => t.role === 'union_mediator')!;
    expect(pooled.userId ?? null).toBeNull();
    const colleague = { ...mediator, name: '同事调解员', userId: 29 };
    const at = new Date((await ctx.env.currentTimeMs()) + 3 * DAY).toISOString();

    const after = await act('claimTask', mediator, { taskId: pooled.taskId });
    expect(after.claim).toEqual({ userId: mediator.userId, name: mediator.name });
    const reopened = await eventually(async () => (await view()).openTasks.find((t) => t.role === 'union_mediator' && t.userId === mediator.userId));
    expect(reopened.taskId).not.toBe(pooled.taskId);
    expect(ctx.rec.eventsOf(input.caseNo).map((e) => e.summary)).toContain('调解员接单办理本案');

    await expect(act('scheduleSession', colleague, { at, mode: 'online' }))
      .rejects.toMatchObject({ cause: { message: '本案已由调解员接单办理，只有其本人可以办理（如其不能办理，请“接手办理”并说明理由）' } });
    await expect(act('claimTask', colleague, { taskId: reopened.taskId })).rejects.toMatchObject({ cause: { message: '本案已由调解员接单办理' } });
    const scheduled = await act('scheduleSession', mediator, { at, mode: 'online' });
    expect(scheduled.sessions).toHaveLength(1);

    // the one who claimed it is away: a colleague takes it over for a recorded reason, and it is theirs from then on
    await expect(act('takeOver', mediator, { reason: '自己接手' })).rejects.toMatchObject({ cause: { message: '本案已由您接单办理' } });
    const taken = await act('takeOver', colleague, { reason: '原承办调解员休假' });
    expect(taken.claim).toEqual({ userId: colleague.userId, name: colleague.name });
    await eventually(async () => (await view()).openTasks.some((t) => t.role === 'union_mediator' && t.userId === colleague.userId));
    expect(ctx.rec.eventsOf(input.caseNo).map((e) => e.summary).some((x) => x.includes('接手办理') && x.includes('原承办调解员休假') && x.includes('原由调解员接单办理'))).toBe(true);
    await expect(act('recordSession', mediator, { sessionNo: 1, attendees: [1, 2], notes: '双方到场' }))
      .rejects.toMatchObject({ cause: { message: '本案已由同事调解员接单办理，只有其本人可以办理（如其不能办理，请“接手办理”并说明理由）' } });
  });

  it('counts an installment that fell due during a long review from the decision, and a larger payment against the next ones', async () => {
    const { input, handle, act, view } = await start();
    const today = shanghaiDate(await ctx.env.currentTimeMs());
    const [w1, w2, w3] = input.intake.workers;
    await act('draftAgreement', mediator, {
      terms: [{ partyNo: w1.partyNo, amountFen: 3_000_000 }, { partyNo: w2.partyNo, amountFen: 3_000_000 }, { partyNo: w3.partyNo, amountFen: 3_000_000 }],
      totalFen: 9_000_000, paymentMethod: '银行转账',
      payment: { kind: 'installments', installments: [{ dueDate: dayAfter(today, 5), amountFen: 4_500_000 }, { dueDate: dayAfter(today, 60), amountFen: 4_500_000 }] },
    });
    for (const p of [1, 2, 3, 4]) await act('confirmAgreement', { role: p === 1 ? 'employer' : 'worker', name: `当事人${p}` }, { partyNo: p, version: 1 });
    await act('submitForReview', mediator, {});
    await eventually(async () => (await view()).stage === 'review');
    // The commission takes 20 days: installment 1 (day 5) falls due while the agreement is not yet confirmed.
    await ctx.env.sleep(20 * DAY);
    const decided = shanghaiDate(await ctx.env.currentTimeMs());
    await act('acceptReview', arbitrationClerk, {});
    await act('confirmReview', arbitrationClerk, { decisionNo: '测劳人仲调字〔2026〕第9号', effectiveOn: decided });
    const performing = await eventually(async () => { const v = await view(); return v.stage === 'performing' && v; });
    expect(performing.installments.map((i) => [i.dueDate, i.status])).toEqual([[dayAfter(decided, 5), 'due'], [dayAfter(today, 60), 'due']]);
    expect(ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'installments_rescheduled')?.summary).toContain(`第1期由${dayAfter(today, 5)}改为${dayAfter(decided, 5)}`);
    expect(ctx.rec.smsOf(input.caseNo, 'installment-missed')).toEqual([]);

    // 60,000 yuan against installment 1 (45,000): the 15,000 more counts against installment 2; more than all is refused.
    await expect(act('recordPayment', mediator, { installmentNo: 1, paidFen: 9_000_001 })).rejects.toMatchObject({ cause: { type: 'InvalidPayload' } });
    const paid = await act('recordPayment', mediator, { installmentNo: 1, paidFen: 6_000_000 });
    expect(paid.installments.map((i) => [i.paidFen, i.status])).toEqual([[4_500_000, 'paid'], [1_500_000, 'due']]);
    expect(ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'payment_recorded')?.summary).toContain('多付的15000.00元计入第2期');
    await act('recordPayment', mediator, { installmentNo: 2, paidFen: 3_000_000 });
    expect(await handle.result()).toMatchObject({ outcome: 'performed', agreedFen: 9_000_000, paidFen: 9_000_000 });
    expect(ctx.rec.smsOf(input.caseNo, 'installment-missed')).toEqual([]);
    await replays(handle);
  });

  it('accepts a review first (Art. 75), decides it within five working days, ten once extended (Art. 76); a decline goes on to arbitration', async () => {
    const { input, handle, act, view } = await start();
    const today = shanghaiDate(await ctx.env.currentTimeMs());
    await agreeLumpSum(act, input, today);
    await act('submitForReview', mediator, {});
    await eventually(async () => (await view()).openTasks.some((t) => t.kind === 'acceptReview'));
    await expect(act('confirmReview', arbitrationClerk, { decisionNo: '第1号', effectiveOn: today })).rejects.toMatchObject({ cause: { message: expect.stringContaining('请先决定是否受理') } });

    const accepted = await act('acceptReview', arbitrationClerk, { noticeNo: '测劳人仲审受字〔2026〕第3号' });
    const acceptedAt = Date.parse(accepted.reviewAcceptance!.acceptedAt!);
    expect(accepted.openTasks.map((t) => t.kind)).toEqual(['review']);
    expect(Date.parse(accepted.reviewDue!)).toBe(periodDeadline(acceptedAt, { workingDays: 5 }, chinaHolidayCalendar));
    expect(Date.parse(accepted.openTasks[0].dueAt)).toBe(Date.parse(accepted.reviewDue!));

    const extended = await act('extendReview', arbitrationClerk, { approvedBy: '仲裁院王院长', reason: '需核实43名职工身份' });
    const tenDays = periodDeadline(acceptedAt, { workingDays: 10 }, chinaHolidayCalendar);
    expect(Date.parse(extended.reviewDue!)).toBe(tenDays);
    await eventually(async () => Date.parse((await view()).openTasks[0].dueAt) === tenDays);
    expect(ctx.rec.eventsOf(input.caseNo).map((e) => e.type)).toEqual(expect.arrayContaining(['review_accepted', 'review_extended', 'task_rescheduled']));
    await expect(act('extendReview', arbitrationClerk, { approvedBy: '王院长', reason: '再延' })).rejects.toMatchObject({ cause: { type: 'ActionNotAllowed' } });

    // Back to mediation, agreed again; this time the commission does not accept the application: on to arbitration.
    await act('rejectReview', arbitrationClerk, { reason: '协议内容不明确', next: 'mediation' });
    await eventually(async () => (await view()).stage === 'mediating');
    await agreeLumpSum(act, input, today, 2, 120_000);
    await act('submitForReview', mediator, {});
    await eventually(async () => (await view()).openTasks.some((t) => t.kind === 'acceptReview'));
    await act('declineReview', arbitrationClerk, { ground: 'employment_relationship', reason: '平台与骑手是否存在劳动关系有争议' });
    const letter = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'transfer-letter'));
    expect(letter.req.data).toMatchObject({ reasons: [expect.stringContaining('属于确认劳动关系的争议')] });
    expect(JSON.stringify(letter.req.data)).toContain('第七十五条');
    await replays(handle);
  });

  it('sends an agreed dispute over whether riders are employees on to arbitration, not to review (Art. 75), and warns that its year ran out (Art. 27)', async () => {
    const now = await ctx.env.currentTimeMs();
    const base = mediationInput({ appliedAt: new Date(now).toISOString() });
    const arose = shanghaiDate(now - 400 * DAY);
    const input = { ...base, intake: { ...base.intake, dispute: '确认劳动关系及支付报酬', employmentInDispute: true, disputeArose: arose } };
    const { act, view } = await start(input);
    expect(await view()).toMatchObject({ employmentInDispute: true, disputeArose: arose });
    await agreeLumpSum(act, input, shanghaiDate(now));
    const letter = await eventually(() => [...ctx.rec.documents.values()].find((d) => d.req.caseNo === input.caseNo && d.req.kind === 'transfer-letter'));
    expect(letter.req.data).toMatchObject({ reasons: [expect.stringContaining('第七十五条')] });
    expect([...ctx.rec.documents.values()].filter((d) => d.req.caseNo === input.caseNo && d.req.kind === 'review-application')).toEqual([]);
    const warning = ctx.rec.eventsOf(input.caseNo).find((e) => e.type === 'limitation_warning');
    expect(warning?.summary).toContain(`争议发生于${arose}，申请调解时已超过一年仲裁时效`);
    expect(warning?.summary).toContain('第二十七条');
  });
});
