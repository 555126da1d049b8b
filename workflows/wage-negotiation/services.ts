/**
 * The service menu (DOMAIN §5): the enterprise union asks for a mentor, legal aid or skills training. A mentor request
 * is an order in the district's pool that a mentor takes (接单, the core's claim), who is then attached to the round
 * until they record the service done; training is the city union's task; legal aid opens a legal-aid case linked to
 * the round, which runs on its own.
 */
import { condition } from '@temporalio/workflow';
import { activities, nowIso, nowMs } from '../shared/case-host';
import { humanStep, type Assignee } from '../shared/human-step';
import { startLegalAid } from '../legal-aid-handover';
import { SERVICE_LABELS, type ServiceRequest } from '../kinds/wage-negotiation/model';
import { cityUnion, isOver, type RoundParts } from './parts';
import { textContacts } from './outreach';

function provider(p: RoundParts, r: ServiceRequest): Assignee {
  if (r.service === 'training') return cityUnion(p);
  const claim = p.s.claims.find((c) => c.taskId === r.taskId);
  // Until a mentor takes the order it is the pool's: every mentor of the district sees it.
  return claim ? { role: claim.role, unitId: claim.unitId, department: null, userId: claim.userId } : { role: 'negotiation_mentor', unitId: p.intake.districtId, department: null };
}

async function serve(p: RoundParts, r: ServiceRequest): Promise<void> {
  if (r.service === 'legal_aid') {
    const [applicant] = r.applicant ? [r.applicant] : [];
    await startLegalAid(p.host, {
      source: 'wage_negotiation', districtId: p.intake.districtId, streetId: p.intake.streetId, dispute: '工资集体协商',
      facts: `${p.intake.enterpriseName}工会在${p.intake.year}年度工资集体协商中申请法律援助：${r.note}`,
      workers: applicant ? [{ partyNo: 1, name: applicant.name, phone: applicant.phone, idNumber: '', claimedFen: 0 }] : [],
      debtors: [{ partyNo: applicant ? 2 : 1, name: p.intake.enterpriseName, enterpriseId: p.intake.enterpriseId, address: '', representative: { role: '法定代表人', name: '' } }],
    });
    r.legalAidCaseNo = `LA${p.host.caseNo.slice(2)}`;
    r.done = true;
    await p.host.persistRestPoint({ caseNo: p.host.caseNo, at: nowIso(), events: [] });
    return;
  }
  r.taskId = p.host.nextTaskId('service');
  const taskId = r.taskId;
  if (r.service === 'mentor') {
    const mentors = await activities.findContacts({ unitId: p.intake.districtId, roles: ['negotiation_mentor'] });
    await textContacts(p, mentors, `service-${r.requestNo}`, 'wage-mentor-order', { enterprise: p.intake.enterpriseName, note: r.note });
  }
  await humanStep(p.host, {
    kind: 'service', taskId, title: `${SERVICE_LABELS[r.service]}服务：${p.intake.enterpriseName}（${r.note.slice(0, 30)}）`,
    dueAt: nowMs() + p.policy.serviceDue, standalone: true,
    assignee: () => provider(p, r), done: () => r.done, abandoned: () => isOver(p.s),
  }, p.policy);
}

/**
 * Serves each request as it comes, until the round ends. A request is served once its own transition has landed
 * (`recorded`, set by the command's afterPersist): what serving does then (a child workflow started, a task's timer)
 * follows the command's answer in a fixed order, rather than racing it, and so replays as it ran.
 */
export async function serveRequests(p: RoundParts): Promise<void> {
  let served = 0;
  for (;;) {
    await condition(() => p.s.services[served]?.recorded === true || p.s.stage === 'closed');
    if (p.s.services[served]?.recorded !== true) return;
    p.host.inBackground(serve(p, p.s.services[served++]));
  }
}
