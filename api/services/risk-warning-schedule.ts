/**
 * Makes sure the daily schedule that recomputes the red / yellow / blue warning exists for this deployment's task
 * queue (the web process calls it at start, as it does the housekeeping's; an existing schedule is left as it is).
 */
import type { Client } from '@temporalio/client';
import { ensureDailySchedule } from './daily-schedule';
import { riskWarningConfig, temporalConfig } from '../../temporal.config';

export const riskWarningScheduleId = (taskQueue = temporalConfig.taskQueue) => `risk-warning-${taskQueue}`;

export async function ensureRiskWarningSchedule(temporal: Client, taskQueue = temporalConfig.taskQueue): Promise<void> {
  const id = riskWarningScheduleId(taskQueue);
  // two runs at once would only compute the same colours (and wait on each other's lock)
  await ensureDailySchedule(temporal, { id, taskQueue, at: riskWarningConfig, workflowType: 'riskWarning', args: [{ policy: riskWarningConfig.policy }] });
}
