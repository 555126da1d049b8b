/**
 * Where a guess can succeed (a staff password, a code that opens a case) a client gets a bounded number of tries per
 * target, then a 429 with a zh-CN message; other accounts and other cases are not affected. Codes themselves are
 * limited per phone and per client address, so nobody can make the system text a stranger over and over, and each
 * code dies after a few wrong tries. No worker is needed: every request here is answered before a workflow is involved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/http';
import { browser } from '../helpers/browser';
import { startSystem, type System } from '../helpers/system';
import { codeSentTo, freshPhone } from '../helpers/worker-proof';

let sys: System;
let api: ReturnType<typeof apiClient>;
const TOO_MANY = /^尝试次数过多，请\d+分钟后再试$/;

beforeAll(async () => {
  sys = await startSystem('guesses');
  api = apiClient(sys.baseUrl);
});

afterAll(async () => {
  await sys?.stop();
});

describe('guess limits', () => {
  it('stops password guesses for one account after 10 tries, across the JSON API and the sign-in page', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await api.call('POST', '/api/v1/sessions', { username: 'cuiyuan.sg', password: `guess-${i}` });
      expect(r.status).toBe(401);
    }
    const page = browser(sys.baseUrl);
    await page.get('/staff/login');
    for (let i = 0; i < 4; i++) expect((await page.post('/staff/login', { username: 'cuiyuan.sg', password: `page-${i}` })).status).toBe(401);

    const json = await api.call('POST', '/api/v1/sessions', { username: 'cuiyuan.sg', password: 'gongqing2026' });
    expect(json.status).toBe(429);
    expect(json.body).toMatchObject({ error: 'TOO_MANY_ATTEMPTS' });
    expect(json.body.message).toMatch(TOO_MANY);
    const blocked = await page.post('/staff/login', { username: 'cuiyuan.sg', password: 'gongqing2026' });
    expect(blocked.status).toBe(429);
    expect(blocked.alert).toMatch(TOO_MANY);

    // Another account from the same address signs in as usual.
    expect(await api.login('xixi.sg')).toEqual(expect.any(String));
  });

  it('stops code guesses for one case after 30 tries, on every route that checks one', async () => {
    const caseNo = 'GQ00000000AB';
    const wrong = { caseNo, phone: '13800000000', code: '000000' };
    for (let i = 0; i < 20; i++) expect((await api.call('POST', '/api/v1/worker-sessions', wrong)).status).toBe(422);
    const page = browser(sys.baseUrl);
    await page.get('/track');
    for (let i = 0; i < 10; i++) expect((await page.post('/track/verify', wrong)).status).toBe(400);

    const json = await api.call('POST', '/api/v1/worker-sessions', wrong);
    expect(json.status).toBe(429);
    expect(json.body.message).toMatch(TOO_MANY);
    const blocked = await page.post('/track/verify', wrong);
    expect(blocked.status).toBe(429);
    expect(blocked.alert).toMatch(TOO_MANY);

    // Another case is still answered (and still says only that the code is not valid).
    const other = await api.call('POST', '/api/v1/worker-sessions', { ...wrong, caseNo: 'GQ00000000CD' });
    expect(other).toMatchObject({ status: 422, body: { message: '验证码已失效，请重新获取' } });
  });

  it('kills a code after 5 wrong tries: the right code is refused after that', async () => {
    const phone = freshPhone();
    const seen = sys.sms.received.length;
    expect((await api.call('POST', '/api/v1/phone-codes', { phone, purpose: 'file' })).status).toBe(202);
    const code = await codeSentTo(sys, phone, seen);
    const wrongCode = code === '111111' ? '222222' : '111111';
    const body = { complainantName: '王小明', complainantPhone: phone, enterpriseId: 'e-jingmi', category: 'unpaid_wages', description: '欠薪', claimedFen: 0, workerCount: 1 };
    for (let i = 0; i < 4; i++) {
      const r = await api.call('POST', '/api/v1/grievances', { ...body, phoneCode: wrongCode });
      expect(r.body.message).toBe('验证码不正确，请核对短信中的6位数字');
    }
    expect((await api.call('POST', '/api/v1/grievances', { ...body, phoneCode: wrongCode })).body.message).toBe('验证码已失效，请重新获取');
    expect((await api.call('POST', '/api/v1/grievances', { ...body, phoneCode: code })).body.message).toBe('验证码已失效，请重新获取');
    expect(await sys.db.selectFrom('cases').select('case_no').execute()).toEqual([]);
  });

  it('texts one phone at most one code a minute, and one address at most 20 codes an hour', async () => {
    const phone = freshPhone();
    expect((await api.call('POST', '/api/v1/phone-codes', { phone, purpose: 'file' })).status).toBe(202);
    const again = await api.call('POST', '/api/v1/phone-codes', { phone, purpose: 'file' });
    expect(again.status).toBe(429);
    expect(again.body.message).toMatch(/^验证码已发送，请\d+秒后再重新获取$/);

    // This file's address has asked for 2 codes above (and none for tracking); 18 more fresh phones reach 20.
    const sentBefore = sys.sms.received.length;
    let accepted = 0;
    for (let i = 0; i < 40 && accepted < 30; i++) {
      const r = await api.call('POST', '/api/v1/phone-codes', { phone: freshPhone(), purpose: 'file' });
      if (r.status !== 202) {
        expect(r.status).toBe(429);
        expect(r.body.message).toMatch(TOO_MANY);
        break;
      }
      accepted += 1;
    }
    const perHour = 20;
    const codesFromHere = Number((await sys.db.selectFrom('phone_codes').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(codesFromHere).toBe(perHour);
    expect(sys.sms.received.length - sentBefore).toBe(accepted);
    // Tracking asks count too, and answer the same whether or not the number and phone belong together.
    const probe = await api.call('POST', '/api/v1/phone-codes', { phone: freshPhone(), purpose: 'track', caseNo: 'GQ00000000EF' });
    expect(probe.status).toBe(429);
  });
});
