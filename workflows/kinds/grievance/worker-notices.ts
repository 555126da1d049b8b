/**
 * What the worker is told by SMS as the case moves (issue 15): that someone took it, its outcome, and that it is
 * time to rate; each with their personal link (filled in by the activity, never in the history) and what comes next.
 * Sent in the background: a slow gateway never holds up the case. Cases that started before these messages existed
 * get them from the point they reach after the upgrade (patched, so their recorded histories replay unchanged).
 */

import type { Contact } from '../../../activities/types';
import { activities, type CaseHost } from '../../shared/case-host';
import type { GrievanceIntake } from './model';
import { since } from '../../shared/patch-generation';

export type WorkerNotice = 'taken' | 'outcome' | 'rate';

/** Each case's notices go out one after the other: the outcome must not arrive after the request to rate it. */
const lastNotice = new WeakMap<CaseHost, Promise<void>>();

export function tellWorker(host: CaseHost, intake: GrievanceIntake, notice: WorkerNotice, vars: Record<string, string | number>): void {
  if (!since('worker-sms-v1')) return;
  const to: Contact = { role: 'worker', name: intake.complainantName, phone: intake.complainantPhone };
  const send = () => host.sendSms(() => activities.sendSms({
    key: `${host.workflowId}:worker:${notice}`, caseNo: host.caseNo, template: `worker-${notice}`, to,
    vars: { caseNo: host.caseNo, ...vars }, secret: 'worker-link',
  }));
  const next = (lastNotice.get(host) ?? Promise.resolve()).then(send);
  lastNotice.set(host, next);
  host.inBackground(next);
}
