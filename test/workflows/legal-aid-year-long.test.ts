import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { lawyerWu, legalAidInput } from '../helpers/legal-aid-fixtures';
import { represented, useLegalAidCases } from '../helpers/legal-aid-cases';
import { eventually } from '../helpers/time-skipping';

const DAY = 86_400_000;
const taskQueue = 'legal-aid-year-long';
const { ctx, start, today } = useLegalAidCases(taskQueue);

describe('legal aid: procedural clocks (time skipping)', () => {
  it('runs a year-long case in seconds: arbitration, suit, appeal, installments from two debtors', async () => {
    const c = await start(legalAidInput({ appliedAt: new Date(await ctx.env.currentTimeMs()).toISOString(), debtors: 2 }));
    await represented(c);
    await c.act('recordEvidence', lawyerWu, { items: [{ name: '工资欠条', holder: 'worker', status: 'held' }, { name: '考勤记录', holder: 'employer', status: 'requested' }] });
    await c.act('recordSettlement', lawyerWu, { result: 'failed', note: '用人单位拒绝协商' });
    // Continuing as new between steps, a command may be answered before the next step opens: the test reads the view.
    await c.act('fileProceeding', lawyerWu, { type: 'arbitration', institution: '测试区劳动人事争议仲裁委员会', filedOn: await today(), claimedFen: 4_000_000, requests: ['裁决被申请人支付工资'], facts: '拖欠工资。' });
    await eventually(async () => (await c.view()).documents.some((d) => d.kind === 'arbitration-application'));
    await c.act('recordAcceptance', lawyerWu, { externalNo: '测劳人仲案字〔2026〕第1号', acceptedOn: await today() });
    const award = await eventually(async () => (await c.view()).clocks.find((k) => k.id.startsWith('award-')));
    // 45 days on the calendar (a Spring Festival on the way moves it): warned 3 days before, the award comes a day after
    await ctx.env.sleep(Date.parse(award.dueAt) - c.input.policy.clockWarning - (await ctx.env.currentTimeMs()) + DAY);
    await eventually(() => c.events('clock_warning').length === 1);
    await c.act('recordResult', lawyerWu, { kind: 'award', decidedOn: await today(), servedOn: await today(), awardedFen: 1_500_000, summary: '仲裁支持部分工资' });
    await eventually(async () => (await c.view()).stage === 'deciding');
    await c.act('fileProceeding', lawyerWu, { type: 'first_instance', institution: '测试区人民法院', filedOn: await today(), claimedFen: 4_000_000, requests: ['判令被告支付工资'], facts: '不服仲裁裁决。' });
    await eventually(async () => (await c.view()).openTasks.some((t) => t.kind === 'proceeding'));
    await c.act('recordAcceptance', lawyerWu, { externalNo: '（2027）浙0185民初1号', acceptedOn: await today() });
    await ctx.env.sleep(90 * DAY);
    await c.act('recordResult', lawyerWu, { kind: 'judgment', decidedOn: await today(), servedOn: await today(), awardedFen: 2_500_000, summary: '一审部分支持' });
    await eventually(async () => (await c.view()).openTasks.some((t) => t.kind === 'decide'));

    const after = await c.view();
    expect(after.proceedings.map((p) => p.result?.awardedFen)).toEqual([1_500_000, 2_500_000]);
    expect(after.clocks.find((k) => k.id.startsWith('appeal-'))).toMatchObject({ settled: false, expired: false });

    await c.act('fileProceeding', lawyerWu, { type: 'second_instance', institution: '测试市中级人民法院', filedOn: await today(), claimedFen: 4_000_000, requests: ['撤销一审判决，改判支持全部工资'], facts: '用人单位伪造考勤记录。' });
    await eventually(async () => (await c.view()).openTasks.some((t) => t.kind === 'proceeding'));
    await c.act('recordAcceptance', lawyerWu, { externalNo: '（2027）浙01民终9号', acceptedOn: await today() });
    await ctx.env.sleep(60 * DAY);
    await c.act('recordResult', lawyerWu, { kind: 'judgment', decidedOn: await today(), servedOn: await today(), awardedFen: 4_000_000, summary: '二审改判支持全部工资' });
    await eventually(async () => (await c.view()).openTasks.some((t) => t.kind === 'perform'));
    const plan = await c.act('setInstallments', lawyerWu, { debtorPartyNos: [3, 4], installments: [{ dueDate: shanghaiDate((await ctx.env.currentTimeMs()) + 30 * DAY), amountFen: 2_000_000 }, { dueDate: shanghaiDate((await ctx.env.currentTimeMs()) + 60 * DAY), amountFen: 2_000_000 }] });
    expect(plan.plan?.debtorPartyNos).toEqual([3, 4]);
    await eventually(async () => (await c.view()).clocks.some((k) => k.id.endsWith('-plan')));
    await ctx.env.sleep(30 * DAY);
    await c.act('recordReceipt', lawyerWu, { debtorPartyNo: 3, amountFen: 2_000_000, paidOn: await today() });
    await ctx.env.sleep(30 * DAY);
    await expect(c.act('recordReceipt', lawyerWu, { debtorPartyNo: 4, amountFen: 2_500_000, paidOn: await today() })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/超过应付/) } });
    const paid = await c.act('recordReceipt', lawyerWu, { debtorPartyNo: 4, amountFen: 2_000_000, paidOn: await today() });
    await eventually(async () => (await c.view()).stage === 'closing');
    expect(paid.recoveredFen).toBe(4_000_000);
    await eventually(async () => (await c.view()).openTasks.some((t) => t.kind === 'close'));
    await c.act('closeCase', lawyerWu, { outcome: 'won', note: '二审改判，两被告分两期付清' });
    await eventually(async () => (await c.view()).stage === 'rating');
    await c.act('rateCase', { role: 'worker', name: '工人1' }, { rating: 5, comment: '感谢律师' });
    const result = await c.handle.result();
    expect(result).toEqual({ caseNo: c.input.caseNo, outcome: 'won', recoveredFen: 4_000_000 });
    // Every clock was acted on in time (only the award's, warned at day 42, ran close).
    expect(c.events('clock_expired')).toHaveLength(0);
    expect(new Set(c.events('clock_started').map((e) => e.data.clockId)).size).toBe(c.events('clock_started').length);
    // one key per event
    const keys = ctx.rec.eventsOf(c.input.caseNo).map((e) => e.seq);
    expect(new Set(keys).size).toBe(keys.length);
  }, 120_000);
});
