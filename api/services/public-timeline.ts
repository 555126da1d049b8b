/** What the worker sees of a case's history: the steps, without staff-internal escalation and task bookkeeping. */
const INTERNAL = new Set(['task_opened', 'task_escalated', 'enterprise_chair_missing', 'enterprise_notice_cancelled']);

export function publicTimeline(events: { type: string; summary: string; at: Date }[]) {
  return events.filter((e) => !INTERNAL.has(e.type)).map((e) => ({ type: e.type, summary: e.summary, at: e.at }));
}
