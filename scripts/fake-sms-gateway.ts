/**
 * A fake SMS gateway: a real HTTP server on loopback that speaks what activities/sms/http-gateway.ts sends. `npm start`
 * runs it so a person trying the demo can read what a worker's phone would receive; tests start one per file and
 * steer its `behaviour` to be down, refuse, reject a number or hold an answer. Like a real gateway it honours the
 * idempotency key: a key it already accepted is answered 200 again and texts nobody twice.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { indexPage, page, phonePage } from './fake-sms-gateway-pages';

export interface Received { id: string; key: string; phone: string; text: string; at: string; auth?: string }
export interface Post { key: string; phone: string; status: number; duplicate: boolean; at: string }

export interface Behaviour {
  /** answer 503 to every send */
  down: boolean;
  /** answer 400 invalid_number for these phones: a permanent refusal */
  rejectPhones: Set<string>;
  /** answer 503 to the first N attempts of each key, then accept: a flaky gateway */
  refuseFirst: number;
  /** consumed once: the message is recorded as accepted, then this is awaited before answering. If it rejects, the
   *  connection is dropped unanswered, as when the sender dies after the gateway took the message. */
  holdNext: null | ((m: Received) => Promise<void>);
  /** when set, a missing or wrong bearer token gets 401 */
  token?: string;
}

export interface FakeSmsGateway {
  /** the POST endpoint, e.g. http://127.0.0.1:PORT/send */
  url: string;
  inboxUrl: string;
  /** every accepted message once, in order (newest 5,000) */
  received: Received[];
  /** every POST seen, including duplicates and refused ones (newest 5,000) */
  posts: Post[];
  inbox(phone: string): Received[];
  waitFor(pred: (m: Received) => boolean, timeoutMs?: number): Promise<Received>;
  behaviour: Behaviour;
  close(): Promise<void>;
}

/** A demo and test tool keeps everything in memory; the cap keeps a long demo session from growing without end. */
const CAP = 5_000;
const MAX_BODY = 64 * 1024;

interface Waiter { pred: (m: Received) => boolean; resolve: (m: Received) => void; reject: (e: Error) => void }

/**
 * `store`: a file that keeps the accepted messages across restarts (JSON lines), so a demo's phones still show the
 * personal links of cases filed before `npm start` was restarted.
 */
export async function startFakeSmsGateway(opts: { port?: number; host?: string; token?: string; store?: string } = {}): Promise<FakeSmsGateway> {
  const behaviour: Behaviour = { down: false, rejectPhones: new Set(), refuseFirst: 0, holdNext: null, token: opts.token };
  const received: Received[] = [];
  const posts: Post[] = [];
  const acceptedIds = new Map<string, string>(); // idempotency key → the id answered for it
  const attempts = new Map<string, number>(); // refused attempts per key not yet accepted
  const waiters = new Set<Waiter>();
  let seq = 0;
  if (opts.store && existsSync(opts.store)) {
    for (const line of readFileSync(opts.store, 'utf8').split('\n').filter(Boolean).slice(-CAP)) {
      const m = JSON.parse(line) as Received;
      received.push(m);
      acceptedIds.set(m.key, m.id);
      seq = Math.max(seq, Number(m.id.replace(/\D/g, '')) || 0);
    }
  }

  const inbox = (phone: string) => received.filter((m) => m.phone === phone);

  function accept(msg: Received) {
    received.push(msg);
    if (opts.store) appendFileSync(opts.store, `${JSON.stringify({ ...msg, auth: undefined })}\n`);
    acceptedIds.set(msg.key, msg.id);
    attempts.delete(msg.key);
    // A forgotten message also forgets its key, as a real gateway's dedupe window ends.
    for (const old of received.splice(0, Math.max(0, received.length - CAP))) acceptedIds.delete(old.key);
    for (const w of waiters) {
      let hit = false;
      try { hit = w.pred(msg); } catch (err) { w.reject(err as Error); }
      if (hit) w.resolve(msg);
    }
  }

  async function send(req: IncomingMessage, res: ServerResponse) {
    const at = new Date().toISOString();
    const raw = await readBody(req);
    const body = raw === null ? null : parseJson(raw);
    const key = str(req.headers['idempotency-key']) ?? str(body?.id);
    const phone = str(body?.phone);
    const text = str(body?.text);
    const post: Post = { key: key ?? '', phone: phone ?? '', status: 0, duplicate: false, at };
    posts.push(post);
    posts.splice(0, Math.max(0, posts.length - CAP));
    const reply = (status: number, payload: object) => {
      post.status = status;
      sendJson(res, status, payload, status === 503 ? { 'retry-after': '1' } : {});
    };

    if (behaviour.down) return reply(503, { error: 'unavailable', message: '短信网关暂时不可用' });
    if (behaviour.token && req.headers.authorization !== `Bearer ${behaviour.token}`) {
      return reply(401, { error: 'unauthorized', message: '缺少或错误的访问令牌' });
    }
    if (raw === null) return reply(413, { error: 'too_large', message: '请求过大' });
    if (!body || !key || !phone || !text) {
      return reply(400, { error: 'bad_request', message: '需要 JSON 格式的 phone、text 和 idempotency-key' });
    }
    const known = acceptedIds.get(key);
    if (known) {
      post.duplicate = true;
      return reply(200, { ok: true, id: known });
    }
    if (behaviour.rejectPhones.has(phone)) return reply(400, { error: 'invalid_number', message: `号码无效：${phone}` });
    const tries = (attempts.get(key) ?? 0) + 1;
    if (tries <= behaviour.refuseFirst) {
      attempts.set(key, tries);
      if (attempts.size > CAP) attempts.delete(attempts.keys().next().value!);
      return reply(503, { error: 'busy', message: '短信网关繁忙，请稍后重试' });
    }

    const auth = str(req.headers.authorization);
    const msg: Received = { id: `sms-${String(++seq).padStart(6, '0')}`, key, phone, text, at, ...(auth ? { auth } : {}) };
    accept(msg);
    const hold = behaviour.holdNext;
    behaviour.holdNext = null;
    if (hold) {
      try {
        await hold(msg);
      } catch {
        post.status = 0; // taken, never answered
        res.destroy();
        return;
      }
    }
    reply(200, { ok: true, id: msg.id });
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://gateway');
    if (url.pathname === '/send') return req.method === 'POST' ? send(req, res) : notAllowed(res, 'POST');
    if (req.method !== 'GET' && req.method !== 'HEAD') return notAllowed(res, 'GET, HEAD');
    if (url.pathname === '/') return sendHtml(res, 200, indexPage(received, CAP, Boolean(opts.store)));
    if (url.pathname === '/messages.json') {
      const phone = url.searchParams.get('phone');
      // The bearer token stays out of an unauthenticated page.
      const messages = (phone ? inbox(phone) : received).map(({ auth: _auth, ...m }) => m);
      return sendJson(res, 200, { messages });
    }
    const m = /^\/phone\/([^/]+)$/.exec(url.pathname);
    const phone = m ? safeDecode(m[1]) : null;
    if (phone) return sendHtml(res, 200, phonePage(phone, inbox(phone)));
    sendHtml(res, 404, page('页面不存在', '<h1>页面不存在</h1><p><a href="/">返回全部号码</a></p>'));
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => (res.headersSent ? res.destroy() : sendJson(res, 500, { error: 'internal' })));
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;

  return {
    url: `${base}/send`,
    inboxUrl: `${base}/`,
    received,
    posts,
    inbox,
    behaviour,
    waitFor(pred, timeoutMs = 5_000) {
      const hit = received.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise<Received>((resolve, reject) => {
        const done = () => { clearTimeout(timer); waiters.delete(w); };
        const w: Waiter = { pred, resolve: (m) => { done(); resolve(m); }, reject: (e) => { done(); reject(e); } };
        const timer = setTimeout(() => w.reject(new Error(`no matching SMS within ${timeoutMs} ms`)), timeoutMs);
        waiters.add(w);
      });
    },
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        for (const w of waiters) w.reject(new Error('fake SMS gateway closed'));
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections(); // keep-alive sockets from fetch would otherwise hold close() open
      });
      return closing;
    },
  };
}

/** The body as text, or null when it is larger than any SMS request should be. Read to the end either way: leaving
 *  the loop early would destroy the socket before the 413 could be answered. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  }
  return size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const safeDecode = (s: string) => { try { return decodeURIComponent(s); } catch { return null; } };

function sendJson(res: ServerResponse, status: number, payload: object, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(payload));
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function notAllowed(res: ServerResponse, allow: string) {
  sendJson(res, 405, { error: 'method_not_allowed' }, { allow });
}

// ---- run directly: the demo's gateway ----

async function main() {
  const port = Number.parseInt(process.env.PORT ?? '3025', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const gw = await startFakeSmsGateway({ port, token: process.env.GONGQING_SMS_TOKEN || undefined, store: process.env.GONGQING_SMS_GATEWAY_STORE || undefined });
  console.log(`[gongqing] fake SMS gateway on ${gw.inboxUrl.replace(/\/$/, '')} (send: ${gw.url})`);
  const stop = () => { void gw.close().catch((err) => { console.error(err); process.exitCode = 1; }); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
