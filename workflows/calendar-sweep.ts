/**
 * Tells every open case that the holiday calendar changed (issue 16), so each recomputes its statutory deadlines not
 * yet passed. Started by the calendar endpoint with the id `calendar-sweep-<version>`.
 *
 * Why a workflow that signals (getExternalWorkflowHandle().signal) rather than an activity that signals through the
 * client: each signal is a command in this workflow's history. Once a workflow task with it completes, the server
 * delivers it, and a worker that crashes afterwards replays the history and finds the signal already sent, so no case
 * is signalled twice and none is forgotten. An activity calling the client would be retried as a whole after a crash
 * (re-signalling every case it had reached, or needing a heartbeat cursor of its own to avoid that), and would hold
 * the whole list in one attempt. The list is read a page at a time in workflow id order, and the history is cut with
 * continue-as-new (same workflow id) so that ten thousand open cases never grow one history past its limits.
 */
import { continueAsNew, getExternalWorkflowHandle, proxyLocalActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities/types';
import { calendarChangedSignal } from './shared/calendar-signals';

const { listOpenCaseWorkflows } = proxyLocalActivities<Pick<CaseActivities, 'listOpenCaseWorkflows'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** signals sent at once (one page), and pages per run before continue-as-new (about 4,000 history events a run) */
const PAGE = 100;
const PAGES_PER_RUN = 20;

export interface CalendarSweepInput {
  version: string;
  /** where the previous run stopped (continue-as-new) */
  after?: string | null;
  signalled?: number;
  /** open in Postgres but no longer running in Temporal (closed a moment ago, or past retention) */
  gone?: number;
}

export interface CalendarSweepResult {
  version: string;
  signalled: number;
  gone: number;
}

export async function calendarSweep(input: CalendarSweepInput): Promise<CalendarSweepResult> {
  const { version } = input;
  let after = input.after ?? null;
  let signalled = input.signalled ?? 0;
  let gone = input.gone ?? 0;
  for (let page = 0; page < PAGES_PER_RUN; page++) {
    const ids = await listOpenCaseWorkflows({ after, limit: PAGE });
    const sent = await Promise.allSettled(ids.map((id) => getExternalWorkflowHandle(id).signal(calendarChangedSignal, { version })));
    signalled += sent.filter((r) => r.status === 'fulfilled').length;
    gone += sent.filter((r) => r.status === 'rejected').length;
    if (ids.length < PAGE) return { version, signalled, gone };
    after = ids[ids.length - 1];
  }
  return continueAsNew<typeof calendarSweep>({ version, after, signalled, gone });
}
