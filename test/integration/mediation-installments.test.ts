/**
 * The Xiamen case from a grievance to its end, on the real parts with time skipped (test/helpers/skipping-system.ts):
 * filed for 43 workers by the street's caseworker and handed to the station, paid in three installments, the second
 * missed. Through the API: the group registered at the station, the agreement confirmed by every party's
 * texted code, the review confirmed by the institute's clerk; then the reminders, the missed installment told to the
 * mediator and every worker, and after the grace the 强制执行申请书 e-mailed to the district's court (SHA-256 equal to the
 * stored PDF), whose clerk confirms receipt through the inbox: the case closes as "enforcement".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMediationPolicy } from '../../temporal.config';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { apiClient } from '../helpers/http';
import { startSkippingSystem, type SkippingSystem } from '../helpers/skipping-system';
import { eventually } from '../helpers/time-skipping';
import { xiamenWorkers, XIAMEN_TOTAL_FEN } from '../helpers/xiamen-case';

const DAY = 86_400_000;
const MINUTE = 60_000;
let sys: SkippingSystem;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  sys = await startSkippingSystem('installments');
  api = apiClient(sys.baseUrl);
}, 120_000);
afterAll(async () => {
  await sys?.stop();
});

describe('the Xiamen installments on the real system, time skipped', () => {
  it('goes from a grievance to the station, reminds, reports the missed second installment and applies for enforcement after the grace', async () => {
    const [caseworker, mediator, clerk, court] = await Promise.all(['beishan.sg', 'xihu.tj', 'xihu.zc', 'xihu.fy'].map((u) => api.login(u)));
    const workers = xiamenWorkers();
    // It starts as a grievance (工情码) filed for the group by the street's caseworker, who hands it to the station.
    const filed = await api.call('POST', '/api/v1/grievances', {
      complainantName: workers[0].name, complainantPhone: workers[0].phone, enterpriseId: 'e-jingmi', category: 'unpaid_wages',
      description: '工地43名工人工资共362万元未结清', claimedFen: XIAMEN_TOTAL_FEN, workerCount: 43,
    }, caseworker);
    expect(filed.status).toBe(201);
    const grievanceNo: string = filed.body.caseNo;
    const onGrievance = (action: string, body: unknown) => api.call('POST', `/api/v1/cases/${grievanceNo}/actions/${action}`, body, caseworker);
    for (const [action, body] of [['contactComplainant', { note: '已联系工人代表' }], ['notifyEnterpriseNow', { reason: '工人同意' }],
      ['verifyWithEnterprise', { note: '已核实欠薪名单' }], ['urgeMediation', { note: '企业调委会无法调解' }],
      ['recordOutcome', { outcome: 'station', employerRepresentative: '周建设', employerPhone: '13905920000', employerAddress: '杭州市西湖区文二路88号' }]] as const) {
      const r = await onGrievance(action, body);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const caseNo = `MA${grievanceNo.slice(2)}`;
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).status === 200, 20_000);
    expect((await api.call('GET', `/api/v1/cases/${grievanceNo}`, undefined, caseworker)).body.view.stage).toBe('station');
    // The station registers the whole group with their ID numbers (the grievance knew only its complainant).
    expect((await api.call('POST', `/api/v1/cases/${caseNo}/actions/setWorkers`, { workers }, mediator)).status).toBe(200);
    expect(await sys.db.selectFrom('cases').select(['worker_count', 'claimed_fen']).where('case_no', '=', caseNo).executeTakeFirst())
      .toEqual({ worker_count: 43, claimed_fen: XIAMEN_TOTAL_FEN });
    const act = (action: string, body: unknown, token: string) => api.call('POST', `/api/v1/cases/${caseNo}/actions/${action}`, body, token);
    const view = async () => (await api.call('GET', `/api/v1/cases/${caseNo}`, undefined, mediator)).body.view;

    const today = shanghaiDate(await sys.env.currentTimeMs());
    const day = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
    const plan = [120_000_000, 120_000_000, 122_000_000].map((amountFen, i) => ({ dueDate: day(10 + 30 * i), amountFen }));
    expect((await act('electRepresentatives', { partyNos: [2, 3, 4] }, mediator)).status).toBe(200);
    expect((await act('draftAgreement', {
      terms: workers.map((w, i) => ({ partyNo: i + 2, amountFen: w.claimedFen })), totalFen: XIAMEN_TOTAL_FEN, paymentMethod: '银行转账',
      payment: { kind: 'installments', installments: plan },
    }, mediator)).status).toBe(200);
    for (const phone of ['13905920000', ...workers.map((w) => w.phone)]) {
      const sms = await sys.sms.waitFor((m) => m.phone === phone && /确认码\d{6}/.test(m.text), 30_000);
      const r = await api.call('POST', `/api/v1/mediations/${caseNo}/confirmations`, { phone, code: /确认码(\d{6})/.exec(sms.text)![1] });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    await eventually(async () => (await view()).stage === 'submitting', 20_000);
    expect((await act('submitForReview', {}, mediator)).status).toBe(200);
    await eventually(async () => (await api.call('GET', '/api/v1/documents', undefined, clerk)).body.documents.length === 2, 60_000);
    expect((await act('acceptReview', {}, clerk)).status).toBe(200);
    expect((await act('confirmReview', { decisionNo: '厦劳人仲调字〔2026〕第118号', effectiveOn: today }, clerk)).status).toBe(200);
    await eventually(async () => (await view()).stage === 'performing', 20_000);
    // Performing, the mediator's page offers property leads and the court to apply to: a list, not a unit id to type.
    const page = await fetch(`${sys.baseUrl}/staff/cases/${caseNo}`, { headers: { authorization: `Bearer ${mediator}` } }).then((r) => r.text());
    for (const action of ['recordPropertyLead', 'chooseEnforcementCourt']) expect(page).toContain(`id="action-${action}"`);
    expect(page).toContain('<select id="m-court-unit" name="courtUnitId"><option value="">请选择</option>');

    // First installment: reminded three days before, paid on time.
    const due = (i: number) => Date.parse(`${plan[i].dueDate}T23:59:59.999+08:00`);
    await sys.env.sleep(due(0) - defaultMediationPolicy.installmentReminderLead - (await sys.env.currentTimeMs()) + MINUTE);
    await sys.sms.waitFor((m) => m.phone === '13905920000' && m.text.includes('第1期'), 20_000);
    expect((await act('recordPayment', { installmentNo: 1, paidFen: plan[0].amountFen }, mediator)).status).toBe(200);

    // Second: not paid by its day; every worker and the mediator hear of it; the grace passes.
    await sys.env.sleep(due(1) - (await sys.env.currentTimeMs()) + MINUTE);
    await eventually(async () => (await view()).installments[1].status === 'missed', 20_000);
    await sys.sms.waitFor((m) => m.phone === workers[42].phone && m.text.includes('未按调解协议'), 20_000);
    await sys.env.sleep(defaultMediationPolicy.installmentGrace + MINUTE);
    const mail = await sys.smtp.waitFor((m) => m.to.includes('lian@xihu-court.example'), 60_000);
    const stored = await sys.db.selectFrom('documents').select(['id', 'sha256']).where('case_no', '=', caseNo).where('kind', '=', 'enforcement-application').executeTakeFirstOrThrow();
    expect(mail.attachments.map((a) => a.sha256)).toEqual([stored.sha256]);

    // The court's clerk receives it through the inbox; the station's case closes, and the grievance records its result.
    const inbox = await api.call('GET', '/api/v1/documents', undefined, court);
    expect(inbox.body.documents.map((d: { id: number }) => d.id)).toEqual([stored.id]);
    expect((await api.call('POST', `/api/v1/documents/${stored.id}/receipt`, undefined, court)).status).toBe(200);
    const closed = await eventually(async () => {
      const row = await sys.db.selectFrom('cases').select(['status', 'outcome', 'recovered_fen']).where('case_no', '=', caseNo).executeTakeFirst();
      return row?.status === 'closed' && row;
    }, 30_000);
    expect(closed).toEqual({ status: 'closed', outcome: 'enforcement', recovered_fen: plan[0].amountFen });
    await eventually(async () => (await api.call('GET', `/api/v1/cases/${grievanceNo}`, undefined, caseworker)).body.view.stage === 'followUp', 20_000);
    const told = await sys.db.selectFrom('case_events').select('summary').where('case_no', '=', grievanceNo).where('type', '=', 'station_result').executeTakeFirstOrThrow();
    expect(told.summary).toContain('已申请强制执行');
    expect(told.summary).toContain('1200000.00');
  }, 300_000);
});
