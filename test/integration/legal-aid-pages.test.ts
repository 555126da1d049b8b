/**
 * The legal-aid kind's pages, driven as a browser would (cookies, CSRF tokens, forms) on the real system: the district
 * union's centre registers an application through the intake form (a wrong debtor line said with its line number,
 * nothing opened), sees it on the case page, records the means test and grants aid through the page's forms (a refusal
 * shown inside its form with what was typed, HTTP 400), assigns the demo lawyer, who accepts on their own page; the
 * worker opens the case on a phone with a texted code and sees the lawyer; a phone not on the case learns nothing;
 * once the lawyer closes the case, the worker rates it from the phone page (recorded as the worker's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser, unescapeHtml } from '../helpers/browser';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

let sys: System;
beforeAll(async () => {
  sys = await startSystem('legal_aid_pages');
  await sys.startWorker();
}, 120_000);
afterAll(async () => {
  await sys?.stop();
});

const WORKERS = [
  ['张建华', '13805710001', '350203198001011235', '40000'],
  ['李秀英', '13805710002', '350203198502021239', '22000.50'],
];
const DEBTOR = '杭州某建筑劳务有限公司，杭州市西湖区文三路1号，王建设，91330106MA2XXXXX12';
const STRANGER = '13805719999';
const cardOf = (html: string, action: string) => /<div class="card" id="action-[^"]+">[\s\S]*?<\/form>/.exec(html.slice(html.indexOf(`id="action-${action}"`) - 30))?.[0] ?? '';
/** A page as the person reads it, whatever phone they typed: without the form's token and the phone itself. */
const samePage = (html: string) => html.replace(/name="_csrf" value="[^"]*"/g, '').replace(/138(\*{4}|0571)\d{4}/g, 'PHONE');
const codeTo = async (phone: string) => /验证码是(\d{6})/.exec((await sys.sms.waitFor((m) => m.phone === phone && /验证码是\d{6}/.test(m.text), 30_000)).text)![1];

describe('the legal-aid pages', () => {
  it('register, screen and assign through the forms; the worker follows on a phone', async () => {
    const centre = browser(sys.baseUrl);
    await centre.signIn('xihu.qb');
    const intake = await centre.open('/staff/legal-aid/new');
    expect(intake.status).toBe(200);
    expect(intake.html).toContain('登记法律援助申请');
    expect(intake.html).toContain('北山街道总工会');
    expect(intake.html).not.toContain('name="courtRef"'); // the court's reference is the court clerk's field
    const form = {
      idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(intake.html)![1],
      workers: WORKERS.map((w) => w.join('，')).join('\n'), dispute: '拖欠工资', streetId: 's-beishan',
      facts: '两名申请人在被申请人承建的工地务工，完工后工资至今未付；工会电话调解，用人单位拒绝支付。',
    };

    // A debtor line of two items: said with its line number, nothing opened, what was typed kept.
    const bad = await centre.post('/staff/legal-aid/new', { ...form, debtors: '杭州某建筑劳务有限公司，王建设' });
    expect(bad.status).toBe(400);
    expect(unescapeHtml(bad.alert)).toContain('被申请人第1行');
    expect(bad.html).toContain('完工后工资至今未付');
    expect(bad.html).toContain('13805710002');
    expect(await sys.db.selectFrom('cases').select('case_no').where('kind', '=', 'legal_aid').execute()).toHaveLength(0);

    const opened = await centre.post('/staff/legal-aid/new', { ...form, debtors: DEBTOR });
    expect(opened.status, opened.alert).toBe(303);
    const caseNo = /\/staff\/cases\/(LA[0-9A-Z]{10})$/.exec(opened.location!)![1];
    const page = await centre.open(opened.location!);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`法律援助案件 ${caseNo}`);
    expect(page.html).toContain('审查援助申请');
    expect(page.html).toContain('到法律援助工作站申请');
    expect(page.html).toContain('杭州市西湖区文三路1号');
    expect(page.html).toContain('62000.50'); // the claims' total
    expect(page.html).toContain('id="action-recordMeansTest"');
    expect(page.html).toMatch(/class="due due-(later|soon)">/); // the 7 days to decide
    // refusing is irreversible: folded apart, behind a confirm
    expect(page.html).toMatch(/<details class="card irreversible"[^>]*>[\s\S]*id="action-refuseAid"[\s\S]*data-confirm=/);

    // A means test on the ground that needs a conclusion, without one: the rules' zh-CN word in its form, typed kept.
    const refused = await centre.post(`/staff/cases/${caseNo}/actions/recordMeansTest`, { ground: 'means_tested', note: '家庭月收入待核实' });
    expect(refused.status).toBe(400);
    const refusedCard = cardOf(refused.html, 'recordMeansTest');
    expect(refusedCard).toContain('role="alert"');
    expect(unescapeHtml(refusedCard)).toContain('请选择是否符合经济困难标准');
    expect(refusedCard).toContain('家庭月收入待核实');
    expect(refusedCard).toContain('<option value="means_tested" selected>');

    const tested = await centre.post(`/staff/cases/${caseNo}/actions/recordMeansTest`, { ground: 'migrant_worker_pay', note: '进城务工人员追索劳动报酬' });
    expect(tested.status, tested.alert).toBe(303);
    expect((await centre.open(tested.location!)).html).toContain('免予核查经济困难状况');
    const granted = await centre.post(`/staff/cases/${caseNo}/actions/grantAid`, {});
    expect(granted.status, granted.alert).toBe(303);
    const assigning = await eventually(async () => {
      const r = await centre.open(`/staff/cases/${caseNo}`);
      return r.html.includes('id="action-assignLawyer"') && r;
    }, 20_000);
    expect(assigning.html).toContain('给予法律援助');
    expect(assigning.html).toContain('指派律师');

    // The demo lawyer, by their user number; they accept on the case page, which then shows them to the worker.
    const lawyerId = (await sys.db.selectFrom('staff_users').select('id').where('username', '=', 'xihu.ls').executeTakeFirstOrThrow()).id;
    expect(cardOf(assigning.html, 'assignLawyer')).toContain('href="/staff/legal-aid/lawyers"');
    const roster = await centre.open('/staff/legal-aid/lawyers');
    expect(roster.html).toContain(`<strong>${lawyerId}</strong></td><td data-label="律师">法律援助律师吴律师</td><td data-label="律师事务所">浙江之江律师事务所`);
    const assigned = await centre.post(`/staff/cases/${caseNo}/actions/assignLawyer`, { lawyerUserId: String(lawyerId) });
    expect(assigned.status, assigned.alert).toBe(303);
    const lawyer = browser(sys.baseUrl);
    await lawyer.signIn('xihu.ls');
    const toAccept = await eventually(async () => {
      const r = await lawyer.open(`/staff/cases/${caseNo}`);
      return r.status === 200 && r.html.includes('id="action-acceptAssignment"') && r;
    }, 30_000);
    expect(toAccept.html).toContain('已指派，待律师接受');
    const accepted = await lawyer.post(`/staff/cases/${caseNo}/actions/acceptAssignment`, {});
    expect(accepted.status, accepted.alert).toBe(303);
    const representing = await eventually(async () => {
      const r = await lawyer.open(`/staff/cases/${caseNo}`);
      return r.html.includes('id="action-fileProceeding"') && r;
    }, 20_000);
    // the proceeding form starts from the claims, in yuan, in the field form.ts reads
    expect(cardOf(representing.html, 'fileProceeding')).toContain('name="claimedFen" inputmode="decimal" required value="62000.50"');

    // The second worker on a phone: number and phone → a code → the progress page with the lawyer, none of the others.
    const phone = browser(sys.baseUrl);
    expect((await phone.open('/legal-aid/track')).html).toContain('法律援助进度查询');
    const asked = await phone.post('/legal-aid/track', { caseNo: caseNo.toLowerCase(), phone: WORKERS[1][1] });
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('验证码已发送到 138****0002');
    const opens = await phone.post('/legal-aid/track/verify', { caseNo, phone: WORKERS[1][1], code: await codeTo(WORKERS[1][1]) });
    expect(opens.status, opens.alert).toBe(303);
    const progress = await phone.open(opens.location!);
    expect(progress.status).toBe(200);
    expect(progress.html).toContain(`法律援助 ${caseNo}`);
    expect(progress.html).toContain('律师正在准备证据');
    expect(progress.html).toContain('法律援助律师吴律师');
    expect(progress.html).toContain('13600000005');
    expect(progress.html).toContain('决定为您提供法律援助');
    for (const secret of [WORKERS[0][1], WORKERS[0][2], WORKERS[1][2]]) expect(progress.html).not.toContain(secret);

    // A phone not on the case: the same answer, no SMS, and a guessed code is "wrong" as it would be for a real one.
    const stranger = browser(sys.baseUrl);
    await stranger.open('/legal-aid/track');
    const probe = await stranger.post('/legal-aid/track', { caseNo, phone: STRANGER });
    expect(probe.status).toBe(200);
    expect(samePage(probe.html)).toBe(samePage(asked.html));
    expect(probe.html).toContain('如查询编号');
    const guess = await stranger.post('/legal-aid/track/verify', { caseNo, phone: STRANGER, code: '123456' });
    expect(guess.status).toBe(400);
    expect(unescapeHtml(guess.alert)).toBe('验证码不正确，请核对短信中的6位数字');
    expect((await stranger.get(`/legal-aid/track/${caseNo}`)).status).toBe(303);
    expect(sys.sms.received.filter((m) => m.phone === STRANGER)).toHaveLength(0);

    // The lawyer closes the case (an irreversible form, behind a confirm); the worker rates it on the phone, as 'worker'.
    expect(cardOf(representing.html, 'closeCase')).toContain('data-confirm=');
    const closed = await lawyer.post(`/staff/cases/${caseNo}/actions/closeCase`, { outcome: 'settled', note: '用人单位已当面支付全部工资' });
    expect(closed.status, closed.alert).toBe(303);
    const rateNow = await eventually(async () => {
      const r = await phone.open(`/legal-aid/track/${caseNo}`);
      return r.html.includes('评价本次法律援助') && r;
    }, 20_000);
    expect(rateNow.html).toContain('与用人单位协商和解');
    const rated = await phone.post(`/legal-aid/track/${caseNo}/rate`, { rating: '4', comment: '律师很负责' });
    expect(rated.status, rated.alert).toBe(200);
    expect(rated.html).toContain('感谢您的评价！');
    expect((await eventually(async () => {
      const r = await centre.open(`/staff/cases/${caseNo}`);
      return r.html.includes('<dt>职工评价</dt><dd>4星</dd>') && r;
    }, 20_000)).html).toContain('已办结');
    const events = await sys.db.selectFrom('case_events').select(['type', 'actor_role']).where('case_no', '=', caseNo).where('type', '=', 'rated').execute();
    expect(events).toEqual([{ type: 'rated', actor_role: 'worker' }]);
  }, 240_000);
});
