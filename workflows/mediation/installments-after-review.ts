/**
 * An installment that fell due while the arbitration commission was still reviewing the agreement could not be paid
 * against an enforceable 调解书: the employer owed it under an agreement not yet confirmed. It is due again counting from
 * the decision, as many days after it as it was after the agreement, and never before an earlier installment; the rest
 * keep their dates. (Before this, such an installment was missed the moment performance began and all workers texted.)
 */
import type { CaseEvent } from '../../activities/types';
import type { Agreement, Installment } from '../kinds/mediation/model';
import type { CaseHost } from '../shared/case-host';
import { shanghaiDate } from '../shared/deadlines';
import { endOfDueDay } from './installments';

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export interface Rescheduled { no: number; from: string; to: string }

/** Moves, in place, the installments already past at `decidedAt`; returns what moved. */
export function rescheduleDueDuringReview(installments: Installment[], agreement: Pick<Agreement, 'signedAt' | 'draftedAt'>, decidedAt: number): Rescheduled[] {
  const agreedDay = dayNumber(shanghaiDate(Date.parse(agreement.signedAt ?? agreement.draftedAt)));
  const decidedDay = dayNumber(shanghaiDate(decidedAt));
  const moved: Rescheduled[] = [];
  let earliest = decidedDay;
  for (const inst of installments) {
    const due = dayNumber(inst.dueDate);
    if (endOfDueDay(inst.dueDate) < decidedAt && inst.status !== 'paid') {
      const to = Math.max(decidedDay + Math.max(0, due - agreedDay), earliest);
      moved.push({ no: inst.no, from: inst.dueDate, to: dateOf(to) });
      inst.dueDate = dateOf(to);
    }
    earliest = Math.max(earliest, dayNumber(inst.dueDate));
  }
  return moved;
}

/** The case's record of it: one event naming each installment's old and new date. */
export function rescheduledEvents(host: CaseHost, moved: Rescheduled[]): CaseEvent[] {
  if (moved.length === 0) return [];
  const list = moved.map((m) => `第${m.no}期由${m.from}改为${m.to}`).join('，');
  return [host.systemEvent('installments_rescheduled', `审查确认期间已届期的付款自审查确认之日起重新计算：${list}`, { moved })];
}
