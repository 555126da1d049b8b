/**
 * A wage round of DOMAIN §5 through the JSON API on the real system: the city union's plan uploaded as CSV (a bad line
 * refuses the whole list), a round opened at once, the enterprise union's request and answer, three offers on the
 * parcel-reward clause, a congress vote, signing and filing with HR & social security (the contract and the letter in
 * its inbox, receipt confirmed, an objection sending the sides back), a mentor taking the order, legal aid opened from
 * the service menu. Bad input at each step gets a zh-CN 4xx and records nothing.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../activities/documents/read-document';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { ensureWagePlanSchedule, wagePlanScheduleId } from '../../api/services/wage-plan-schedule';
import { pdfText } from '../helpers/pdf-text';
import { useSystemWithMail } from '../helpers/system-with-mail';
import { eventually } from '../helpers/time-skipping';

const ctx = useSystemWithMail('wage');
const YEAR = 2030;
const today = () => shanghaiDate(Date.now());
const planRows = async (year: number) => ctx.sys.db.selectFrom('wage_plans').selectAll().where('year', '=', year).execute();

describe('wage negotiation through the API', () => {
  it('the plan: a CSV with one bad line changes nothing, a good one is saved, an opened row is not changed', async () => {
    const city = await ctx.api.login('xihu.qb');
    const csv = (body: string, token = city) => ctx.api.call('POST', `/api/v1/wage-plans/csv?year=${YEAR}`, body, token, { 'content-type': 'text/csv' });
    const bad = await csv(`企业名称,计划启动日期,备注\n杭州迅达快递有限公司,${YEAR}-01-10,快递\n不存在的公司,${YEAR}-03-01,\n`);
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/第3行：本区没有名为“不存在的公司”的企业/);
    const wrongYear = await csv(`e-jingmi,${YEAR + 1}-03-01`);
    expect(wrongYear.body.message).toMatch(new RegExp(`不在${YEAR}年度内`));
    expect(await planRows(YEAR)).toHaveLength(0);
    expect((await csv(`e-jingmi,${YEAR}-03-01`, await ctx.api.login('beishan.zx'))).status).toBe(403);

    const good = await csv(`\uFEFF企业名称,计划启动日期,备注\n杭州迅达快递有限公司,${YEAR}-01-10,"快递行业,计件单价"\ne-jingmi,${YEAR}/3/1,\n`);
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ written: 2, opened: [] });
    const rows = await planRows(YEAR);
    expect(rows.map((r) => [r.enterprise_id, r.note]).sort()).toEqual([['e-jingmi', ''], ['e-kuaidi', '快递行业,计件单价']]);

    const kuaidi = rows.find((r) => r.enterprise_id === 'e-kuaidi')!;
    const opened = await ctx.api.call('POST', `/api/v1/wage-plans/${kuaidi.id}/open`, undefined, city);
    expect(opened.status).toBe(201);
    expect(opened.body.caseNo).toBe(`WN${YEAR}${String(kuaidi.id).padStart(6, '0')}`);
    expect((await ctx.api.call('POST', `/api/v1/wage-plans/${kuaidi.id}/open`, undefined, city)).body.caseNo).toBe(opened.body.caseNo);
    const again = await ctx.api.call('PUT', '/api/v1/wage-plans', { year: YEAR, rows: [{ enterprise: 'e-kuaidi', plannedStart: `${YEAR}-02-01` }] }, city);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/已开启/);
  });

  it('a round from request to filing: offers, the congress, HR receives and objects; a mentor takes the order; legal aid opens', async () => {
    const [city, chair, otherChair, hr, mentor, mentor2] = await Promise.all(['xihu.qb', 'kuaidi.zx', 'jingmi.zx', 'xihu.rsj', 'xihu.ds', 'xihu.ds2'].map((u) => ctx.api.login(u)));
    const plan = (await planRows(YEAR)).find((r) => r.enterprise_id === 'e-kuaidi')!;
    const caseNo = plan.case_no ?? (await ctx.api.call('POST', `/api/v1/wage-plans/${plan.id}/open`, undefined, city)).body.caseNo;
    const act = (action: string, body: unknown, token = chair) => ctx.api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token);
    const view = async (token = chair) => (await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, token)).body.view;
    const events = async () => Number((await ctx.sys.db.selectFrom('case_events').select((eb) => eb.fn.countAll().as('n')).where('case_no', '=', caseNo).where('actor_role', '!=', 'system').executeTakeFirstOrThrow()).n);
    const refused = async (action: string, body: unknown, message: RegExp, token = chair) => {
      const before = await events();
      const r = await act(action, body, token);
      expect(r.status, `${action} ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.message).toMatch(message);
      expect(await events()).toBe(before);
    };

    expect((await view()).stage).toBe('planned');
    await refused('requestNegotiation', { from: 'union', sentOn: today() }, /无权查看或办理/, otherChair);
    await refused('requestNegotiation', { from: 'union', sentOn: '2099-01-01' }, /不能晚于今天/);
    expect((await act('requestNegotiation', { from: 'union', sentOn: today(), note: '就计件单价进行协商' })).status).toBe(200);
    expect((await act('recordAnswer', { agreed: true, answeredOn: today() })).body.view.stage).toBe('negotiating');
    await refused('makeOffer', { side: 'union', clauses: [{ item: '计件奖励', terms: '   ' }] }, /.+/);
    const offers = [
      { side: 'union', clauses: [{ item: '计件奖励', terms: '签收率≥96%时每件奖励0.15元' }] },
      { side: 'employer', clauses: [{ item: '计件奖励', terms: '签收率≥98%时每件奖励0.10元' }] },
      { side: 'union', clauses: [{ item: '计件奖励', terms: '签收率≥96%时每件奖励0.10–0.15元' }, { item: '高温津贴', terms: '6—9月每人每月300元' }] },
    ];
    for (const o of offers) expect((await act('makeOffer', o)).status).toBe(200);
    const stored = await ctx.sys.db.selectFrom('wage_offers').select(['offer_no', 'side', 'clauses']).where('case_no', '=', caseNo).orderBy('offer_no').execute();
    expect(stored.map((o) => o.side)).toEqual(['union', 'employer', 'union']);
    expect(stored[2].clauses).toEqual(offers[2].clauses);
    expect((await act('reachAgreement', { offerNo: 3 })).body.view.stage).toBe('congress');
    await refused('makeOffer', offers[0], /已达成一致，不能再提出报价/);
    await refused('recordCongressVote', { heldOn: today(), representatives: 40, present: 45, inFavour: 30 }, /出席代表人数（45）不能超过代表总人数（40）/);
    expect((await act('recordCongressVote', { heldOn: today(), representatives: 40, present: 36, inFavour: 33 })).body.view.stage).toBe('signing');
    expect((await act('recordSigning', { signedOn: today(), unionSignatory: '钱主席', employerSignatory: '孙总经理' })).body.view.stage).toBe('filing');
    const filed = await act('fileWithHr', { filedOn: today() });
    expect(filed.body.view.stage).toBe('review');

    // HR's clerk finds the contract and the letter in the inbox, reads them, confirms receipt
    const inbox = await eventually(async () => {
      const r = await ctx.api.call('GET', '/api/v1/documents', undefined, hr);
      return r.body.documents?.length === 2 ? r.body.documents : undefined;
    });
    const contract = inbox.find((d: { kind: string }) => d.kind === 'wage-contract');
    const text = await pdfText((await readDocument(ctx.sys.db, contract.id))!.bytes);
    expect(text).toContain('杭州迅达快递有限公司');
    expect(text).toContain('签收率≥96%时每件奖励0.10–0.15元');
    expect(text).toMatch(/应到代表四十人，实到三十六人，赞成三十三人/);
    const letter = inbox.find((d: { kind: string }) => d.kind === 'wage-filing-letter');
    const letterText = (await pdfText((await readDocument(ctx.sys.db, letter.id))!.bytes)).replace(/\s+/g, '');
    expect(letterText).toContain('杭州市西湖区人力资源和社会保障局');
    expect(letterText).toMatch(/自收到文本之日起十五日内未提出异议的，合同即行生效/);
    expect((await ctx.api.call('POST', `/api/v1/documents/${contract.id}/receipt`, undefined, hr)).status).toBe(200);
    await eventually(() => ctx.smtp.received.some((m) => m.to.includes('ldgx@xihu-hrss.example')));
    await refused('recordHrObjection', { reason: '…' }, /人力社保部门/, city);
    expect((await act('recordHrObjection', { reason: '高温津贴标准低于本市规定，请重新协商' }, hr)).body.view.stage).toBe('negotiating');

    // the service menu: a mentor takes the order and is attached; another mentor cannot take it after; legal aid opens
    expect((await act('requestService', { service: 'mentor', note: '请有经验的导师指导计件单价测算' })).status).toBe(200);
    // the answer does not wait for the order to open (a side task): it is there a moment later
    const task = await eventually(async () => (await view()).openTasks.find((t: { kind: string }) => t.kind === 'service'));
    expect((await ctx.api.call('GET', '/api/v1/tasks', undefined, mentor)).body.tasks.map((t: { task_id: string }) => t.task_id)).toContain(task.taskId);
    expect((await act('claimTask', { taskId: task.taskId }, mentor)).body.view.mentors.map((m: { name: string }) => m.name)).toEqual(['协商导师冯导师']);
    await refused('claimTask', { taskId: task.taskId }, /.+/, mentor2);
    expect((await act('recordServiceDone', { requestNo: 1, note: '已完成计件单价测算辅导' }, mentor)).status).toBe(200);
    expect((await ctx.api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mentor)).status).toBe(200);
    await refused('requestService', { service: 'legal_aid', note: '企业拒绝提供工资台账' }, /申请人姓名/);
    expect((await act('requestService', { service: 'legal_aid', note: '企业拒绝提供工资台账', applicantName: '钱主席', applicantPhone: '13500000002' })).status).toBe(200);
    const aid = await eventually(() => ctx.sys.db.selectFrom('case_links').selectAll().where('case_no', '=', caseNo).where('relation', '=', 'child').executeTakeFirst());
    expect(aid.linked_case_no).toBe(`LA${caseNo.slice(2)}`);
  });

  it('the daily schedule opens the rounds whose start is near, once however often it runs', async () => {
    const start = shanghaiDate(Date.now() + 3 * 86_400_000);
    const year = Number(start.slice(0, 4));
    const due = ['e-fangzhi', 'e-canyin'];
    await ctx.sys.db.deleteFrom('wage_plans').where('year', '=', year).where('enterprise_id', 'in', due).execute();
    await ctx.sys.db.insertInto('wage_plans').values(due.map((e) => ({ enterprise_id: e, year, planned_start: start, note: '' }))).execute();
    // a row starting in two months: not yet
    const later = shanghaiDate(Date.now() + 60 * 86_400_000);
    await ctx.sys.db.insertInto('wage_plans').values({ enterprise_id: 'e-jianzhu', year: Number(later.slice(0, 4)) + 10, planned_start: `${Number(later.slice(0, 4)) + 10}${later.slice(4)}`, note: '' }).execute();
    await ensureWagePlanSchedule(ctx.sys.temporal, ctx.sys.taskQueue);
    await ensureWagePlanSchedule(ctx.sys.temporal, ctx.sys.taskQueue); // a second web process: still one schedule
    const schedule = ctx.sys.temporal.schedule.getHandle(wagePlanScheduleId(ctx.sys.taskQueue));
    const runs = async () => (await schedule.describe()).info.recentActions.length;
    await schedule.trigger();
    await eventually(async () => (await runs()) === 1, 30_000);
    const first = (await schedule.describe()).info.recentActions[0].action.workflow.workflowId;
    await ctx.sys.temporal.workflow.getHandle(first).result();
    await schedule.trigger();
    await eventually(async () => (await runs()) === 2, 30_000);
    const second = (await schedule.describe()).info.recentActions[1].action.workflow.workflowId;
    expect(await ctx.sys.temporal.workflow.getHandle(first).result()).toMatchObject({ alreadyOpen: 0 });
    expect(await ctx.sys.temporal.workflow.getHandle(second).result()).toEqual({ opened: [], alreadyOpen: 0 });
    const opened = await ctx.sys.db.selectFrom('wage_plans').select(['enterprise_id', 'case_no']).where('year', '=', year).where('enterprise_id', 'in', due).execute();
    expect((await ctx.sys.db.selectFrom('wage_plans').select('case_no').where('enterprise_id', '=', 'e-jianzhu').where('year', '>', year + 5).executeTakeFirstOrThrow()).case_no).toBeNull();
    const byEnterprise = Object.fromEntries(opened.map((r) => [r.enterprise_id, r.case_no]));
    expect(byEnterprise['e-fangzhi']).toMatch(/^WN\d{10}$/);
    expect(byEnterprise['e-canyin']).toMatch(/^WN\d{10}$/);
    const rounds = await ctx.sys.db.selectFrom('wage_rounds').select('case_no').where('year', '=', year).where('enterprise_id', 'in', due).execute();
    expect(rounds).toHaveLength(2);
  });
});
