/**
 * A worker applies for legal aid online, on the real system: from the phone page (获取验证码 keeps what was typed; a
 * wrong ID number is refused with the form as typed and does not spend the code; the application lands on the case's
 * progress page, signed in), and through the JSON API (a wrong code refused and no case written; a schema refusal
 * named as the form names the field; the same submission sent again is the same case; the token opens the case). The
 * centre's staff (xihu.qb) find each case in screening, as an application made online by the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCheckCharacter } from '../../workflows/kinds/mediation/id-number';
import { browser, unescapeHtml } from '../helpers/browser';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { codeSentTo, freshPhone } from '../helpers/worker-proof';

let sys: System;
let centre: string;
const api = () => apiClient(sys.baseUrl);

beforeAll(async () => {
  sys = await startSystem('legal_aid_online');
  await sys.startWorker();
  centre = await api().login('xihu.qb');
}, 120_000);
afterAll(async () => {
  await sys?.stop();
});

const ID_NUMBER = withCheckCharacter('33010619850315123');
/** the same number with another check character: the right shape, the wrong checksum */
const BAD_ID_NUMBER = ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1');
const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const partiesOf = (phone: string) => sys.db.selectFrom('case_parties').select('case_no').where('phone', '=', phone).execute();

/** What the centre's staff see of an application: the live view (API) and the case page's words. */
async function asCentre(caseNo: string) {
  const r = await api().call('GET', `/api/v1/cases/${caseNo}`, undefined, centre);
  expect(r.status).toBe(200);
  return r.body.view;
}

describe('applying for legal aid online', () => {
  it('from the phone page: a code, a refused ID number that keeps the code, then the progress page', async () => {
    const phone = browser(sys.baseUrl);
    const track = await phone.open('/legal-aid/track');
    expect(track.html).toContain('href="/legal-aid/apply"');
    const form = await phone.open('/legal-aid/apply');
    expect(form.status).toBe(200);
    expect(form.html).toContain('申请法律援助');
    expect(form.html).toContain('<option value="s-beishan">北山街道总工会</option>');
    const mobile = freshPhone();
    const typed = {
      idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(form.html)![1],
      name: '周师傅', phone: mobile, idNumber: BAD_ID_NUMBER, employerName: '杭州某装修工程有限公司', employerAddress: '', employerRepresentative: '',
      dispute: '拖欠工资', facts: '2025年3月起在该公司做木工，完工后老板拖欠三个月工资共18600元，多次讨要未果。', claimedYuan: '18600', streetId: 's-cuiyuan',
    };

    const seen = sys.sms.received.length;
    const asked = await phone.post('/legal-aid/apply/code', typed);
    expect(asked.status, asked.alert).toBe(200);
    expect(asked.html).toContain(`验证码已发送至 ${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    expect(asked.html).toContain('多次讨要未果');
    expect(asked.html).toContain(`value="${typed.idempotencyKey}"`);
    const code = await codeSentTo(sys, mobile, seen);

    // The ID number's check character is wrong: said, what was typed kept (not the code), and the code still good.
    const refused = await phone.post('/legal-aid/apply', { ...typed, code });
    expect(refused.status).toBe(400);
    expect(unescapeHtml(refused.alert)).toContain('身份证号码不正确');
    expect(refused.html).toContain('多次讨要未果');
    expect(refused.html).toContain(`value="${BAD_ID_NUMBER}"`);
    expect(refused.html).not.toContain(`value="${code}"`);
    expect(await partiesOf(mobile)).toEqual([]);

    const filed = await phone.post('/legal-aid/apply', { ...typed, idNumber: ID_NUMBER.toLowerCase(), code });
    expect(filed.status, unescapeHtml(filed.alert)).toBe(303);
    const caseNo = /^\/legal-aid\/track\/(LA[0-9A-Z]{10})$/.exec(filed.location!)![1];
    const progress = await phone.open(filed.location!);
    expect(progress.status).toBe(200);
    expect(progress.html).toContain(`法律援助 ${caseNo}`);
    expect(progress.html).toContain('工会法律援助工作站正在审查您的申请');

    // The centre of the street's district screens it, as the worker's own application; the employer's unknowns marked.
    const view = await asCentre(caseNo);
    expect(view).toMatchObject({ kind: 'legal_aid', stage: 'screening', source: 'online', dispute: '拖欠工资', districtId: 'd-xihu', streetId: 's-cuiyuan' });
    expect(view.workers).toMatchObject([{ name: '周师傅', phone: mobile, idNumber: ID_NUMBER, claimedFen: 1_860_000 }]);
    expect(view.debtors).toMatchObject([{ name: '杭州某装修工程有限公司', address: '（待补充）', representative: { name: '（待补充）' } }]);
    const staffPage = browser(sys.baseUrl);
    await staffPage.signIn('xihu.qb');
    const page = await staffPage.open(`/staff/cases/${caseNo}`);
    expect(page.html).toContain('职工在线申请');
    expect(page.html).toContain('id="action-recordMeansTest"');
    const applied = await sys.db.selectFrom('case_events').select(['actor', 'actor_role']).where('case_no', '=', caseNo).where('type', '=', 'legal_aid_applied').executeTakeFirstOrThrow();
    expect(applied).toEqual({ actor: '周师傅', actor_role: 'worker' });

    // The code is spent: the same form again with another key opens nothing.
    const again = await phone.post('/legal-aid/apply', { ...typed, idNumber: ID_NUMBER, code, idempotencyKey: 'another-key-0001' });
    expect(again.status).toBe(400);
    expect(unescapeHtml(again.alert)).toContain('验证码已失效');
    expect(await partiesOf(mobile)).toHaveLength(1);
  }, 120_000);

  it('through the JSON API: a wrong code and a bad ID number refused without a case, then 201 with the worker\u2019s token', async () => {
    const mobile = freshPhone();
    const body = {
      name: '吴师傅', phone: mobile, idNumber: ID_NUMBER, employerName: '杭州某物流有限公司', employerAddress: '杭州市西湖区某路8号',
      employerRepresentative: '李总', dispute: '拖欠加班费', facts: '每天工作12小时，公司不支付加班费。', claimedFen: 2_400_050, streetId: 's-xixi',
      idempotencyKey: `online-json-${mobile}`,
    };
    const url = '/api/v1/legal-aid/online-applications';

    // A schema refusal names the field as the form does; a street of no district is refused before any code.
    const missing = await api().call('POST', url, { ...body, idNumber: undefined, code: '123456' });
    expect([missing.status, missing.body]).toEqual([400, { error: 'VALIDATION', message: '请填写身份证号码' }]);
    const nowhere = await api().call('POST', url, { ...body, streetId: 'not-a-street', code: '123456' });
    expect([nowhere.status, nowhere.body.message]).toEqual([422, '请选择您工作所在的街道']);

    const seen = sys.sms.received.length;
    expect((await api().call('POST', '/api/v1/phone-codes', { phone: mobile, purpose: 'file' })).status).toBe(202);
    const code = await codeSentTo(sys, mobile, seen);

    const wrong = await api().call('POST', url, { ...body, code: otherCode(code) });
    expect([wrong.status, wrong.body]).toEqual([422, { error: 'BAD_REQUEST', message: '验证码不正确，请核对短信中的6位数字' }]);
    const badId = await api().call('POST', url, { ...body, idNumber: BAD_ID_NUMBER, code });
    expect([badId.status, badId.body.message]).toEqual([422, '身份证号码不正确（出生日期或校验码不对），请核对后重新填写']);
    expect(await partiesOf(mobile)).toEqual([]);

    const filed = await api().call('POST', url, { ...body, code });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body.caseNo).toMatch(/^LA[0-9A-Z]{10}$/);
    expect(filed.body.accessToken).toMatch(/^gqw_/);
    // The answer was lost and the client sends the same submission again: the same case, no second one.
    const retried = await api().call('POST', url, { ...body, code });
    expect([retried.status, retried.body.caseNo]).toEqual([201, filed.body.caseNo]);
    expect(await partiesOf(mobile)).toHaveLength(1);

    // The token opens the worker's progress page, as the signed-in cookie does.
    const page = await fetch(`${sys.baseUrl}/legal-aid/track/${filed.body.caseNo}`, { headers: { authorization: `Bearer ${filed.body.accessToken}` }, redirect: 'manual' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('工会法律援助工作站正在审查您的申请');

    const view = await asCentre(filed.body.caseNo);
    expect(view).toMatchObject({ stage: 'screening', source: 'online', dispute: '拖欠加班费', streetId: 's-xixi' });
    expect(view.debtors).toMatchObject([{ name: '杭州某物流有限公司', address: '杭州市西湖区某路8号', representative: { role: '法定代表人', name: '李总' } }]);
  }, 120_000);
});
