/**
 * Opens the rounds of the city union's plan whose start is near (a Temporal schedule runs it daily). A round's
 * workflow id comes from its plan row, so a round opens once however often this runs: a row already opened is not
 * listed again, and one being opened by an earlier run that failed half-way is refused by Temporal as a duplicate.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyLocalActivities, startChild, WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/types';
import type { wageNegotiation } from './wage-negotiation';
import { wageRoundCaseNo } from './kinds/wage-negotiation/case-no';

const { dueWagePlans } = proxyLocalActivities<Pick<CaseActivities, 'dueWagePlans'>>({
  startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface WagePlanOpenerInput {
  /** rounds whose planned start is at most this many days away open now */
  aheadDays: number;
  /** rounds started at once */
  batch?: number;
}

export interface WagePlanOpenerResult {
  opened: string[];
  alreadyOpen: number;
}

export async function openPlannedWageRounds(input: WagePlanOpenerInput): Promise<WagePlanOpenerResult> {
  const { plans, policy } = await dueWagePlans({ today: new Date().toISOString(), aheadDays: input.aheadDays });
  const opened: string[] = [];
  let alreadyOpen = 0;
  const batch = input.batch ?? 50;
  for (let i = 0; i < plans.length; i += batch) {
    await Promise.all(plans.slice(i, i + batch).map(async (plan) => {
      const caseNo = wageRoundCaseNo(plan.year, plan.planId);
      try {
        await startChild<typeof wageNegotiation>('wageNegotiation', {
          workflowId: `wage_negotiation-${caseNo}`, parentClosePolicy: ParentClosePolicy.ABANDON,
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
          args: [{ caseNo, policy, intake: { ...plan, openedBy: { role: 'system' as never, name: '年度协商计划' } } }],
        });
        opened.push(caseNo);
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        alreadyOpen += 1;
      }
    }));
  }
  return { opened, alreadyOpen };
}
