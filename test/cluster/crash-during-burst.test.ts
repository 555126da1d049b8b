/**
 * One worker and one API instance crash (SIGKILL) in the middle of a burst of intakes sent through the balancer. The
 * client does what a real one does: a request that failed without an answer, or got a 5xx, is sent again with the
 * same Idempotency-Key. Afterwards every intake has exactly one case, every answered case is in Postgres and in
 * Temporal and completes its intake (six SMS), and no phone got a message twice.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { grievanceWorkflowId } from '../../api/services/case-number';
import { useCluster } from '../helpers/cluster';
import { workflowAtRest } from '../helpers/fault-cases';
import { validIntake } from '../helpers/http';
import { sleep, waitFor } from '../helpers/processes';
import { freshPhone } from '../helpers/worker-proof';

const INTAKES = 60;
const CONCURRENCY = 6;
const CRASH_AFTER = 15;

const ctx = useCluster();

interface Outcome { key: string; phone: string; caseNos: string[]; tries: number; failures: string[] }

/** One intake as a careful client sends it: again with the same key after a dropped connection or a 5xx. */
async function fileWithRetries(staff: string, key: string, phone: string): Promise<Outcome> {
  const out: Outcome = { key, phone, caseNos: [], tries: 0, failures: [] };
  for (; out.tries < 40;) {
    out.tries += 1;
    try {
      const r = await ctx.api.call('POST', '/api/v1/grievances', validIntake({ complainantPhone: phone }), staff, { 'idempotency-key': key });
      if (r.status === 201) {
        out.caseNos.push(r.body.caseNo);
        // A second answer for the same key must name the same case: ask once more.
        if (out.caseNos.length === 2) return out;
        continue;
      }
      out.failures.push(String(r.status));
      if (r.status < 500) return out;
    } catch (err) {
      out.failures.push((err as Error).message);
    }
    await sleep(300);
  }
  return out;
}

describe('a worker and an API instance crash during a burst of intakes', () => {
  it('loses no answered case, files none twice, completes every case and texts nobody twice', async () => {
    const staff = await ctx.api.login('beishan.sg');
    const run = randomBytes(4).toString('hex');
    const jobs = Array.from({ length: INTAKES }, (_, i) => ({ key: `burst-${run}-${i}`, phone: freshPhone() }));
    const startedAt = new Date();
    let done = 0;
    let crashed: Promise<number[]> | undefined;
    const outcomes: Outcome[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        outcomes.push(await fileWithRetries(staff, job.key, job.phone));
        done += 1;
        if (done === CRASH_AFTER) crashed = Promise.all([ctx.cluster.crash('api-1'), ctx.cluster.crash('worker-1')]);
      }
    }));
    expect(crashed, 'the crashes happened during the burst').toBeDefined();
    await crashed;

    // Every intake got its case, the same one each time it was answered.
    for (const o of outcomes) {
      expect(o.caseNos.length, `${o.key}: ${o.failures.join(', ')}`).toBe(2);
      expect(o.caseNos[1], o.key).toBe(o.caseNos[0]);
    }
    const caseNos = outcomes.map((o) => o.caseNos[0]);
    expect(new Set(caseNos).size).toBe(INTAKES);
    // None lost, none twice: exactly these cases were filed during the burst, each once.
    const filed = await ctx.cluster.db.selectFrom('cases').select('case_no').where('kind', '=', 'grievance').where('created_at', '>=', startedAt).execute();
    expect(filed.map((r) => r.case_no).sort()).toEqual([...caseNos].sort());
    for (const caseNo of caseNos) {
      const d = await ctx.cluster.temporal.workflow.getHandle(grievanceWorkflowId(caseNo)).describe();
      expect(d.status.name, caseNo).toBe('RUNNING');
    }

    // Every case completes its intake: five staff notices and the worker's receipt sent, then the workflow rests.
    const rows = await waitFor('six SMS sent for every case', async () => {
      const r = await ctx.cluster.db.selectFrom('sms_outbox').select(['case_no', 'idempotency_key', 'recipient_phone', 'status'])
        .where('case_no', 'in', caseNos).where('status', '=', 'sent').execute();
      return r.length >= 6 * INTAKES && r;
    }, 120_000, 500);
    expect(rows).toHaveLength(6 * INTAKES);
    for (const caseNo of caseNos) {
      await waitFor(`${caseNo} at rest`, () => workflowAtRest(ctx.cluster.temporal.workflow.getHandle(grievanceWorkflowId(caseNo))), 60_000, 200);
    }

    // The gateway got each of those messages once, and each worker's phone exactly one receipt.
    const keys = new Set(rows.map((r) => r.idempotency_key));
    expect(keys.size).toBe(rows.length);
    const received = ctx.cluster.sms().filter((m) => keys.has(m.key));
    expect(received).toHaveLength(rows.length);
    for (const o of outcomes) expect(ctx.cluster.sms().filter((m) => m.phone === o.phone), o.phone).toHaveLength(1);
    const texts = new Set(received.map((m) => `${m.phone}|${m.text}`));
    expect(texts.size).toBe(received.length);

    // The balancer took the dead instance out, and its supervisor brought it back; the crashed worker is back too.
    await waitFor('api1 back in the balancer', async () => (await ctx.cluster.backends()).api1 === 'UP', 90_000, 500);
    const retried = outcomes.filter((o) => o.failures.length > 0);
    console.log(`[cluster] burst: ${INTAKES} intakes, ${retried.length} retried after ${retried.flatMap((o) => o.failures).join('; ') || 'nothing'}`);
  });
});
