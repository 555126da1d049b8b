/**
 * The account of a case (issue 15): the Postgres records and the engine's timers and retries merged into one story,
 * oldest first, with the summary and the waiting timers on top. Past the engine's retention it is told from Postgres
 * alone and says so.
 */
import type { CaseRow } from '../../../db/schema';
import { kindOfCaseNo } from '../../../workflows/kinds';
import type { CaseStory } from './case-story';
import { deadlineEntries } from './deadline-entries';
import { eventEntries, smsEntries } from './event-entries';
import { smsGroups } from './sms-groups';
import { accountSummary } from './summary';
import { nextDeadline, timerEntries, waitingItems } from './timer-entries';
import type { AccountEntry, CaseAccount, EntryKind } from './types';

/** Entries written at the same instant read in cause-and-effect order: the filing, then what it set going. */
const ORDER: Record<EntryKind, number> = {
  filed: 0, command: 1, note: 1, takeover: 1, timer: 2, deadline_set: 3, deadline_missed: 3, deadline_met: 3,
  escalation: 4, system: 4, sms: 5,
};

function story(entries: AccountEntry[]): AccountEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.at.localeCompare(b.e.at) || ORDER[a.e.kind] - ORDER[b.e.kind] || a.i - b.i)
    .map(({ e }) => e);
}

export function caseAccount(row: CaseRow, s: CaseStory, now = Date.now()): CaseAccount {
  const { events, tasks, sms } = s.records;
  const account = kindOfCaseNo(row.case_no)?.account ?? {};
  const groups = smsGroups(row.case_no, sms, s.facts?.sends ?? [], tasks);
  const used = new Set<string>();
  const fromEvents = eventEntries(events, groups, used, account);
  const entries = story([...timerEntries(s.timers), ...fromEvents, ...deadlineEntries(tasks, now, account.taskEnds), ...smsEntries(groups, used)]);
  const waiting = s.facts ? waitingItems(s.timers, s.facts) : [];
  const archived = s.engine === null;
  return {
    caseNo: row.case_no,
    archived,
    source: archived
      ? '引擎流程记录已超过保留期限：本记录仅根据数据库中保存的案件记录、待办和短信整理，计时与重试信息已无法查询'
      : '根据工作流引擎的流程记录与数据库中的案件记录、待办和短信整理',
    summary: accountSummary(row, s.records, waiting, s.facts ? nextDeadline(s.timers) : undefined, now),
    waiting,
    entries,
  };
}

/** The story split by Shanghai day, so a phone reads a date once and then only times. */
export function entriesByDay(entries: AccountEntry[]): { day: string; entries: (AccountEntry & { time: string })[] }[] {
  const days: { day: string; entries: (AccountEntry & { time: string })[] }[] = [];
  for (const e of entries) {
    const day = e.when.slice(0, 10);
    if (days.at(-1)?.day !== day) days.push({ day, entries: [] });
    days.at(-1)!.entries.push({ ...e, time: e.when.slice(11) });
  }
  return days;
}
