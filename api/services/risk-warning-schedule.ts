/**
 * Makes sure the daily schedule that recomputes the red / yellow / blue warning exists for this deployment's task
 * queue (the web process calls it at start, as it does the housekeeping's; an existing schedule is left as it is).
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { riskWarningConfig, temporalConfig } from '../../temporal.config';

export const riskWarningScheduleId = (taskQueue = temporalConfig.taskQueue) => `risk-warning-${taskQueue}`;

export async function ensureRiskWarningSchedule(temporal: Client, taskQueue = temporalConfig.taskQueue): Promise<void> {
  const id = riskWarningScheduleId(taskQueue);
  try {
    await temporal.schedule.create({
      scheduleId: id,
      spec: { calendars: [{ hour: riskWarningConfig.hour, minute: riskWarningConfig.minute }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: 'riskWarning', workflowId: id, taskQueue, args: [{ policy: riskWarningConfig.policy }] },
      // two runs at once would only compute the same colours (and wait on each other's lock)
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
