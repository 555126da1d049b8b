/**
 * The red / yellow / blue early warning (DOMAIN §2) on the real system: the daily schedule, triggered by hand, grades
 * 西溪街道 yellow and then red as complaints arrive between runs; each change starts its follow-up once (the district's
 * talk, then the joint inspection with HR & social security and its SMS); a third run with nothing new starts
 * nothing. The dashboard shows it to district staff and not to another street's chair; bad filters get a zh-CN 4xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRiskWarningSchedule, riskWarningScheduleId } from '../../api/services/risk-warning-schedule';
import { riskWarningConfig } from '../../temporal.config';
import { browser } from '../helpers/browser';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

let sys: System;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  sys = await startSystem('risk');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
}, 120_000);
afterAll(async () => {
  await sys?.stop();
});

const { street } = riskWarningConfig.policy;
let added = 0;
/** complaints at 西溪街道 with no enterprise named, so only the street's colour moves */
async function complain(n: number): Promise<void> {
  const now = new Date();
  await sys.db.insertInto('cases').values(Array.from({ length: n }, () => {
    added += 1;
    return {
      case_no: `RWTEST${added}`, kind: 'grievance', workflow_id: `rw-test-${added}`, district_id: 'd-xihu', street_id: 's-xixi', enterprise_id: null,
      enterprise_name: '', status: 'closed', stage: 'closed', level: 'street', complainant_name: '测试', complainant_phone: null,
      claimed_fen: 0, worker_count: 1, created_at: now, updated_at: now,
    };
  })).execute();
}

const followUps = () => sys.db.selectFrom('risk_followups').selectAll().where('unit_id', '=', 's-xixi').orderBy('opened_at').execute();
const riskSms = () => sys.db.selectFrom('sms_outbox').select(['idempotency_key', 'recipient_phone', 'template', 'body']).where('template', 'like', 'risk-%').orderBy('idempotency_key').execute();

describe('the red / yellow / blue early warning', () => {
  it('a street crosses yellow, then red: each follow-up and its SMS once; a run with no change starts nothing', async () => {
    await ensureRiskWarningSchedule(sys.temporal, sys.taskQueue);
    await ensureRiskWarningSchedule(sys.temporal, sys.taskQueue); // a second web process: still one schedule
    const schedule = sys.temporal.schedule.getHandle(riskWarningScheduleId(sys.taskQueue));
    const run = async (n: number) => {
      await schedule.trigger();
      await eventually(async () => (await schedule.describe()).info.recentActions.length === n, 30_000);
      const id = (await schedule.describe()).info.recentActions[n - 1].action.workflow.workflowId;
      return sys.temporal.workflow.getHandle(id).result();
    };

    await complain(street.yellow);
    const first = await run(1);
    expect(first.started).toEqual([expect.stringMatching(/^risk-street-s-xixi-yellow-\d{4}-\d{2}-\d{2}$/)]);
    const talk = await eventually(async () => (await followUps()).find((f) => f.colour === 'yellow'), 15_000);
    expect(talk).toMatchObject({ action: 'talk', assignee_role: 'district_staff', org_unit_id: 'd-xihu', status: 'open' });
    expect(talk.title).toContain('西溪街道总工会黄色预警');
    expect(await riskSms()).toEqual([]);

    await complain(street.red - street.yellow);
    const second = await run(2);
    expect(second).toMatchObject({ changed: 1, alreadyStarted: 0, started: [expect.stringMatching(/^risk-street-s-xixi-red-/)] });
    const inspect = await eventually(async () => (await followUps()).find((f) => f.colour === 'red'), 15_000);
    expect(inspect).toMatchObject({ action: 'inspect', assignee_role: 'partner_department', department: '人社局' });
    // the street's chair and the HR contact (a street has no enterprise chair of its own)
    const sms = await eventually(async () => { const s = await riskSms(); return s.length === 2 && s; }, 15_000);
    expect(sms.map((m) => [m.idempotency_key.split(':')[1], m.recipient_phone])).toEqual([['partner_department', '13600000010'], ['street_chair', '13700002002']]);
    expect(sms[0].body).toMatch(/^【工情码风险预警】西溪街道总工会近90天职工投诉10件，已列为红色预警。请会同人社局/);

    const third = await run(3);
    expect(third).toEqual({ units: expect.any(Number), changed: 0, started: [], alreadyStarted: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect((await followUps()).map((f) => f.colour)).toEqual(['yellow', 'red']);
    expect(await riskSms()).toHaveLength(2);
    const colour = await sys.db.selectFrom('risk_colours').selectAll().where('unit_id', '=', 's-xixi').executeTakeFirstOrThrow();
    expect(colour).toMatchObject({ colour: 'red', complaints: street.red });
    const history = await sys.db.selectFrom('risk_colour_changes').select(['from_colour', 'to_colour']).where('unit_id', '=', 's-xixi').orderBy('id').execute();
    expect(history).toEqual([{ from_colour: 'none', to_colour: 'yellow' }, { from_colour: 'yellow', to_colour: 'red' }]);
  }, 60_000);

  it('the dashboard: district staff see the colours and follow-ups, another street chair does not; done once; bad filters get a zh-CN 4xx', async () => {
    const [staff, otherChair, chair] = await Promise.all(['xihu.qb', 'beishan.zx', 'xixi.zx'].map((u) => api.login(u)));
    const board = await api.call('GET', '/api/v1/risk-warnings?type=street&colour=red&months=6', undefined, staff);
    expect(board.status).toBe(200);
    expect(board.body.units).toEqual([expect.objectContaining({ unitId: 's-xixi', colour: 'red', colourLabel: '红色', complaints: street.red })]);
    expect(board.body.followUps.map((f: { colour: string }) => f.colour).sort()).toEqual(['red', 'yellow']);
    expect(board.body.months).toHaveLength(6);
    expect(board.body.trend.find((t: { streetId: string }) => t.streetId === 's-xixi').months.at(-1).complaints).toBe(street.red);

    const theirs = await api.call('GET', '/api/v1/risk-warnings', undefined, otherChair);
    expect(theirs.body.streets).toEqual([{ id: 's-beishan', name: '北山街道总工会' }]);
    expect(theirs.body.followUps).toEqual([]);
    // a filter of the wrong shape: 400; a well-formed street outside the caller's area: 422 (refused by a rule)
    const bad = [['colour=purple', 400, '预警颜色的取值无效'], ['months=99', 400, '月数不能大于24'], ['x=1', 400, '不能提交未定义的字段'],
      ['street=s-xixi', 422, '所选街道不存在或不在您的辖区']] as const;
    for (const [q, status, message] of bad) {
      const r = await api.call('GET', `/api/v1/risk-warnings?${q}`, undefined, otherChair);
      expect([r.status, r.body.message]).toEqual([status, expect.stringContaining(message)]);
    }
    const page = await fetch(`${sys.baseUrl}/staff/risk-warning?months=abc`, { headers: { authorization: `Bearer ${staff}` } });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('月数格式不正确');
    const html = await (await fetch(`${sys.baseUrl}/staff/risk-warning?colour=`, { headers: { authorization: `Bearer ${staff}` } })).text();
    expect(html).toContain('会同人社局联合检查');
    const png = await fetch(`${sys.baseUrl}/staff/risk-warning/chart.png?months=3`, { headers: { authorization: `Bearer ${staff}` } });
    expect([png.status, png.headers.get('content-type')]).toEqual([200, 'image/png']);

    const red = board.body.followUps.find((f: { colour: string }) => f.colour === 'red').followupId;
    const done = (token: string, body: unknown) => api.call('POST', `/api/v1/risk-warnings/follow-ups/${red}/done`, body, token);
    expect((await done(staff, { note: '  ' })).body.message).toBe('请填写处置情况');
    expect((await done(chair, { note: '已检查' })).status).toBe(403); // an inspection is the district's to record
    expect((await done(staff, { note: '已会同人社局现场检查，责令补发工资' })).status).toBe(202);
    await eventually(async () => (await sys.db.selectFrom('risk_followups').select('status').where('followup_id', '=', red).executeTakeFirst())?.status === 'done', 15_000);
    expect((await done(staff, { note: '再次登记' })).status).toBe(409);

    // at a desk: the page's own form closes the yellow talk, and the page then lists no open follow-up
    const desk = browser(sys.baseUrl);
    await desk.signIn('xihu.qb');
    const before = await desk.get('/staff/risk-warning');
    const talk = /action="(\/staff\/risk-warning\/follow-ups\/risk-street-s-xixi-yellow-[^"]+\/done)"/.exec(before.html)![1];
    expect((await desk.post(talk, { note: '  ' })).status).toBe(400);
    const posted = await desk.post(talk, { note: '已约谈西溪街道工会主席' });
    expect([posted.status, posted.location]).toEqual([303, '/staff/risk-warning?done=1']);
    await eventually(async () => (await desk.get('/staff/risk-warning?done=1')).html.includes('没有未办结的处置任务'), 15_000);
  }, 60_000);
});
