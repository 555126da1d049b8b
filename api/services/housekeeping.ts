/**
 * Makes sure the daily housekeeping schedule exists for this deployment's task queue (the web process calls it at
 * start; a schedule that already exists is left as it is, so several web processes make one).
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { housekeepingConfig, temporalConfig } from '../../temporal.config';

export const housekeepingScheduleId = (taskQueue = temporalConfig.taskQueue) => `housekeeping-${taskQueue}`;

export async function ensureHousekeepingSchedule(temporal: Client, taskQueue = temporalConfig.taskQueue): Promise<void> {
  const id = housekeepingScheduleId(taskQueue);
  try {
    await temporal.schedule.create({
      scheduleId: id,
      spec: { calendars: [{ hour: housekeepingConfig.hour, minute: housekeepingConfig.minute }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'housekeeping', workflowId: id, taskQueue, args: [{ phoneCodeDays: housekeepingConfig.phoneCodeDays, triesDays: housekeepingConfig.triesDays }] },
      // a run still going (Postgres down all night) is not joined by a second one
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
