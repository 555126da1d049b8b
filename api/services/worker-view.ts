/**
 * What the worker reads of their case (issue 15): milestones written for them, never the staff's own notes (a note
 * meant for a partner department included); the current step, who is in charge and by when (有人管、有回应、有时限);
 * and their rating (有评判). Pure, from the case's events and live view; the JSON API and the phone page share it.
 */
import { OUTCOME_LABELS, type GrievanceView, type Outcome } from '../../workflows/kinds/grievance/model';
import { ROLE_LABELS, type Role } from '../../workflows/shared/roles';
import { yuan } from '../../workflows/shared/present/format';

interface EventRow { type: string; at: Date; data: unknown; actor_role: string }

const STEP_FOR_WORKER: Record<string, string> = {
  contact: '与您联系，了解情况', verify: '向企业工会核实情况', urge: '督促企业调解委员会调查调解', outcome: '调解并登记处理结果',
  followUp: '回访您', rating: '等待您评价本次办理', ratingReview: '街道工会主席正在复核本次办理', closed: '已办结',
};

function milestone(e: EventRow): string | null {
  const d = (e.data ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case 'filed': return '诉求已提交，工会已受理';
    case 'complainant_contacted': return '工会工作者已与您联系';
    case 'enterprise_notified': return '工会已通知企业工会主席，准备核实情况';
    case 'enterprise_verified': return '工会已向企业工会核实情况';
    case 'mediation_urged': return '工会已督促企业劳动争议调解委员会调查调解';
    case 'handed_up': return '您的诉求已提交区总工会办理（代访代办）';
    case 'task_taken_over': return `已由${ROLE_LABELS[e.actor_role as Role] ?? '上级工会'}接手办理`;
    case 'coordination_opened': return `工会已请${String(d.department ?? '相关部门')}协助处理`;
    case 'coordination_done': return '协助部门已反馈处理情况';
    case 'outcome_recorded': {
      const outcome = d.outcome as Outcome;
      const money = outcome === 'mediated' && Number(d.recoveredFen) > 0 ? `，追回 ${yuan(d.recoveredFen)} 元` : '';
      const why = outcome === 'unfounded' && d.explanation ? `。工会的说明：${String(d.explanation)}` : '';
      return `处理结果：${OUTCOME_LABELS[outcome] ?? '已登记'}${money}${why}`;
    }
    case 'follow_up_done': return '工会已回访';
    case 'complainant_note': return `您补充了说明：${String(d.text ?? '')}`;
    case 'withdrawn': return '诉求已撤回';
    case 'rated': return `您的评价：${String(d.score)}分`;
    case 'rating_expired': return '评价期限已过';
    case 'closed': return '已办结';
    default: return null; // tasks, reminders, notices to others: the staff's bookkeeping
  }
}

export function workerMilestones(events: EventRow[]): { at: Date; text: string }[] {
  return events.flatMap((e) => {
    const text = milestone(e);
    return text ? [{ at: e.at, text }] : [];
  });
}

/** The step under way as the worker should read it: what, who is in charge (unit and role), and by when. */
export function workerCurrentStep(view: GrievanceView, unitNames: Record<string, string>) {
  const task = view.openTasks.find((t) => t.kind !== 'coordination');
  const who = task ? `${unitNames[task.unitId] ?? ''}${ROLE_LABELS[task.role]}` : null;
  return { step: STEP_FOR_WORKER[view.stage] ?? '', who, dueAt: task?.dueAt ?? null };
}
