/**
 * Makes sure the daily housekeeping schedule exists for this deployment's task queue (the web process calls it at
 * start; a schedule that already exists is left as it is, so several web processes make one).
 */
import type { Client } from '@temporalio/client';
import { ensureDailySchedule } from './daily-schedule';
import { housekeepingConfig, temporalConfig } from '../../temporal.config';

export const housekeepingScheduleId = (taskQueue = temporalConfig.taskQueue) => `housekeeping-${taskQueue}`;

export async function ensureHousekeepingSchedule(temporal: Client, taskQueue = temporalConfig.taskQueue): Promise<void> {
  const id = housekeepingScheduleId(taskQueue);
  // a run still going (Postgres down all night) is not joined by a second one
  await ensureDailySchedule(temporal, { id, taskQueue, at: housekeepingConfig, workflowType: 'housekeeping', args: [{ phoneCodeDays: housekeepingConfig.phoneCodeDays, triesDays: housekeepingConfig.triesDays }] });
}
