/**
 * Makes sure a daily Temporal Schedule exists for this deployment's task queue (the web process calls it at start; a
 * schedule that already exists is left as it is, so several web processes make one). A run still going when the next
 * is due is not joined by a second one: each caller says why that is right for its work.
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export interface DailySchedule {
  id: string;
  taskQueue: string;
  /** Asia/Shanghai wall-clock time of the daily run */
  at: { hour: number; minute: number };
  workflowType: string;
  args: unknown[];
}

export async function ensureDailySchedule(temporal: Client, s: DailySchedule): Promise<void> {
  try {
    await temporal.schedule.create({
      scheduleId: s.id,
      spec: { calendars: [{ hour: s.at.hour, minute: s.at.minute }], timezone: 'Asia/Shanghai' },
      action: { type: 'startWorkflow', workflowType: s.workflowType, workflowId: s.id, taskQueue: s.taskQueue, args: s.args },
      policies: { overlap: ScheduleOverlapPolicy.SKIP },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
