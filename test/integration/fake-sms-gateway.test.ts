/**
 * The fake SMS gateway seen from the worker's side: every case goes through the real `http` adapter over loopback, so
 * what it proves (dedupe by key, refusals, a held answer) is what the integration and fault tests rely on.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { httpGateway } from '../../activities/sms/http-gateway';
import type { SmsGateway } from '../../activities/sms/gateway';
import { startFakeSmsGateway, type FakeSmsGateway } from '../../scripts/fake-sms-gateway';

const TOKEN = 'gw-secret';
const PHONE = '13912345678';
let gw: FakeSmsGateway;
let sender: SmsGateway;

beforeEach(async () => {
  gw = await startFakeSmsGateway({ token: TOKEN });
  sender = httpGateway({ url: gw.url, token: TOKEN, timeoutMs: 5_000 });
});
afterEach(() => gw.close());

const sms = (key: string, body = '【工情码】您的诉求已受理。', phone = PHONE) => ({ idempotencyKey: key, phone, body });

describe('fake SMS gateway through the http adapter', () => {
  it('delivers a message with the bearer token and serves it back as JSON without the token', async () => {
    await sender.deliver(sms('grievance-1:intake-receipt:13912345678'));
    expect(gw.received).toEqual([
      expect.objectContaining({ key: 'grievance-1:intake-receipt:13912345678', phone: PHONE, text: '【工情码】您的诉求已受理。', auth: `Bearer ${TOKEN}` }),
    ]);
    expect(gw.posts).toEqual([expect.objectContaining({ status: 200, duplicate: false })]);
    expect(gw.inbox(PHONE)).toHaveLength(1);
    expect(gw.inbox('13800000000')).toHaveLength(0);

    const res = await fetch(`${gw.inboxUrl}messages.json?phone=${PHONE}`);
    const { messages } = (await res.json()) as { messages: Array<Record<string, unknown>> };
    expect(messages).toEqual([expect.objectContaining({ id: gw.received[0].id, text: '【工情码】您的诉求已受理。' })]);
    expect(messages[0].auth).toBeUndefined();
  });

  it('accepts a duplicate key once but answers 200, with the same id, every time', async () => {
    await sender.deliver(sms('k-dup'));
    await sender.deliver(sms('k-dup'));
    const again = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-dup', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ phone: PHONE, text: 'x', id: 'k-dup' }),
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, id: gw.received[0].id });
    expect(gw.received).toHaveLength(1);
    expect(gw.posts.map((p) => [p.status, p.duplicate])).toEqual([[200, false], [200, true], [200, true]]);
  });

  it('refuses a rejected phone number permanently with 400 invalid_number', async () => {
    gw.behaviour.rejectPhones.add('10000000000');
    await expect(sender.deliver(sms('k-bad', 'x', '10000000000'))).rejects.toThrow(/400/);
    await expect(sender.deliver(sms('k-bad', 'x', '10000000000'))).rejects.toThrow(/400/);
    expect(gw.received).toHaveLength(0);
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'idempotency-key': 'k-bad', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ phone: '10000000000', text: 'x' }),
    });
    expect(await res.json()).toMatchObject({ error: 'invalid_number', message: expect.any(String) });
  });

  it('answers 503 while down and accepts once it is back', async () => {
    gw.behaviour.down = true;
    await expect(sender.deliver(sms('k-down'))).rejects.toThrow(/503/);
    gw.behaviour.down = false;
    await sender.deliver(sms('k-down'));
    expect(gw.received.map((m) => m.key)).toEqual(['k-down']);
    expect(gw.posts.map((p) => p.status)).toEqual([503, 200]);
  });

  it('refuses the first two attempts of each key, then accepts it', async () => {
    gw.behaviour.refuseFirst = 2;
    for (const key of ['k-a', 'k-b']) {
      await expect(sender.deliver(sms(key))).rejects.toThrow(/503/);
      await expect(sender.deliver(sms(key))).rejects.toThrow(/503/);
      await sender.deliver(sms(key));
    }
    expect(gw.received.map((m) => m.key)).toEqual(['k-a', 'k-b']);
    expect(gw.posts.map((p) => p.status)).toEqual([503, 503, 200, 503, 503, 200]);
  });

  it('holdNext: the message is recorded before the sender learns it was accepted', async () => {
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    let seenByHook = 0;
    gw.behaviour.holdNext = async () => { seenByHook = gw.received.length; await released; };

    let settled = false;
    const sending = sender.deliver(sms('k-held')).finally(() => { settled = true; });
    const msg = await gw.waitFor((m) => m.key === 'k-held');
    expect(msg.phone).toBe(PHONE);
    await new Promise((r) => setTimeout(r, 100));
    expect(settled).toBe(false);
    expect(seenByHook).toBe(1);

    release();
    await sending;
    expect(gw.behaviour.holdNext).toBeNull(); // consumed once
    await sender.deliver(sms('k-next'));
    expect(gw.received.map((m) => m.key)).toEqual(['k-held', 'k-next']);
  });

  it('holdNext that rejects drops the answer: the sender fails, its retry is a duplicate, the phone gets one SMS', async () => {
    gw.behaviour.holdNext = async () => { throw new Error('sender killed'); };
    await expect(sender.deliver(sms('k-lost'))).rejects.toThrow();
    await sender.deliver(sms('k-lost'));
    expect(gw.inbox(PHONE)).toHaveLength(1);
    expect(gw.posts.map((p) => [p.status, p.duplicate])).toEqual([[0, false], [200, true]]);
  });

  it('answers 401 to a wrong or missing token and records nothing', async () => {
    await expect(httpGateway({ url: gw.url, token: 'wrong' }).deliver(sms('k-auth'))).rejects.toThrow(/401/);
    await expect(httpGateway({ url: gw.url }).deliver(sms('k-auth'))).rejects.toThrow(/401/);
    expect(gw.received).toHaveLength(0);
    expect(gw.posts.map((p) => p.status)).toEqual([401, 401]);
  });

  it('answers 400 to a body that is not JSON or lacks phone, text or key', async () => {
    const post = (body: string, key?: string) => fetch(gw.url, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, ...(key ? { 'idempotency-key': key } : {}) },
      body,
    }).then((r) => r.status);
    expect(await post('not json', 'k1')).toBe(400);
    expect(await post(JSON.stringify({ phone: PHONE }), 'k1')).toBe(400);
    expect(await post(JSON.stringify({ text: 'x' }), 'k1')).toBe(400);
    expect(await post(JSON.stringify({ phone: PHONE, text: 'x' }))).toBe(400);
    expect(gw.received).toHaveLength(0);
  });
});

describe('fake SMS gateway pages', () => {
  it('lists phones newest first and shows a phone screen with the text escaped and the URL linked', async () => {
    await sender.deliver(sms('k-1', '第一条', '13800000001'));
    await sender.deliver(sms('k-2', '注意<script>alert(1)</script>，查询进度：https://example.org/track?no=A1&p=2。', PHONE));

    const index = await (await fetch(gw.inboxUrl)).text();
    expect(index).toContain('<title>模拟短信网关（演示用）</title>');
    expect(index).toContain('name="viewport"');
    expect(index.match(/<h1[ >]/g)).toHaveLength(1);
    expect(index.indexOf(`/phone/${PHONE}`)).toBeGreaterThan(-1);
    expect(index.indexOf(`/phone/${PHONE}`)).toBeLessThan(index.indexOf('/phone/13800000001'));

    const res = await fetch(`${gw.inboxUrl}phone/${PHONE}`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).not.toContain('<script>');
    expect(html).toContain('注意&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://example.org/track?no=A1&amp;p=2">https://example.org/track?no=A1&amp;p=2</a>。');
    expect(html).not.toContain('第一条');
    expect(html).toMatch(/<time datetime="[^"]+">\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}<\/time>/);
  });
});

describe('fake SMS gateway store', () => {
  it('keeps what it accepted across a restart, duplicates included, when given a file', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'gq-sms-')), 'sms.jsonl');
    const first = await startFakeSmsGateway({ store, token: 't' });
    await httpGateway({ url: first.url, token: 't' }).deliver({ idempotencyKey: 'k-store-1', phone: '13900000009', body: '链接 https://example.org/t/x' });
    await first.close();
    const again = await startFakeSmsGateway({ store, token: 't' });
    try {
      expect(again.inbox('13900000009').map((m) => m.text)).toEqual(['链接 https://example.org/t/x']);
      expect(JSON.stringify(again.received)).not.toContain('Bearer');
      await httpGateway({ url: again.url, token: 't' }).deliver({ idempotencyKey: 'k-store-1', phone: '13900000009', body: '链接 https://example.org/t/x' });
      expect(again.posts.at(-1)?.duplicate).toBe(true);
      expect(again.received).toHaveLength(1);
    } finally {
      await again.close();
    }
  });
});
