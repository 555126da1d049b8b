/**
 * The `http` SMS adapter against a fake gateway: a real HTTP server on loopback (the true edge of the system) that
 * refuses the first attempts, as a flaky gateway does. Temporal retries the activity; each message arrives once.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, validIntake } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

interface Received { key: string; phone: string; text: string; auth: string | undefined }

let sys: System;
let gateway: Server;
const accepted: Received[] = [];
const refusedPerKey = new Map<string, number>();
/** how many times the gateway refuses a message before it accepts it; each test sets its own */
let refusals: (msg: { key: string; phone: string }) => number = () => 2;

beforeAll(async () => {
  gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const key = String(req.headers['idempotency-key']);
      const msg = JSON.parse(body);
      const refused = refusedPerKey.get(key) ?? 0;
      if (refused < refusals({ key, phone: msg.phone })) {
        refusedPerKey.set(key, refused + 1);
        res.writeHead(503).end('busy');
        return;
      }
      accepted.push({ key, phone: msg.phone, text: msg.text, auth: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  const port = (gateway.address() as { port: number }).port;
  sys = await startSystem('smshttp');
  Object.assign(process.env, { GONGQING_SMS_ADAPTER: 'http', GONGQING_SMS_URL: `http://127.0.0.1:${port}/send`, GONGQING_SMS_TOKEN: 'gw-secret' });
  await sys.startWorker();
});

afterAll(async () => {
  await sys?.stop();
  await new Promise((r) => gateway?.close(r));
});

describe('SMS through the http gateway adapter', () => {
  it('retries a refusing gateway and delivers each intake SMS exactly once', async () => {
    const filed = await apiClient(sys.baseUrl).call('POST', '/api/v1/grievances', validIntake({ enterpriseId: 'e-canyin' }));
    expect(filed.status).toBe(201);
    const caseNo = filed.body.caseNo;

    await eventually(() => accepted.filter((m) => m.key.includes(caseNo)).length === 6, 30_000);
    const mine = accepted.filter((m) => m.key.includes(caseNo));
    expect(new Set(mine.map((m) => m.key)).size).toBe(6);
    expect(mine.every((m) => m.auth === 'Bearer gw-secret')).toBe(true);
    expect(mine.find((m) => m.phone === '13912345678')?.text).toContain(caseNo);

    // The gateway has answered; the activity marks the row sent a moment later.
    const sent = () => sys.db.selectFrom('sms_outbox').select(['status', 'attempts', 'last_error']).where('case_no', '=', caseNo).execute();
    const rows = await eventually(async () => { const r = await sent(); return r.every((x) => x.status === 'sent') && r; });
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r).toMatchObject({ status: 'sent', attempts: 3, last_error: null });

    // Nothing further arrives later: no duplicate sends from retries.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(accepted.filter((m) => m.key.includes(caseNo))).toHaveLength(6);
  }, 60_000);

  it('retries only the message the gateway refused when the rest of the batch went through', async () => {
    const complainantPhone = '13912340001';
    refusals = ({ phone }) => (phone === complainantPhone ? 1 : 0);
    const filed = await apiClient(sys.baseUrl).call('POST', '/api/v1/grievances', validIntake({ enterpriseId: 'e-canyin', complainantPhone }));
    expect(filed.status).toBe(201);
    const caseNo = filed.body.caseNo;

    const rows = await eventually(async () => {
      const r = await sys.db.selectFrom('sms_outbox').select(['recipient_phone', 'status', 'attempts', 'last_error']).where('case_no', '=', caseNo).execute();
      return r.length === 6 && r.every((x) => x.status === 'sent') && r;
    }, 30_000);
    const receipt = rows.filter((r) => r.recipient_phone === complainantPhone);
    expect(receipt).toEqual([{ recipient_phone: complainantPhone, status: 'sent', attempts: 2, last_error: null }]);
    for (const r of rows.filter((x) => x.recipient_phone !== complainantPhone)) expect(r).toMatchObject({ status: 'sent', attempts: 1 });
    await new Promise((r) => setTimeout(r, 1_500));
    const mine = accepted.filter((m) => m.key.includes(caseNo));
    expect(mine).toHaveLength(6);
    expect(new Set(mine.map((m) => m.key)).size).toBe(6);
  }, 60_000);
});
