/**
 * Every task of the case as deadlines a supervisor checks: set (opened, for whom, due when), then met (done before its
 * due time), missed (the due time passed first) and, when missed, done late, handed on, or still open. The escalation
 * rungs that followed a miss are events of their own (event-entries.ts).
 */
import type { TaskRecord } from './case-records';
import { roleLabel, span, toMs, when } from './format';
import type { AccountEntry, EntryKind } from './types';

/** Who holds a task: the person who took it over, a partner department, or the role in its unit. */
export function holderOf(t: TaskRecord): string {
  if (t.person) return `${t.person}（${roleLabel(t.assignee_role)}）`;
  if (t.department) return `${t.department}（${roleLabel(t.assignee_role)}）`;
  return `${t.unit_name ?? ''}${roleLabel(t.assignee_role)}`;
}

function at(ms: number, kind: EntryKind, text: string, extra: Partial<AccountEntry> = {}): AccountEntry {
  return { at: new Date(ms).toISOString(), when: when(ms), kind, text, ...extra };
}

/** `why`: the kind's reasons a task is handed on or cancelled (its registry entry). */
export function deadlineEntries(tasks: TaskRecord[], now: number, why: { reassigned?: string; canceled?: string } = {}): AccountEntry[] {
  const out: AccountEntry[] = [];
  for (const t of tasks) {
    const due = toMs(t.due_at);
    const closed = t.closed_at ? toMs(t.closed_at) : null;
    const name = `“${t.title}”`;
    out.push(at(toMs(t.opened_at), 'deadline_set', `设定时限：待办${name}派给${holderOf(t)}，须在 ${when(due)} 前完成`));

    const missed = due <= (closed ?? now);
    if (missed) {
      const still = closed === null ? [`至今未完成，已超时${span(now - due)}${t.escalation_level > 0 ? `，已督办至第${t.escalation_level}级` : ''}`] : [];
      out.push(at(due, 'deadline_missed', `超过时限：待办${name}未在 ${when(due)} 前完成（承办：${holderOf(t)}）`, { details: still, tone: 'late' }));
    }
    if (closed === null) continue;
    if (t.status === 'done') {
      out.push(missed
        ? at(closed, 'deadline_missed', `逾期完成：待办${name}，超过时限${span(closed - due)}`, { tone: 'late' })
        : at(closed, 'deadline_met', `按时完成：待办${name}，在时限（${when(due)}）前${span(due - closed)}完成`, { tone: 'ok' }));
    } else if (t.status === 'reassigned') {
      out.push(at(closed, 'deadline_set', `待办${name}转由他人办理${why.reassigned ?? ''}，时限不变`));
    } else {
      out.push(at(closed, 'deadline_set', `待办${name}已取消，不再需要办理${why.canceled ?? ''}`));
    }
  }
  return out;
}
