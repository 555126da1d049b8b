/**
 * Where a guess can succeed (a staff password, the phone that proves a case), a client gets a bounded number of tries
 * per target, then a 429 with a zh-CN message; other accounts and other cases are not affected. No worker is needed:
 * every request here is answered before a workflow is involved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';

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

async function postForm(path: string, form: Record<string, string>) {
  const res = await fetch(`${sys.baseUrl}${path}`, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(), redirect: 'manual',
  });
  const html = await res.text();
  return { status: res.status, message: /role="alert">([^<]*)</.exec(html)?.[1] ?? '' };
}

describe('guess limits', () => {
  it('stops password guesses for one account after 10 tries, across the JSON API and the sign-in page', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await api.call('POST', '/api/v1/sessions', { username: 'cuiyuan.sg', password: `guess-${i}` });
      expect(r.status).toBe(401);
    }
    for (let i = 0; i < 4; i++) expect((await postForm('/staff/login', { username: 'cuiyuan.sg', password: `page-${i}` })).status).toBe(401);

    const json = await api.call('POST', '/api/v1/sessions', { username: 'cuiyuan.sg', password: 'gongqing2026' });
    expect(json.status).toBe(429);
    expect(json.body).toMatchObject({ error: 'TOO_MANY_ATTEMPTS' });
    expect(json.body.message).toMatch(TOO_MANY);
    const page = await postForm('/staff/login', { username: 'cuiyuan.sg', password: 'gongqing2026' });
    expect(page.status).toBe(429);
    expect(page.message).toMatch(TOO_MANY);

    // Another account from the same address signs in as usual.
    expect(await api.login('xixi.sg')).toEqual(expect.any(String));
  });

  it('stops phone guesses for one tracking number after 30 tries, on every route that proves it', async () => {
    const caseNo = 'GQ00000000AB';
    const wrong = { phone: '13800000000' };
    for (let i = 0; i < 10; i++) expect((await api.call('POST', `/api/v1/grievances/${caseNo}/progress`, wrong)).status).toBe(404);
    for (let i = 0; i < 10; i++) expect((await postForm('/track', { caseNo, ...wrong })).status).toBe(404);
    for (let i = 0; i < 10; i++) {
      expect((await api.call('POST', `/api/v1/grievances/${caseNo}/withdrawal`, { ...wrong, reason: '试试' })).status).toBe(404);
    }

    const json = await api.call('POST', `/api/v1/grievances/${caseNo}/progress`, wrong);
    expect(json.status).toBe(429);
    expect(json.body.message).toMatch(TOO_MANY);
    const page = await postForm(`/track/${caseNo}/note`, { ...wrong, text: '补充' });
    expect(page.status).toBe(429);
    expect(page.message).toMatch(TOO_MANY);

    // Another tracking number is still answered (and still says only "wrong number or phone").
    const other = await api.call('POST', '/api/v1/grievances/GQ00000000CD/progress', wrong);
    expect(other).toMatchObject({ status: 404, body: { message: '查询编号或手机号不正确' } });
  });

  it('does not count a malformed request as a guess', async () => {
    for (let i = 0; i < 12; i++) {
      const r = await api.call('POST', '/api/v1/sessions', { username: 'beishan.zx' });
      expect(r.status).toBe(400);
    }
    expect(await api.login('beishan.zx')).toEqual(expect.any(String));
  });
});
