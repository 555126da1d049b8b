/**
 * The legal-aid case in the supervisors' account: its clocks' warnings and expiries stand out, its SMS to all the
 * workers of a milestone are one send each. Its other events read by their summaries. Pure.
 */
import type { KindAccount } from '../account-spec';

export const legalAidAccount: KindAccount = {
  fanOut: ['legal-aid-notice', 'legal-aid-clock'],
  events: {
    clock_started: { entry: 'deadline_set' },
    clock_warning: { entry: 'escalation', sms: 'legal-aid-clock' },
    clock_expired: { entry: 'deadline_missed', warn: true, sms: 'legal-aid-clock' },
    conflict_found: { warn: true },
    lawyer_assigned: { sms: 'legal-aid-assigned' },
    assignment_ended: { warn: true },
  },
  taskEnds: { reassigned: '（改由他人办理）', canceled: '（案件已结案）' },
  engine: { started: '法律援助案件开始（工作流启动）' },
};
