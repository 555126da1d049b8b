/**
 * The follow-up of one change of colour (DOMAIN §2), read top to bottom:
 *   blue   → the street's caseworker gives the unit special attention at the next routine visit;
 *   yellow → district staff talk with that street's or enterprise's union chair;
 *   red    → a joint on-site inspection with HR & social security, and an SMS to those responsible.
 * The follow-up is recorded once (its key is unique), waits until someone marks it done, and past its due time
 * reminds district staff once. Its SMS keys are the follow-up's key and the role, so a retry never texts twice.
 */
import { condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { PendingFollowUp, RiskActivities } from '../../activities/risk/types';
import type { CaseActivities, Contact } from '../../activities/types';
import { followUpDoneSignal, type FollowUpDone } from './definitions';
import { ACTION_LABELS, ACTION_OF, COLOUR_LABELS, followUpAssignee, type RiskWarningPolicy } from './grade';

const retry = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' } as const;
const local = proxyLocalActivities<RiskActivities & Pick<CaseActivities, 'findContacts' | 'findEnterpriseChair'>>({ startToCloseTimeout: '10 seconds', retry });
const outbound = proxyActivities<Pick<CaseActivities, 'sendSmsBatch'>>({ startToCloseTimeout: '1 minute', heartbeatTimeout: '20 seconds', retry });


const DAY = 86_400_000;

export async function riskFollowUp({ change, policy }: { change: PendingFollowUp; policy: RiskWarningPolicy }): Promise<'done'> {
  let done: FollowUpDone | undefined;
  setHandler(followUpDoneSignal, (d) => { done ??= d; });

  const action = ACTION_OF[change.colour];
  const who = followUpAssignee(action, { streetId: change.streetId, districtId: change.districtId }, policy);
  const openedAt = Date.now();
  const dueAt = openedAt + policy.dueDays[action] * DAY;
  const title = `${change.unitName}${COLOUR_LABELS[change.colour]}预警（${policy.windowDays}天内投诉${change.complaints}件）：${ACTION_LABELS[action]}`;
  await local.recordFollowUp({
    followupId: change.followupId, unitType: change.unitType, unitId: change.unitId, streetId: change.streetId, colour: change.colour,
    changedOn: change.changedOn, action, title, role: who.role, unitOfAssignee: who.unitId, department: who.department,
    openedAt: new Date(openedAt).toISOString(), dueAt: new Date(dueAt).toISOString(),
  });

  if (change.colour === 'red') {
    const [chair, hr, enterpriseChair] = await Promise.all([
      local.findContacts({ unitId: change.streetId, roles: ['street_chair'] }),
      local.findContacts({ unitId: change.districtId, roles: ['partner_department'], department: policy.inspectDepartment }),
      change.enterpriseId ? local.findEnterpriseChair({ enterpriseId: change.enterpriseId }) : Promise.resolve(null),
    ]);
    const to: Contact[] = [...chair, ...(enterpriseChair ? [enterpriseChair] : []), ...hr];
    await outbound.sendSmsBatch(to.map((c) => ({
      key: `${change.followupId}:${c.role}`, caseNo: change.followupId, template: 'risk-red', to: c,
      vars: { unit: change.unitName, where: change.unitType === 'enterprise' ? `（${change.streetName}）` : '', days: policy.windowDays, complaints: change.complaints, department: policy.inspectDepartment, dueAt: new Date(dueAt).toISOString() },
    })));
  }

  if (!(await condition(() => done !== undefined, dueAt - Date.now()))) {
    await local.escalateFollowUp({ followupId: change.followupId, level: 1 });
    const staff = await local.findContacts({ unitId: change.districtId, roles: ['district_staff'] });
    await outbound.sendSmsBatch(staff.map((c) => ({
      key: `${change.followupId}:overdue:${c.role}`, caseNo: change.followupId, template: 'risk-overdue', to: c,
      vars: { title, dueAt: new Date(dueAt).toISOString() },
    })));
    await condition(() => done !== undefined);
  }
  await local.closeFollowUp({ followupId: change.followupId, at: new Date().toISOString(), by: done!.by, note: done!.note });
  return 'done';
}
