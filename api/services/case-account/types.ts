/**
 * A case's account for supervisors (issue 15): what happened, in plain zh-CN, oldest first, with a summary on top and
 * the timers still waiting. The page renders it and the JSON API returns it as is, so both say the same thing.
 */

import type { AccountEntryKind } from '../../../workflows/kinds/account-spec';

export type EntryKind = AccountEntryKind;

export interface AccountEntry {
  /** UTC ISO time (DESIGN: UTC at the edges); `when` is the same moment read in Asia/Shanghai */
  at: string;
  when: string;
  kind: EntryKind;
  /** who acted: "北山街道社工（社会化工会工作者）"; absent for what the system did on its own */
  who?: string;
  text: string;
  /** recipients and their delivery state, retries, what a deadline came to */
  details?: string[];
  /** late: a deadline missed or escalated; warn: something a person must look at (a refused number, no chair) */
  tone?: 'late' | 'ok' | 'warn';
}

/** What every kind's timers may wait for; a kind adds words of its own (the grievance's 'enterprise_notice'). */
export type CoreWaitingKind = 'step_due' | 'escalation' | 'quiet_hours' | 'sms_retry' | 'other';

/** A timer the engine still waits on, with what it is for. */
export interface WaitingItem {
  at: string;
  when: string;
  kind: CoreWaitingKind | (string & {});
  text: string;
}

export interface AccountSummary {
  stage: string;
  status: string;
  /** the union level that handles the case: 街道 or 区总工会 (代访代办) */
  level: string;
  /** who holds each open task now */
  assignees: string[];
  overdue: string[];
  next: WaitingItem | null;
  enterpriseNotice: string;
  filedAt: string;
}

export interface CaseAccount {
  caseNo: string;
  /** the engine's history has left Temporal's retention: built from Postgres alone, and no timer can be read */
  archived: boolean;
  source: string;
  summary: AccountSummary;
  waiting: WaitingItem[];
  entries: AccountEntry[];
}
