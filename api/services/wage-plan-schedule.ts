/**
 * Makes sure the daily schedule that opens the planned wage rounds exists for this deployment's task queue (the web
 * process calls it at start, as it does the housekeeping's; an existing schedule is left as it is).
 */
import type { Client } from '@temporalio/client';
import { ensureDailySchedule } from './daily-schedule';
import { temporalConfig, wagePlanConfig } from '../../temporal.config';

export const wagePlanScheduleId = (taskQueue = temporalConfig.taskQueue) => `wage-plan-${taskQueue}`;

export async function ensureWagePlanSchedule(temporal: Client, taskQueue = temporalConfig.taskQueue): Promise<void> {
  const id = wagePlanScheduleId(taskQueue);
  // two runs at once would only race to open the same rounds (Temporal refuses the second start of each anyway)
  await ensureDailySchedule(temporal, { id, taskQueue, at: wagePlanConfig, workflowType: 'openPlannedWageRounds', args: [{ aheadDays: wagePlanConfig.openAheadDays }] });
}
