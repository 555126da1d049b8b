/**
 * One follow-up of the early warning on the time-skipping server: a red enterprise texts its street's chair, its own
 * union chair and the HR contact once; fifteen days without a result remind district staff once; the result recorded
 * closes it. (The schedule and the once-only start are tested on the real system: test/integration/risk-warning.test.ts.)
 */
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { gongqingDataConverter } from '../../activities/codec/data-converter';
import type { FollowUpRecord } from '../../activities/risk/types';
import type { Contact, SmsRequest } from '../../activities/types';
import { riskWarningConfig } from '../../temporal.config';
import { followUpDoneSignal } from '../../workflows/risk-warning/definitions';
import { workflowCode } from '../../worker';
import { createTimeSkippingEnv, eventually } from '../helpers/time-skipping';

const taskQueue = 'risk-follow-up';
const DAY = 86_400_000;
const rows = new Map<string, FollowUpRecord & { level: number; closedBy?: string }>();
const sms: SmsRequest[] = [];
const person = (role: Contact['role'], phone: string): Contact => ({ role, name: role, phone });
const activities = {
  recordFollowUp: async (f: FollowUpRecord) => { if (rows.has(f.followupId)) return false; rows.set(f.followupId, { ...f, level: 0 }); return true; },
  escalateFollowUp: async ({ followupId, level }: { followupId: string; level: number }) => { rows.get(followupId)!.level = level; },
  closeFollowUp: async ({ followupId, by }: { followupId: string; by: string }) => { rows.get(followupId)!.closedBy = by; },
  findContacts: async ({ roles, department }: { roles: Contact['role'][]; department?: string | null }) =>
    roles.map((r) => person(r, r === 'partner_department' ? `hr-${department}` : `p-${r}`)),
  findEnterpriseChair: async () => person('enterprise_chair', 'p-enterprise_chair'),
  sendSmsBatch: async (reqs: SmsRequest[]) => { for (const r of reqs) if (!sms.some((m) => m.key === r.key)) sms.push(r); return { rejected: [] }; },
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
beforeAll(async () => {
  env = await createTimeSkippingEnv();
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue, ...(await workflowCode()), activities, dataConverter: gongqingDataConverter() });
  running = worker.run();
});
afterAll(async () => {
  worker?.shutdown();
  await running?.catch(() => undefined);
  await env?.teardown();
});

describe('risk warning: one follow-up', () => {
  it('red: SMS to those responsible once, a reminder past the due time, closed by the recorded result', async () => {
    const change = {
      followupId: 'risk-enterprise-e-1-red-2026-12-01', unitType: 'enterprise' as const, unitId: 'e-1', unitName: '某纺织有限公司',
      streetId: 's-1', streetName: '某街道总工会', districtId: 'd-1', enterpriseId: 'e-1', colour: 'red' as const, changedOn: '2026-12-01', complaints: 5,
    };
    const handle = await env.client.workflow.start('riskFollowUp', { taskQueue, workflowId: change.followupId, args: [{ change, policy: riskWarningConfig.policy }] });
    await eventually(() => sms.length === 3);
    expect(rows.get(change.followupId)).toMatchObject({ action: 'inspect', role: 'partner_department', department: '人社局', unitOfAssignee: 'd-1' });
    expect(sms.map((m) => [m.template, m.to.phone])).toEqual([['risk-red', 'p-street_chair'], ['risk-red', 'p-enterprise_chair'], ['risk-red', 'hr-人社局']]);
    expect(sms[0].vars).toMatchObject({ unit: '某纺织有限公司', where: '（某街道总工会）', complaints: 5 });

    await env.sleep(riskWarningConfig.policy.dueDays.inspect * DAY + 60_000);
    await eventually(() => sms.length === 4);
    expect(sms[3]).toMatchObject({ template: 'risk-overdue', to: { role: 'district_staff' } });
    expect(rows.get(change.followupId)!.level).toBe(1);
    await env.sleep(30 * DAY);
    expect(sms).toHaveLength(4); // reminded once

    await handle.signal(followUpDoneSignal, { by: '区权保部王干事', note: '已联合检查' });
    expect(await handle.result()).toBe('done');
    expect(rows.get(change.followupId)!.closedBy).toBe('区权保部王干事');
  }, 60_000);
});
