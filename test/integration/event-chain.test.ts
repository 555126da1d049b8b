import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPersistTransition } from '../../activities/persistence/persist-transition';
import type { CaseEvent } from '../../activities/types';
import { verifyChain } from '../../db/event-chain';
import { apiClient, validIntake } from '../helpers/http';
import { startSystem, type System } from '../helpers/system';
import { eventually } from '../helpers/time-skipping';

const root = fileURLToPath(new URL('../../', import.meta.url));

let sys: System;
let caseNo: string;

/** The staff CLI, run as staff would run it, against this file's database. */
function runVerifyCli(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/verify-events.ts', ...args], {
      cwd: root, env: { ...process.env, DATABASE_URL: sys.databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

/** What a superuser who bypasses the append-only trigger can do (sys.db is connected as the superuser). */
async function withoutTrigger(change: () => Promise<unknown>) {
  await sql`alter table case_events disable trigger case_events_append_only`.execute(sys.db);
  try {
    await change();
  } finally {
    await sql`alter table case_events enable trigger case_events_append_only`.execute(sys.db);
  }
}

const eventsOf = () => sys.db.selectFrom('case_events').select(['id', 'seq', 'type', 'summary', 'prev_hash', 'hash'])
  .where('case_no', '=', caseNo).orderBy('id').execute();

beforeAll(async () => {
  sys = await startSystem('chain');
  await sys.startWorker();
  const api = apiClient(sys.baseUrl);
  const staff = await api.login('beishan.sg');
  const filed = await api.call('POST', '/api/v1/grievances', validIntake({ complainantPhone: '13911110000' }), staff);
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  caseNo = filed.body.caseNo;
  await eventually(async () => (await eventsOf()).length >= 2, 20_000);
  for (const [action, payload] of [['contactComplainant', { note: '已电话联系职工' }], ['notifyEnterpriseNow', { reason: '职工同意尽快向企业核实' }]] as const) {
    const r = await api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, payload, staff);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  await eventually(async () => (await eventsOf()).some((e) => e.type === 'enterprise_notified'), 20_000);
}, 120_000);

afterAll(async () => {
  await sys?.stop();
});

describe('the hash chain of case events', () => {
  it('links every event of a real case, written by concurrent activities, from the zero hash on', async () => {
    const events = await eventsOf();
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(events[0].prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < events.length; i++) expect(events[i].prev_hash).toBe(events[i - 1].hash);
    // Background events may still land; the chain must cover every event there is when it is checked.
    await eventually(async () => {
      const [report, now] = [await verifyChain(sys.db, caseNo), await eventsOf()];
      return report.ok && report.checked === now.length;
    });
    const cli = await runVerifyCli(caseNo);
    expect(cli.code, cli.out).toBe(0);
    expect(cli.out).toContain(`案件 ${caseNo}：`);
    expect(cli.out).toContain('条记录完整');
  }, 60_000);

  it('stays one chain when transitions for a case land at once and when one is retried', async () => {
    const persist = createPersistTransition(sys.db);
    const at = new Date().toISOString();
    const ev = (n: number): CaseEvent => ({
      key: `chain-test-${caseNo}#${n}`, seq: 1000 + n, type: 'test_note', actor: '测试', actorRole: 'system', summary: `并发写入${n}`, data: { n }, at,
    });
    const batches = Array.from({ length: 8 }, (_, i) => ({ caseNo, at, events: [ev(2 * i), ev(2 * i + 1)] }));
    // Without the case-row lock these would read the same tail and all but one would fail on the fork index.
    await Promise.all(batches.map((t) => persist(t)));
    await persist(batches[0]);
    // A stored event that is no longer the tail, beside a new one: the new one links to the tail, not to it.
    await persist({ caseNo, at, events: [ev(3), ev(100)] });

    const mine = (await eventsOf()).filter((e) => e.type === 'test_note');
    expect(mine).toHaveLength(17);
    const report = await verifyChain(sys.db, caseNo);
    expect(report).toEqual({ ok: true, checked: (await eventsOf()).length });
  }, 60_000);

  it('reports exactly the event whose summary was changed behind the trigger', async () => {
    const events = await eventsOf();
    const target = events.find((e) => e.type === 'complainant_contacted')!;
    expect(events.indexOf(target)).toBeGreaterThan(0);
    expect(events.indexOf(target)).toBeLessThan(events.length - 1);
    await withoutTrigger(() => sys.db.updateTable('case_events').set({ summary: '未联系上职工' }).where('id', '=', target.id).execute());

    const report = await verifyChain(sys.db, caseNo);
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(events.indexOf(target));
    expect(report.broken).toEqual({ seq: target.seq, id: Number(target.id), reason: `第${target.seq}条记录的内容与其哈希不符（可能被篡改）` });

    // Putting the original text back makes the chain whole again: the hash is over the content, nothing else.
    await withoutTrigger(() => sys.db.updateTable('case_events').set({ summary: target.summary }).where('id', '=', target.id).execute());
    expect((await verifyChain(sys.db, caseNo)).ok).toBe(true);
  }, 60_000);

  it('reports a deleted middle event as a broken link, here and in the staff CLI', async () => {
    const events = await eventsOf();
    const gone = events[2];
    const next = events[3];
    await withoutTrigger(() => sys.db.deleteFrom('case_events').where('id', '=', gone.id).execute());

    const report = await verifyChain(sys.db, caseNo);
    expect(report).toEqual({
      ok: false, checked: 2,
      broken: { seq: next.seq, id: Number(next.id), reason: `第${next.seq}条记录与上一条的链接断开（记录被删除或插入）` },
    });

    const cli = await runVerifyCli(caseNo);
    expect(cli.code, cli.out).toBe(1);
    expect(cli.out).toContain(`案件 ${caseNo}：记录链异常，第${next.seq}条记录与上一条的链接断开（记录被删除或插入）`);
    const all = await runVerifyCli('--all');
    expect(all.code, all.out).toBe(1);
    expect(all.out).toContain('其中 1 件异常');
  }, 60_000);
});
