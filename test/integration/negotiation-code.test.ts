/**
 * The 协商码 of a wage round (issue 22), through the API and the pages on the real system: 20 workers on 20 phones
 * suggest (each after a code texted to the phone), the chair removes one from the staff 协商码 page and records three
 * offers; the page and the round's own view count 19. Bad input is refused in zh-CN with a 4xx and records nothing;
 * a closed round takes no more posts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseViewQuery } from '../../workflows/shared/definitions';
import type { WageRoundView } from '../../workflows/kinds/wage-negotiation/model';
import { browser } from '../helpers/browser';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { CHAIR, CITY_UNION, ENTERPRISE, negotiatingRound, postAsWorker, postCode } from '../helpers/wage-code';
import { eventually } from '../helpers/time-skipping';
import { freshPhone } from '../helpers/worker-proof';

// 20 workers and the bad input from this one address: the per-address code limit is configuration, raised for this file.
Object.assign(process.env, { GONGQING_CODES_PER_CLIENT_HOUR: '1000' });

let sys: System;
let api: ReturnType<typeof apiClient>;
let round: { caseNo: string; code: string; chair: string };
const phones: string[] = [];

const postRows = () => sys.db.selectFrom('wage_posts').selectAll().where('case_no', '=', round.caseNo).orderBy('post_no').execute();
const liveView = () => sys.temporal.workflow.getHandle(`wage_negotiation-${round.caseNo}`).query(caseViewQuery) as Promise<WageRoundView>;
const masked = (p: string) => `${p.slice(0, 3)}****${p.slice(-4)}`;

beforeAll(async () => {
  sys = await startSystem('wagecode');
  // The address the QR code encodes is the app's public URL: here, the test server itself.
  process.env.GONGQING_PUBLIC_URL = sys.baseUrl;
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
  round = await negotiatingRound(sys);
});

afterAll(async () => {
  await sys?.stop();
});

describe('a round on its 协商码 page', () => {
  it('takes 20 suggestions from 20 phones, one removed by the chair, beside three offers, and counts 19', async () => {
    // The chair's staff page gives the public address (what the QR code encodes) and the QR code itself.
    const desk = browser(sys.baseUrl);
    expect((await desk.signIn(CHAIR)).status).toBe(303);
    const staffPage = await desk.get(`/staff/cases/${round.caseNo}/negotiation-code`);
    expect(staffPage.status).toBe(200);
    const url = `${sys.baseUrl}/negotiation/${round.code}`;
    expect(staffPage.html).toContain(`>${url}</a>`);
    const png = await fetch(`${sys.baseUrl}/staff/cases/${round.caseNo}/negotiation-code/qr.png?download=1`, { headers: { cookie: [...desk.jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toContain('attachment');
    expect([...new Uint8Array(await png.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect((await desk.get(`/staff/cases/${round.caseNo}/negotiation-code/poster`)).html).toContain(url);

    // Two workers post from the page itself (no JavaScript: the whole form goes with "获取验证码"), 18 through the API.
    for (let i = 0; i < 2; i++) {
      const phone = freshPhone();
      phones.push(phone);
      const page = browser(sys.baseUrl);
      const opened = await page.open(new URL(url).pathname);
      expect(opened.html).toContain(`${ENTERPRISE} 2026年度工资集体协商`);
      expect(opened.html).toContain('工会与企业正在协商工资');
      const seen = sys.sms.received.length;
      const text = `建议${i + 1}：计件单价随签收率提高`;
      const asked = await page.post(`/negotiation/${round.code}/phone-code`, { kind: 'suggestion', text, phone });
      expect(asked.status).toBe(200);
      expect(asked.html).toContain(`验证码已发送至 ${masked(phone)}`);
      expect(asked.html).toContain(text);
      const m = await sys.sms.waitFor((x, j = sys.sms.received.indexOf(x)) => x.phone === phone && j >= seen && /验证码是\d{6}/.test(x.text), 10_000);
      const key = /name="_key" value="([^"]+)"/.exec(asked.html)![1];
      const posted = await page.post(`/negotiation/${round.code}/posts`, { _key: key, kind: 'suggestion', text, phone, phoneCode: /验证码是(\d{6})/.exec(m.text)![1] });
      expect(posted.status, posted.alert).toBe(303);
      const after = await page.open(posted.location!);
      expect(after.html).toContain('留言已发布');
      expect(after.html).toContain(text);
    }
    for (let i = 2; i < 19; i++) {
      const phone = freshPhone();
      phones.push(phone);
      const r = await postAsWorker(sys, round.code, phone, { text: `建议${i + 1}：第${i + 1}位职工的建议`, idempotencyKey: `wage-test-${i}` });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    // The 20th is sent twice with the same key and code (an answer lost on the way): posted once, answered alike.
    phones.push(freshPhone());
    const last = { kind: 'suggestion', text: '建议20：第20位职工的建议', phone: phones[19], phoneCode: await postCode(sys, round.code, phones[19]), idempotencyKey: 'wage-test-19' };
    for (let n = 0; n < 2; n++) expect((await api.call('POST', `/api/v1/negotiation-rounds/${round.code}/posts`, last)).status).toBe(201);
    expect(await postRows()).toHaveLength(20);

    // Three offers: the union's proposal, the employer's answer, the union's second offer.
    const offers = [
      ['union', '计件奖励：签收率≥96%时每件奖励0.15元'], ['employer', '计件奖励：签收率≥98%时每件奖励0.10元'], ['union', '计件奖励：签收率≥96%时每件奖励0.10–0.15元'],
    ] as const;
    for (const [side, line] of offers) {
      const [item, terms] = line.split('：');
      expect((await api.call('POST', `/api/v1/cases/${round.caseNo}/actions/makeOffer`, { side, clauses: [{ item, terms }, { item: '工资增长', terms: '月工资增长5%' }] }, round.chair)).status).toBe(200);
    }

    // The chair removes post 7 from the staff 协商码 page (its form posts to the one staff action route).
    const beforeRemoval = await desk.get(`/staff/cases/${round.caseNo}/negotiation-code`);
    expect(beforeRemoval.html).toContain('action="/staff/cases/' + round.caseNo + '/actions/moderatePost"');
    const removed = await desk.post(`/staff/cases/${round.caseNo}/actions/moderatePost`, { postNo: '7', reason: '与协商无关的广告' });
    expect(removed.status, removed.alert).toBe(303);
    expect((await desk.get(`/staff/cases/${round.caseNo}/negotiation-code`)).html).toMatch(/#7 · [^\n]*已删除/);

    const page = await browser(sys.baseUrl).open(`/negotiation/${round.code}`);
    expect(/id="suggestion-count">(\d+)</.exec(page.html)![1]).toBe('19');
    expect(page.html).not.toContain('建议7：第7位职工的建议');
    expect(page.html).toContain('建议8：第8位职工的建议');
    for (const p of phones) expect(page.html).not.toContain(p);
    expect(page.html).toContain(masked(phones[0]));
    expect(page.html).not.toContain(masked(phones[6]));
    expect(page.html.match(/<article class="post"/g)).toHaveLength(19);
    for (const [, line] of offers) expect(page.html).toContain(line);
    expect(page.html).toContain('第2轮 · 职工方（工会）报价');

    const json = (await api.call('GET', `/api/v1/negotiation-rounds/${round.code}`)).body;
    expect(json).toMatchObject({ enterpriseName: ENTERPRISE, year: 2026, stage: 'negotiating', open: true, suggestions: 19, comments: 0, agreement: null });
    expect(json.offers.map((o: { side: string; round: number }) => [o.side, o.round])).toEqual([['union', 1], ['employer', 1], ['union', 2]]);
    expect(json.posts).toHaveLength(19);
    expect(json.posts[0]).toMatchObject({ postNo: 1, phoneMasked: masked(phones[0]), kind: 'suggestion' });
    expect(JSON.stringify(json)).not.toContain(phones[0]);

    const view = await liveView();
    expect(view).toMatchObject({ suggestions: 19, comments: 0, removedPosts: 1, postCount: 20, removedPostNos: [7] });
    expect(view.offers).toHaveLength(3);
  }, 120_000);
});

describe('bad input', () => {
  it('is refused in zh-CN with a 4xx and records nothing', async () => {
    const before = (await postRows()).length;
    const phone = freshPhone();
    const post = (body: object) => api.call('POST', `/api/v1/negotiation-rounds/${round.code}/posts`, { kind: 'suggestion', text: '食堂补贴也应纳入协商', phone, phoneCode: '123456', ...body });
    const zh = (r: { body: { message?: string } }) => expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/);

    // No code at all: the schema says which field is missing; and a code never asked for is spent nowhere.
    const noCode = await api.call('POST', `/api/v1/negotiation-rounds/${round.code}/posts`, { kind: 'suggestion', text: '没有验证码', phone });
    expect(noCode.status).toBe(400);
    expect(noCode.body.message).toContain('验证码');
    const neverAsked = await post({});
    expect(neverAsked.status).toBe(422);
    zh(neverAsked);
    // A wrong code after a real one was sent.
    const real = await postCode(sys, round.code, phone);
    const wrong = await post({ phoneCode: real === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toContain('验证码不正确');
    // Empty and too long texts, an unknown kind: refused before the code is spent.
    for (const body of [{ text: '' }, { text: '   ' }, { text: '长'.repeat(501) }, { kind: 'ad' }]) {
      const r = await post({ ...body, phoneCode: real });
      expect(r.status, JSON.stringify(body)).toBe(400);
      zh(r);
    }
    // The page: no code, then an empty text, both shown again in the form with the reason.
    const page = browser(sys.baseUrl);
    await page.open(`/negotiation/${round.code}`);
    const pageNoCode = await page.post(`/negotiation/${round.code}/posts`, { kind: 'suggestion', text: '没有验证码', phone });
    expect(pageNoCode.status).toBe(400);
    expect(pageNoCode.alert).toBe('请先获取并填写短信验证码');
    expect(pageNoCode.html).toContain('没有验证码');
    const pageEmpty = await page.post(`/negotiation/${round.code}/posts`, { kind: 'suggestion', text: '', phone, phoneCode: real });
    expect(pageEmpty.status).toBe(400);
    expect(pageEmpty.alert).toBe('留言内容须为1到500个字');
    // The code survived all that, and is good for one post.
    expect((await post({ phoneCode: real })).status).toBe(201);
    expect((await postRows()).length).toBe(before + 1);

    // The per-phone daily cap: counted before the code, so the refusal spends nothing.
    process.env.GONGQING_WAGE_POSTS_PER_PHONE_DAY = '1';
    try {
      const capped = await post({ phoneCode: '654321' });
      expect(capped.status).toBe(429);
      zh(capped);
    } finally {
      delete process.env.GONGQING_WAGE_POSTS_PER_PHONE_DAY;
    }

    // Unknown codes: a zh-CN 404 page and a 404 answer, never a 5xx.
    for (const unknown of ['AAAAAAAAAAAAAAAA', 'short', `${'x'.repeat(64)}`]) {
      const p = await browser(sys.baseUrl).open(`/negotiation/${unknown}`);
      expect(p.status, unknown).toBe(404);
      expect(p.html).toContain('该协商码不存在或已失效');
      expect((await api.call('GET', `/api/v1/negotiation-rounds/${unknown}`)).status).toBe(404);
      expect((await api.call('POST', `/api/v1/negotiation-rounds/${unknown}/phone-codes`, { phone })).status).toBe(404);
    }
    expect((await postRows()).length).toBe(before + 1);
  }, 60_000);

  it('keeps the 协商码 page from people who may not read the round', async () => {
    const other = browser(sys.baseUrl);
    await other.signIn('jingmi.zx');
    expect((await other.get(`/staff/cases/${round.caseNo}/negotiation-code`)).status).toBe(403);
    expect((await other.get(`/staff/cases/${round.caseNo}/negotiation-code/qr.png`)).status).toBe(403);
    expect((await browser(sys.baseUrl).get(`/staff/cases/${round.caseNo}/negotiation-code`)).status).toBe(303);
  });
});

describe('a closed round', () => {
  it('takes no more posts, and says so in zh-CN', async () => {
    const cityUnion = await api.login(CITY_UNION);
    const phone = freshPhone();
    const code = await postCode(sys, round.code, phone);
    const closed = await api.call('POST', `/api/v1/cases/${round.caseNo}/actions/closeRound`, { reason: '企业停产，本年度不再协商' }, cityUnion);
    expect(closed.status).toBe(200);
    await eventually(async () => (await sys.db.selectFrom('cases').select('status').where('case_no', '=', round.caseNo).executeTakeFirst())?.status === 'closed');
    const before = (await postRows()).length;
    const refused = await api.call('POST', `/api/v1/negotiation-rounds/${round.code}/posts`, { kind: 'comment', text: '还能留言吗', phone, phoneCode: code });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('协商已结束');
    expect((await api.call('POST', `/api/v1/negotiation-rounds/${round.code}/phone-codes`, { phone: freshPhone() })).status).toBe(409);
    const page = await browser(sys.baseUrl).open(`/negotiation/${round.code}`);
    expect(page.html).toContain('不再接受留言');
    expect(page.html).not.toContain('获取验证码');
    expect((await postRows()).length).toBe(before);
  });
});

describe('a round whose contract took effect', () => {
  it('publishes the agreed clauses on the 协商码 page, and takes no more posts', async () => {
    // Every step dated 40 days back, so that HR's 15 days (Art. 47) have passed once the contract is filed.
    const on = shanghaiDate(Date.now() - 40 * 86_400_000);
    const r = await negotiatingRound(sys, 2025, on);
    const act = async (action: string, payload: object) => {
      const res = await api.call('POST', `/api/v1/cases/${r.caseNo}/actions/${action}`, payload, r.chair);
      expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
    };
    await act('makeOffer', { side: 'union', clauses: [{ item: '计件奖励', terms: '签收率≥96%时每件奖励0.10–0.15元' }, { item: '工资增长', terms: '月工资增长5%' }] });
    await act('reachAgreement', { offerNo: 1 });
    await act('recordCongressVote', { heldOn: on, representatives: 30, present: 25, inFavour: 20 });
    await act('recordSigning', { signedOn: on, unionSignatory: '钱主席', employerSignatory: '周总' });
    await act('fileWithHr', { filedOn: on });
    await eventually(async () => (await sys.db.selectFrom('wage_rounds').select('published_at').where('case_no', '=', r.caseNo).executeTakeFirst())?.published_at, 20_000);

    const json = (await api.call('GET', `/api/v1/negotiation-rounds/${r.code}`)).body;
    expect(json.agreement.lines).toEqual(['1. 计件奖励：签收率≥96%时每件奖励0.10–0.15元', '2. 工资增长：月工资增长5%']);
    expect(json.agreement.effectiveOn).toBe(shanghaiDate(Date.now()));
    const page = await browser(sys.baseUrl).open(`/negotiation/${r.code}`);
    expect(page.html).toContain('工资专项集体合同（已生效）');
    expect(page.html).toContain('1. 计件奖励：签收率≥96%时每件奖励0.10–0.15元');
    expect(page.html).toContain('工资专项集体合同已生效');
    expect(json.open).toBe(false);
    expect((await api.call('POST', `/api/v1/negotiation-rounds/${r.code}/phone-codes`, { phone: freshPhone() })).status).toBe(409);
  }, 60_000);
});
