/**
 * Sessions and the browser's protections (issue 14): only a hash of each token is stored; logout works in the JSON
 * API; a wrong username takes as long as a wrong password; the session cookie is Secure behind https; every
 * state-changing form needs its CSRF token; the JSON API does not believe cookies; security headers and a CSP.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/http';
import { browser } from '../helpers/browser';
import { startSystem, type System } from '../helpers/system';

let sys: System;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  sys = await startSystem('sessions');
  api = apiClient(sys.baseUrl);
});

afterAll(async () => {
  delete process.env.GONGQING_PUBLIC_URL;
  await sys?.stop();
});

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('sessions', () => {
  it('stores only a hash of each session token, and the JSON API logs out', async () => {
    const token = await api.login('beishan.sg');
    const rows = await sys.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    expect((await api.call('GET', '/api/v1/tasks', undefined, token)).status).toBe(200);
    expect((await api.call('DELETE', '/api/v1/sessions/current', undefined, token)).status).toBe(204);
    expect((await api.call('GET', '/api/v1/tasks', undefined, token)).status).toBe(401);
    expect(await sys.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', sha256(token)).execute()).toEqual([]);
  });

  it('takes as long for a username that does not exist as for a wrong password', async () => {
    const time = async (username: string) => {
      const t = performance.now();
      const r = await api.call('POST', '/api/v1/sessions', { username, password: 'not-the-password' });
      expect(r.status).toBe(401);
      return performance.now() - t;
    };
    // Alternate so that load on the machine falls on both alike; 8 of each (under the limit of 10 per account).
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i++) {
      known.push(await time('xixi.zx'));
      unknown.push(await time(`nobody-${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    console.log(`[sessions] wrong password median ${median(known).toFixed(1)} ms, unknown user median ${median(unknown).toFixed(1)} ms`);
    // Both pay one scrypt (tens of ms); without the decoy an unknown user would answer in about a millisecond.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(median(unknown)).toBeLessThan(median(known) * 2);
  });

  it('marks the session cookie Secure when the public address is https', async () => {
    process.env.GONGQING_PUBLIC_URL = 'https://gongqing.example.org';
    try {
      const page = browser(sys.baseUrl);
      await page.get('/staff/login');
      const res = await fetch(`${sys.baseUrl}/staff/login`, {
        method: 'POST', redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...page.jar].map(([k, v]) => `${k}=${v}`).join('; ') },
        body: new URLSearchParams({ username: 'xixi.sg', password: 'gongqing2026', _csrf: /value="([^"]+)"/.exec((await page.get('/staff/login')).html.match(/name="_csrf" value="[^"]+"/)![0])![1].replace(/&#x3D;/g, '=') }).toString(),
      });
      expect(res.status).toBe(303);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gq_session='))!;
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
    } finally {
      delete process.env.GONGQING_PUBLIC_URL;
    }
    const plain = browser(sys.baseUrl);
    await plain.signIn('xixi.sg');
    expect([...plain.jar.keys()]).toContain('gq_session');
  });
});

describe('cross-site requests', () => {
  it('refuses a state-changing form without its CSRF token, and accepts it with one', async () => {
    const page = browser(sys.baseUrl);
    await page.signIn('beishan.sg');
    expect(page.jar.has('gq_session')).toBe(true);
    const cookie = [...page.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    // A form on another site posting with the staff member's cookies (SameSite aside): no token, refused.
    const forged = await fetch(`${sys.baseUrl}/staff/logout`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('页面已过期');
    expect((await page.open('/staff')).status).toBe(200);
    const real = await page.post('/staff/logout', {});
    expect(real.status).toBe(303);
    expect((await page.get('/staff')).status).toBe(303);
  });

  it('does not take the session cookie as proof in the JSON API', async () => {
    const page = browser(sys.baseUrl);
    await page.signIn('beishan.sg');
    const cookie = [...page.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const read = await fetch(`${sys.baseUrl}/api/v1/tasks`, { headers: { cookie } });
    expect(read.status).toBe(401);
    const write = await fetch(`${sys.baseUrl}/api/v1/cases/GQ0000000000/actions/contactComplainant`, {
      method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ note: '伪造' }),
    });
    expect(write.status).toBe(401);
    expect(((await write.json()) as { message: string }).message).toBe('请先登录');
  });
});

describe('headers', () => {
  it('sends a strict CSP and the usual security headers on pages and the API, and no inline script or style', async () => {
    for (const path of ['/', '/staff/login', '/api/v1/organisation', '/track']) {
      const res = await fetch(`${sys.baseUrl}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
      const html = await res.text();
      if (path !== '/api/v1/organisation') {
        expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
        expect(html).not.toMatch(/\sstyle=|<style|\son[a-z]+=/);
      }
    }
  });
});
