/**
 * Privacy inside the engine (issue 14): names, phones and descriptions travel through Temporal encrypted (AES-256-GCM
 * payload codec), so after a whole case none of them is in the Temporal server's database file; the case keeps
 * working after a key rotation; staff whose role may read the engine decrypt through the codec endpoint, others not.
 */
import { readFileSync, existsSync } from 'node:fs';
import { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import { parseKeysFile, rotatedKeysFile } from '../../activities/codec/key-ring';
import { grievanceWorkflowId } from '../../api/services/case-number';
import { apiClient } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';
import { fileAsWorker } from '../helpers/worker-proof';

const { temporal } = proto;
let sys: System;
let api: ReturnType<typeof apiClient>;
const NAME = '隐私测试司马长青';
const MARK = '描述里的独特标记甲乙丙';

beforeAll(async () => {
  sys = await startSystem('privacy');
  await sys.startWorker();
  api = apiClient(sys.baseUrl);
});

afterAll(async () => {
  delete process.env.GONGQING_PAYLOAD_KEYS;
  await sys?.stop();
});

/** The dev server's SQLite file and its write-ahead log, as bytes: what someone with a copy of the disk reads. */
function serverFiles(): Buffer {
  const db = process.env.GQ_TEMPORAL_DB;
  if (!db) throw new Error('GQ_TEMPORAL_DB is not set: run through npm test');
  return Buffer.concat([db, `${db}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

async function act(token: string, caseNo: string, action: string, payload: Record<string, unknown>) {
  const r = await api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, payload, token);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}

describe('payload encryption', () => {
  it('leaves no name, phone or description in the Temporal server\u2019s database after a whole case, across a key rotation', async () => {
    const { caseNo, phone, token } = await fileAsWorker(sys, { complainantName: NAME, description: `公司拖欠工资。${MARK}` });
    const caseworker = await api.login('beishan.sg');
    await act(caseworker, caseNo, 'contactComplainant', { note: `已联系${NAME}` });

    // Rotation: a new current key, the old one kept for what it encrypted; the worker restarts on the new ring.
    const rotated = parseKeysFile(rotatedKeysFile(readFileSync(process.env.GONGQING_KEYS_FILE!, 'utf8')));
    process.env.GONGQING_PAYLOAD_KEYS = [...rotated.keys].sort(([a], [b]) => (a === rotated.currentId ? -1 : b === rotated.currentId ? 1 : 0))
      .map(([id, key]) => `${id}:${key.toString('base64')}`).join(',');
    await sys.killWorker();
    await sys.startWorker();
    const rotatedClient = new Client({ connection: sys.temporal.connection, dataConverter: gongqingDataConverter(rotated) });

    // A refused first send puts an activity failure (its message encrypted too) into the history.
    sys.sms.behaviour.refuseFirst = 1;
    try {
      await act(caseworker, caseNo, 'notifyEnterpriseNow', { reason: '职工同意' });
    } finally {
      sys.sms.behaviour.refuseFirst = 0;
    }
    await act(caseworker, caseNo, 'verifyWithEnterprise', { note: '已核实' });
    await act(caseworker, caseNo, 'urgeMediation', { note: '已督促' });
    await act(caseworker, caseNo, 'recordOutcome', { outcome: 'unfounded', explanation: `已向${NAME}解释` });
    expect((await api.call('POST', `/api/v1/grievances/${caseNo}/rating`, { score: 4, comment: MARK }, token)).status).toBe(200);
    const result = await rotatedClient.workflow.getHandle(grievanceWorkflowId(caseNo)).result();
    expect(result).toMatchObject({ caseNo, outcome: 'unfounded', rating: 4 });

    // Payloads written after the rotation carry the new key's id; those before, the old one.
    const history = await sys.temporal.workflow.getHandle(grievanceWorkflowId(caseNo)).fetchHistory();
    const keyIds = new Set<string>();
    for (const e of history.events ?? []) {
      const payloads = e.workflowExecutionCompletedEventAttributes?.result?.payloads ?? e.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
      for (const p of payloads) keyIds.add(Buffer.from(p.metadata?.['encryption-key-id'] ?? []).toString());
    }
    expect(keyIds.has(rotated.currentId)).toBe(true);
    expect(keyIds.size).toBe(2);
    // A retried activity keeps its last failure in the history; a failure the worker raised went through the codec as
    // well. (A timeout is written by the server itself, e.g. for a send cut short when the worker was restarted above:
    // it names no one, and the search below covers it too.)
    const raised = history.events!.map((e) => e.activityTaskStartedEventAttributes?.lastFailure).filter((f) => f && !f.timeoutFailureInfo);
    expect(raised.length).toBeGreaterThan(0);
    expect(raised.every((f) => f!.message === 'Encoded failure')).toBe(true);

    const bytes = serverFiles();
    console.log(`[privacy] searched ${(bytes.length / 1024 / 1024).toFixed(1)} MiB of the Temporal server's database for the case's name, phone and description`);
    expect(bytes.includes(Buffer.from(phone))).toBe(false);
    expect(bytes.includes(Buffer.from(NAME))).toBe(false);
    expect(bytes.includes(Buffer.from(MARK))).toBe(false);
  }, 120_000);

  it('would have found them in clear: the search reads what the server writes', async () => {
    // A control: the same search finds a marker sent without the codec (a workflow nobody runs, on a queue of its own).
    const plain = new Client({ connection: sys.temporal.connection });
    const marker = `明文对照${Date.now()}`;
    const handle = await plain.workflow.start('grievance', { taskQueue: `plain-${Date.now()}`, workflowId: `control-${Date.now()}`, args: [{ marker }] });
    await eventually(() => serverFiles().includes(Buffer.from(marker)), 10_000);
    await handle.terminate('privacy test control');
  });
});

describe('the codec endpoint for the Temporal Web UI', () => {
  it('decrypts a stored payload for district staff only, with CORS for the UI', async () => {
    const { caseNo } = await fileAsWorker(sys, { complainantName: NAME });
    const history = await sys.temporal.workflow.getHandle(grievanceWorkflowId(caseNo)).fetchHistory();
    const input = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    const asJson = {
      payloads: [{
        metadata: Object.fromEntries(Object.entries(input.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
        data: Buffer.from(input.data ?? []).toString('base64'),
      }],
    };
    expect(Buffer.from(asJson.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    const decode = (token?: string) => fetch(`${sys.baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:8233', 'x-namespace': 'default', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(asJson),
    });
    const district = await decode(await api.login('xihu.qb'));
    expect(district.status).toBe(200);
    expect(district.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8233');
    const out = ((await district.json()) as { payloads: { data: string }[] }).payloads[0];
    const payload = temporal.api.common.v1.Payload.create({ data: Buffer.from(out.data, 'base64') });
    expect(Buffer.from(payload.data!).toString()).toContain(NAME);
    expect((await decode(await api.login('beishan.sg'))).status).toBe(403);
    const anonymous = await decode();
    expect(anonymous.status).toBe(401);
    // The UI can read why it was refused: the refusal carries the CORS headers too.
    expect(anonymous.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8233');
  });
});
