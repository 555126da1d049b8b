/**
 * Makes sure the daily schedule that opens the planned wage rounds exists for this deployment's task queue (the web
 * process calls it at start, as it does the housekeeping's; an existing schedule is left as it is).
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { temporalConfig, wagePlanConfig } from '../../temporal.config';

export const wagePlanScheduleId = (taskQueue = temporalConfig.taskQueue) => `wage-plan-${taskQueue}`;

export async function ensureWagePlanSchedule(temporal: Client, taskQueue = temporalConfig.taskQueue): Promise<void> {
  const id = wagePlanScheduleId(taskQueue);
  try {
    await temporal.schedule.create({
      scheduleId: id,
      spec: { calendars: [{ hour: wagePlanConfig.hour, minute: wagePlanConfig.minute }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'openPlannedWageRounds', workflowId: id, taskQueue, args: [{ aheadDays: wagePlanConfig.openAheadDays }] },
      // two runs at once would only race to open the same rounds (Temporal refuses the second start of each anyway)
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
