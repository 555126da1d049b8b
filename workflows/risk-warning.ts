/**
 * Red / yellow / blue early warning (DOMAIN §2, 风险隐患码上防): a Temporal schedule runs this daily. It recomputes each
 * street's (or park's) and each enterprise's colour from the complaints of every kind in the window, then starts the
 * follow-up of every change. A follow-up's workflow id is its key (unit + colour + day of change), so a change is
 * followed up once however often this runs: a second start is refused by Temporal, and a recorded one is not listed.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyLocalActivities, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { RiskActivities } from '../activities/risk/types';
import type { RiskWarningPolicy } from './risk-warning/grade';
import type { riskFollowUp } from './risk-warning/follow-up';

const { recomputeRiskColours } = proxyLocalActivities<Pick<RiskActivities, 'recomputeRiskColours'>>({
  startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface RiskWarningInput {
  policy: RiskWarningPolicy;
}

export interface RiskWarningResult {
  units: number;
  changed: number;
  started: string[];
  alreadyStarted: number;
}

export async function riskWarning({ policy }: RiskWarningInput): Promise<RiskWarningResult> {
  const { units, changed, pending } = await recomputeRiskColours({ now: new Date().toISOString(), policy });
  const started: string[] = [];
  let alreadyStarted = 0;
  for (const change of pending) {
    try {
      await startChild<typeof riskFollowUp>('riskFollowUp', {
        workflowId: change.followupId, parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ change, policy }],
      });
      started.push(change.followupId);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      alreadyStarted += 1;
    }
  }
  return { units, changed, started, alreadyStarted };
}
