/**
 * A wage round on the real system for the 协商码 tests (integration and e2e): started as the plan opener would, for the
 * demo's 杭州迅达快递 (its union's chair kuaidi.zx, district 西湖区), brought to 'negotiating' by the chair's actions, and
 * a worker's post through the JSON API with the code read off the phone (the loopback SMS gateway).
 */
import { randomInt } from 'node:crypto';
import { defaultWageNegotiationPolicy } from '../../temporal.config';
import type { WageRoundInput } from '../../workflows/kinds/wage-negotiation/model';
import { shanghaiDate } from '../../workflows/shared/deadlines';
import { apiClient } from './http';
import type { System } from './system';
import { eventually } from './time-skipping';
import { codeSentTo } from './worker-proof';

export const CHAIR = 'kuaidi.zx';
export const CITY_UNION = 'xihu.qb';
export const ENTERPRISE = '杭州迅达快递有限公司';

export function demoRoundInput(year = 2026): WageRoundInput {
  return {
    // A number of its own per run: the dev server outlives each file's database.
    caseNo: `WN${year}${String(randomInt(900_000, 1_000_000))}`,
    policy: { ...defaultWageNegotiationPolicy, quietHours: null },
    intake: {
      enterpriseId: 'e-kuaidi', enterpriseName: ENTERPRISE, unionUnitId: 'u-kuaidi', year,
      plannedStart: shanghaiDate(Date.now() + 30 * 86_400_000), planId: null, districtId: 'd-xihu', streetId: 's-beishan', hrUnitId: null,
      openedBy: { role: 'district_staff', name: '区权保部王干事' },
    },
  };
}

/** Starts a round, waits for its row, and has the chair request negotiation and record the employer's yes (`on`, a day). */
export async function negotiatingRound(sys: System, year = 2026, on = shanghaiDate(Date.now())): Promise<{ caseNo: string; code: string; chair: string }> {
  const input = demoRoundInput(year);
  await sys.temporal.workflow.start('wageNegotiation', { taskQueue: sys.taskQueue, workflowId: `wage_negotiation-${input.caseNo}`, args: [input] });
  const row = await eventually(() => sys.db.selectFrom('wage_rounds').select('public_code').where('case_no', '=', input.caseNo).executeTakeFirst(), 20_000);
  const api = apiClient(sys.baseUrl);
  const chair = await api.login(CHAIR);
  for (const [action, payload] of [['requestNegotiation', { from: 'union', sentOn: on }], ['recordAnswer', { agreed: true, answeredOn: on }]] as const) {
    const r = await api.call('POST', `/api/v1/cases/${input.caseNo}/actions/${action}`, payload, chair);
    if (r.status !== 200) throw new Error(`${action}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { caseNo: input.caseNo, code: row.public_code, chair };
}

/** A worker's code for posting, as the phone receives it. */
export async function postCode(sys: System, code: string, phone: string): Promise<string> {
  const seen = sys.sms.received.length;
  const r = await apiClient(sys.baseUrl).call('POST', `/api/v1/negotiation-rounds/${code}/phone-codes`, { phone });
  if (r.status !== 202) throw new Error(`phone code: ${r.status} ${JSON.stringify(r.body)}`);
  return codeSentTo(sys, phone, seen);
}

/** A worker's post through the JSON API: code requested, read off the phone, post sent. */
export async function postAsWorker(sys: System, code: string, phone: string, body: { kind?: 'suggestion' | 'comment'; text: string; idempotencyKey?: string }) {
  const phoneCode = await postCode(sys, code, phone);
  return apiClient(sys.baseUrl).call('POST', `/api/v1/negotiation-rounds/${code}/posts`, { kind: 'suggestion', ...body, phone, phoneCode });
}
