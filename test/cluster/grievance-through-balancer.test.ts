/**
 * The whole grievance over HTTP through the load balancer of the cluster (two API instances, two workers, the full
 * Temporal server on Postgres): the worker asks for a code and files, the caseworker works every step, the worker rates;
 * requests land on both API instances and the case reads the same on each.
 */
import { describe, expect, it } from 'vitest';
import { grievanceWorkflowId } from '../../api/services/case-number';
import { useCluster } from '../helpers/cluster';
import { validIntake } from '../helpers/http';
import { waitFor } from '../helpers/processes';
import { freshPhone } from '../helpers/worker-proof';

const ctx = useCluster();

async function sessionsPerInstance(): Promise<Record<string, number>> {
  const csv = await (await fetch(`${process.env.GQ_CLUSTER_STATS_URL};csv`)).text();
  const [head, ...rows] = csv.replace(/^# /, '').trim().split('\n').map((l) => l.split(','));
  const [sv, total] = ['svname', 'stot'].map((c) => head.indexOf(c));
  return Object.fromEntries(rows.filter((r) => /^api\d$/.test(r[sv])).map((r) => [r[sv], Number(r[total])]));
}

describe('a grievance through the balancer', () => {
  it('runs intake → contact → verify → urge → outcome → follow-up → rating, served by both API instances', async () => {
    const before = await sessionsPerInstance();
    const phone = freshPhone();
    const seen = ctx.cluster.sms().length;
    expect((await ctx.api.call('POST', '/api/v1/phone-codes', { phone, purpose: 'file' })).status).toBe(202);
    const code = await waitFor('the code on the phone', () => {
      const m = ctx.cluster.sms().slice(seen).find((x) => x.phone === phone && /验证码是\d{6}/.test(x.text));
      return m && /验证码是(\d{6})/.exec(m.text)![1];
    }, 15_000);
    const filed = await ctx.api.call('POST', '/api/v1/grievances', { ...validIntake({ complainantPhone: phone }), phoneCode: code });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const { caseNo, accessToken: worker } = filed.body as { caseNo: string; accessToken: string };

    const caseworker = await ctx.api.login('beishan.sg');
    const act = async (action: string, payload: Record<string, unknown>) => {
      const r = await ctx.api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, payload, caseworker);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
      return r.body.view;
    };
    // The contact task is in the caseworker's inbox once the worker's activities wrote it (on either worker process).
    await waitFor('the contact task', async () => {
      const inbox = await ctx.api.call('GET', '/api/v1/tasks', undefined, caseworker);
      return inbox.body.tasks?.some((t: any) => t.case_no === caseNo && t.kind === 'contact');
    }, 30_000);
    expect((await act('contactComplainant', { note: '电话联系职工，了解欠薪经过' })).stage).toBe('verify');
    expect((await act('notifyEnterpriseNow', { reason: '职工同意尽快向企业核实' })).enterpriseNotice).toBe('notified');
    expect((await act('verifyWithEnterprise', { note: '企业工会主席确认年终奖未发' })).stage).toBe('urge');
    expect((await act('urgeMediation', { note: '已督促企业调解委员会召开调解会' })).stage).toBe('outcome');
    expect(await act('recordOutcome', { outcome: 'mediated', recoveredFen: 860_000, note: '当天调解成功' })).toMatchObject({ stage: 'followUp', outcome: 'mediated' });
    expect((await act('recordFollowUp', { note: '一周内到账，职工确认' })).stage).toBe('rating');
    const rated = await ctx.api.call('POST', `/api/v1/grievances/${caseNo}/rating`, { score: 5, comment: '很满意' }, worker);
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body).toMatchObject({ stage: 'closed', rating: 5 });

    // The same closed case, whichever instance answers (round robin: two reads reach both).
    for (let i = 0; i < 2; i++) {
      const r = await ctx.api.call('GET', `/api/v1/grievances/${caseNo}/progress`, undefined, worker);
      expect(r.status).toBe(200);
    }
    const row = await ctx.cluster.db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'closed', outcome: 'mediated', recovered_fen: 860_000, rating: 5 });
    const steps = (await ctx.cluster.db.selectFrom('case_events').select(['type', 'actor_role']).where('case_no', '=', caseNo).orderBy('seq').execute())
      .filter((e) => !['task_opened', 'enterprise_notified'].includes(e.type)).map((e) => `${e.type}:${e.actor_role}`);
    expect(steps).toEqual([
      'filed:worker', 'complainant_contacted:street_caseworker', 'enterprise_notice_early:street_caseworker', 'enterprise_verified:street_caseworker',
      'mediation_urged:street_caseworker', 'outcome_recorded:street_caseworker', 'follow_up_done:street_caseworker', 'rated:worker', 'closed:system',
    ]);
    // The workflow closed on the full server, and both instances took part in serving the case.
    expect((await ctx.cluster.temporal.workflow.getHandle(grievanceWorkflowId(caseNo)).describe()).status.name).toBe('COMPLETED');
    const after = await sessionsPerInstance();
    for (const sv of ['api1', 'api2']) expect(after[sv] - (before[sv] ?? 0), sv).toBeGreaterThan(2);
  });
});
