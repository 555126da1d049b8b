/**
 * Once a day (a Temporal schedule, `housekeeping-<task queue>`): sessions, one-time codes and code tries that can prove
 * nothing any more are deleted, and the counts are this run's result. A workflow rather than a timer in the web
 * process, so that a day is neither skipped while the web process restarts nor run twice by two of them.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities, PurgeCounts, PurgeRequest } from '../activities/types';

const { purgeExpired } = proxyActivities<Pick<CaseActivities, 'purgeExpired'>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export async function housekeeping(input: Omit<PurgeRequest, 'now'>): Promise<PurgeCounts> {
  return purgeExpired({ ...input, now: new Date().toISOString() });
}
