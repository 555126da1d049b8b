/** What every case workflow shares: ids, the event sequence, the workflow clock and the activity proxies. */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities, CaseEvent } from '../../activities/types';
import type { OpenTaskView } from './grievance-model';
import type { Role } from './roles';

/**
 * Each activity is one short transaction or one gateway call, so a short timeout: when a worker dies mid-activity the
 * retry on another worker waits out this timeout, and that is the delay a caseworker sees after a crash.
 */
export const activities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Inside a workflow the SDK makes Date deterministic (it returns the time of the current workflow task). */
export function nowMs(): number {
  return Date.now();
}
export function nowIso(): string {
  return new Date(nowMs()).toISOString();
}

export class CaseHost {
  readonly workflowId = workflowInfo().workflowId;
  readonly openTasks = new Map<string, OpenTaskView>();
  /**
   * Bumped at each rest point, when the flow has persisted a change and waits for people again (a task opened, a side
   * task closed, the case closed); a command waits for it so its answer shows the state after the flow reacted.
   */
  progress = 0;
  private seq = 0;
  private taskNo = 0;

  constructor(
    readonly caseNo: string,
    readonly units: { districtId: string; streetId: string },
  ) {}

  event(type: string, actor: { name: string; role: Role | 'system' }, summary: string, data: Record<string, unknown> = {}): CaseEvent {
    const seq = ++this.seq;
    return { key: `${this.workflowId}#${seq}`, seq, type, actor: actor.name, actorRole: actor.role, summary, data, at: nowIso() };
  }

  systemEvent(type: string, summary: string, data: Record<string, unknown> = {}): CaseEvent {
    return this.event(type, { name: '系统', role: 'system' }, summary, data);
  }

  nextTaskId(kind: string): string {
    return `${this.workflowId}/${kind}/${++this.taskNo}`;
  }
}
